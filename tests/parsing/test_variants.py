"""The development documents in the styles real uploads come in must give the same ledger.

Each seed plan (000, 002, 003) and each dev2 excerpt is rebuilt, in tmp_path, as a variant a real
user could upload (full-width punctuation, Traditional characters, GBK/GB18030/UTF-16/BOM/CRLF
bytes, website chrome, hard-wrapped PDF text with page numbers, other unit-label and numbering
styles, .docx/.html/.xlsx files, ledgers flattened as pipe rows) and scored against the
document's own gold ledger with score.py: every task found (F1 = 1) and every task's units and
deadline right (exact = 1). Headings are also checked where the variant keeps them verbatim.

PASSING lists the (variant, documents) pairs asserted here. Pairs that fail today live in
test_variants_pending.py (not committed) with minimal examples, until the parser handles them.
Variants that would not change a document (no labels to restyle, no 1. items to renumber) are
not listed for it. Not built on purpose: hard-wrapping 511/512, whose rows are already one line
each (a PDF would not give pipe- or space-separated rows to wrap).
"""

from __future__ import annotations

import html as html_lib
import importlib.util
import io
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SEEDS = FIXTURES / "seeds"
SEED_GOLD = FIXTURES / "eval" / "gold"
DEV2 = FIXTURES / "dev2"

SEED_NAMES = {
    "000": "000_2c654679abd70264",
    "002": "002_d0914789c651349d",
    "003": "003_12f87d2dbc5014d3",
}
DEV2_NAMES = [f"{n}" for n in range(501, 517)]
DOC_IDS = list(SEED_NAMES) + DEV2_NAMES
LEDGERS = ["003", "510", "511", "512", "513"]


def doc_text(doc: str) -> str:
    if doc in SEED_NAMES:
        return (SEEDS / f"{SEED_NAMES[doc]}.txt").read_text(encoding="utf-8")
    return (DEV2 / "docs" / f"{doc}.txt").read_text(encoding="utf-8")


def doc_gold(doc: str) -> dict:
    if doc in SEED_NAMES:
        path = SEED_GOLD / f"{SEED_NAMES[doc]}.json"
    else:
        path = DEV2 / "gold" / f"{doc}.json"
    return json.loads(path.read_text(encoding="utf-8"))


def _load_score():
    spec = importlib.util.spec_from_file_location("fazhi_eval_score", FIXTURES / "eval" / "score.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


score = _load_score()


def parse_and_score(data: bytes, filename: str, gold: dict) -> tuple[dict, dict, dict]:
    """(summary, counts, prediction) of the parser's ledger for `data` against `gold`."""
    from fazhi.parsing.pipeline import parse_bytes

    pred = parse_bytes(data, filename).to_dict()
    counts = score.score_doc(gold, pred)
    return score.summarize(counts), counts, pred


# --------------------------------------------------------------------------- text helpers

_CJK = "\u4e00-\u9fff\u3000-\u303f\uff00-\uffef“”‘’《》〔〕【】"
_CJK_RE = re.compile(f"[{_CJK}]")
_FW = {c: chr(ord(c) + 0xFEE0) for c in ",:;()!?[]"}  # ASCII → full-width forms


def _txt(text: str) -> tuple[str, bytes]:
    return ".txt", text.encode("utf-8")


def _changed(new: str, old: str) -> tuple[str, bytes] | None:
    return _txt(new) if new != old else None


def to_fullwidth(text: str) -> str:
    """ASCII ,:;()!?[] → full-width where a Chinese character is next to it (spaces aside)."""
    out = []
    n = len(text)
    for i, ch in enumerate(text):
        if ch in _FW:
            j = i - 1
            while j >= 0 and text[j] in " \t":
                j -= 1
            k = i + 1
            while k < n and text[k] in " \t":
                k += 1
            prev = text[j] if j >= 0 else ""
            nxt = text[k] if k < n else ""
            if _CJK_RE.match(prev or " ") or _CJK_RE.match(nxt or " ") or prev in _FW.values():
                out.append(_FW[ch])
                continue
        out.append(ch)
    return "".join(out)


def _s2t(text: str) -> str:
    import opencc

    return opencc.OpenCC("s2t").convert(text)


CHROME_TOP = [
    "首页 > 政务公开 > 通知公告",
    "【字体:大 中 小】 浏览次数:123",
    "【打印本页】【关闭窗口】",
    "分享到:",
    "",
]
CHROME_BOTTOM = [
    "",
    "【打印本页】 【关闭窗口】",
    "扫一扫在手机打开当前页",
    "上一篇:关于开展安全生产大检查的通知",
    "下一篇:关于公布行政执法主体名单的公告",
    "版权所有:某某市人民政府办公室",
    "网站标识码:3400000001 皖ICP备05001234号-1 皖公网安备 34010402000001号",
    "联系电话:0551-12345678 技术支持:某某网络科技有限公司",
]


# Government site footers name the site's sponsor with a 主办单位 label.
SPONSOR_FOOTER = ["主办单位:某某市人民政府办公室  承办单位:某某市大数据中心"]


_PARA_START = re.compile(
    r"\s+(?=[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十]{1,3}\)|\d{1,2}\.(?!\d))"
)


def hard_wrap(text: str, width: int, page_every: int = 40, cells: bool = False, kinsoku: bool = False) -> str:
    """Text as PDF extraction gives it: each paragraph cut every `width` characters (or display
    cells, ASCII counting half, with `cells`), blank lines gone, page-number lines inserted."""
    out: list[str] = []
    page = 1
    total = max(2, len(text) // (width * page_every) + 2)
    paragraphs = []
    for raw in text.splitlines():
        # a docx copied as one line (seed 002): its paragraphs start at the outline markers
        paragraphs.extend(_PARA_START.split(raw.strip()))
    for line in paragraphs:
        if not line:
            continue
        pieces: list[str] = []
        cur, used = "", 0.0
        for ch in line:
            w = 0.5 if (cells and ord(ch) < 128) else 1.0
            if used + w > width and cur:
                if kinsoku and ch in ",。;:、)!?”":
                    cur += ch
                    pieces.append(cur)
                    cur, used = "", 0.0
                    continue
                pieces.append(cur)
                cur, used = "", 0.0
            cur += ch
            used += w
        if cur:
            pieces.append(cur)
        for p in pieces:
            out.append(p)
            if len(out) % page_every == 0:
                out.append(f"- {page} -" if page % 2 else f"第{page}页 共{total}页")
                page += 1
    return "\n".join(out) + "\n"


_LABELS = r"牵头(?:责任|负责)?(?:单位|部门)|协同责任单位|(?:责任|配合|参与)(?:单位|部门)|完成时限|时限要求"
_LABEL_RE = re.compile(rf"({_LABELS})\s*[::]\s*")
_LABEL_LINE = re.compile(rf"^\s*(?:{_LABELS})\s*[::]")


def labels_style(text: str, style: str) -> str:
    if style == "space_colon":
        return _LABEL_RE.sub(lambda m: f"{m.group(1)} : ", text)
    if style == "bracket":
        return _LABEL_RE.sub(lambda m: f"【{m.group(1)}】", text)
    if style == "fw_colon":
        return _LABEL_RE.sub(lambda m: f"{m.group(1)}\uff1a", text)
    if style == "letterspaced":
        return _LABEL_RE.sub(lambda m: " ".join(m.group(1)) + ":", text)
    raise ValueError(style)


def units_comma(text: str, comma: str = ",") -> str:
    """、 between units → a comma, inside labelled unit values only."""

    def fix(m: re.Match[str]) -> str:
        out, depth = [], 0
        for ch in m.group(2):
            depth += (ch == "(") - (ch == ")")
            out.append(comma if ch == "、" and depth == 0 else ch)
        return m.group(1) + "".join(out)

    return re.sub(
        rf"((?:{_LABELS.replace('|完成时限|时限要求', '')})\s*[::]\s*)([^;;\]】)\n]*)",
        fix,
        text,
    )


def label_synonyms(text: str) -> str:
    """Other common label words: 牵头部门, 责任部门/配合单位, 完成时间."""
    text = re.sub(r"牵头单位(?=\s*[::])", "牵头部门", text)
    text = re.sub(r"(?<![头同])责任单位(?=\s*[::])", "配合单位", text)
    return re.sub(r"完成时限(?=\s*[::])", "完成时间", text)


def labels_one_line(text: str, inline: str | None = None) -> str:
    """Consecutive label lines (blank lines between) → one line "牵头单位:X;责任单位:Y;完成时限:Z".

    inline="paren": appended to the task's paragraph as "(牵头单位:X;责任单位:Y)";
    inline="plain": appended to it after the 。.
    """
    lines = text.splitlines()
    out: list[str] = []
    i = 0
    while i < len(lines):
        if _LABEL_LINE.match(lines[i]):
            group = []
            while i < len(lines) and (_LABEL_LINE.match(lines[i]) or not lines[i].strip()):
                if lines[i].strip():
                    group.append(lines[i].strip().rstrip("。;;"))
                i += 1
            joined = ";".join(group)
            if inline:
                k = len(out) - 1
                while k >= 0 and not out[k].strip():
                    k -= 1
                if k >= 0 and not _LABEL_LINE.match(out[k]):
                    del out[k + 1 :]
                    out[k] = out[k].rstrip() + (f"({joined})" if inline == "paren" else joined)
                    out.append("")
                    continue
            out.append(joined)
            out.append("")
            continue
        out.append(lines[i])
        i += 1
    return "\n".join(out) + "\n"


def bracket_to_lines(text: str) -> str:
    """503's "…。[牵头单位:X;责任单位:Y]" → the labels on their own lines under the task."""

    def fix(m: re.Match[str]) -> str:
        return m.group(1) + "\n" + m.group(2).replace(";", "\n").replace(";", "\n")

    return re.sub(r"(。)\s*[\[【(]((?:牵头|责任)[^\]】)]*)[\]】)]\s*$", fix, text, flags=re.M)


_CN = "一二三四五六七八九十"


def _cn(n: int) -> str:
    if n <= 10:
        return _CN[n - 1]
    if n < 20:
        return "十" + _CN[n - 11]
    return _CN[n // 10 - 1] + "十" + (_CN[n % 10 - 1] if n % 10 else "")


CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def numbering(text: str, style: str) -> str:
    if style == "dunhao":  # 1. → 1、
        return re.sub(
            r"(^|(?<=[\s。;)]))(\d{1,3})\.(?!\d)\s*(?=[\u4e00-\u9fff“《])", r"\1\2、", text, flags=re.M
        )
    if style == "dot":  # 1、 → 1.
        return re.sub(r"(^\s*)(\d{1,3})、(?!\d)", r"\1\2.", text, flags=re.M)
    if style == "space":  # 1.X → 1. X,  (一)X → (一) X
        t = re.sub(r"(^\s*\d{1,3}[.、])(?=[\u4e00-\u9fff])", r"\1 ", text, flags=re.M)
        return re.sub(r"(^\s*\([一二三四五六七八九十]{1,3}\))(?=[\u4e00-\u9fff])", r"\1 ", t, flags=re.M)
    if style == "circled":  # task-level 1. → ①, only where no (1)/① level exists
        if re.search(r"[①-⑳]|^\s*\(\d{1,2}\)", text, flags=re.M):
            return text
        return re.sub(
            r"(^\s*)(\d{1,2})[.、](?!\d)\s*",
            lambda m: m.group(1) + CIRCLED[int(m.group(2)) - 1] if 0 < int(m.group(2)) <= 20 else m.group(0),
            text,
            flags=re.M,
        )
    if style == "paren_arabic":  # task-level 1. → (1), only where no (1) level exists
        if re.search(r"^\s*\(\d{1,2}\)", text, flags=re.M):
            return text
        return re.sub(r"(^\s*)(\d{1,2})[.、](?!\d)\s*", r"\1(\2)", text, flags=re.M)
    if style == "cn_dot":  # 一、 → 一.
        return re.sub(r"(^\s*)([一二三四五六七八九十]{1,3})、", r"\1\2.", text, flags=re.M)
    if style == "chapter":  # 一、X → 第一部分 X
        return re.sub(r"(^\s*)([一二三四五六七八九十]{1,3})、", r"\1第\2部分 ", text, flags=re.M)
    raise ValueError(style)


# --------------------------------------------------------------------------- ledger tables

TableModel = tuple[list[list[str]], list[list[str | None]]]
# header rows, body rows; a None body cell is merged with the cell above (rowspan).


def _table_003() -> TableModel:
    text = doc_text("003")
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    header = ["一级指标", "二级指标", "序号", "主要任务", "牵头、责任部门"]
    start = lines.index("一级指标")
    rows: list[list[str | None]] = []
    cat1 = cat2 = None
    cur: dict | None = None
    i = start + 5
    new_cat1 = new_cat2 = False
    while i < len(lines):
        ln = lines[i]
        i += 1
        if ln in header:
            continue
        if re.match(r"^[一二三四五六七八九十]{1,3}、", ln):
            new_cat1 = ln != cat1
            cat1 = ln
            continue
        if re.match(r"^\d{1,2}\.(?!\d)", ln) and len(ln) <= 40:
            new_cat2 = ln != cat2
            cat2 = ln
            continue
        if re.fullmatch(r"\d{1,3}", ln):
            cur = {"n": ln, "cat1": cat1 if new_cat1 else None, "cat2": cat2 if new_cat2 else None}
            new_cat1 = new_cat2 = False
            cur["content"], cur["units"] = [], []
            rows.append(cur)  # type: ignore[arg-type]
            continue
        assert cur is not None
        if re.match(r"^责?(?:牵头|责任|责责任)(?:单位|部门)[::]", ln) or (
            cur["units"] and len(ln) < 30 and not ln.endswith("。")
        ):
            cur["units"].append(ln)
            continue
        cur["content"].append(ln)
    body: list[list[str | None]] = []
    for r in rows:  # type: ignore[assignment]
        units = "\n".join(r["units"]) if r["units"] else None  # type: ignore[index]
        body.append([r["cat1"], r["cat2"], r["n"], "".join(r["content"]), units])  # type: ignore[index]
    return [header], body


def _table_510() -> TableModel:
    header = ["序号", "目标与任务", "牵头责任单位", "完成情况", "督查情况"]
    cells = [ln.strip().rstrip("|").strip() for ln in doc_text("510").splitlines()[6:] if ln.strip()]
    rows, cur = [], None
    for c in cells:
        if re.fullmatch(r"\d{1,3}", c):
            cur = [c]
            rows.append(cur)
        else:
            assert cur is not None
            cur.append(c)
    body = [(r + [""] * 5)[:5] for r in rows]
    return [header], body  # type: ignore[return-value]


def _table_511() -> TableModel:
    lines = [ln for ln in doc_text("511").splitlines() if ln.count("|") >= 3][1:]
    # 工作任务 spans the two category columns and 具体要求 the number and text columns
    header = ["工作任务", "", "", "具体要求", "责任单位", "时限要求"]
    body: list[list[str | None]] = []
    for ln in lines:
        cells = [c.strip() for c in ln.strip().strip("|").split("|")]
        cells = [c for c in cells if c]
        if len(cells) == 6:
            body.append(cells)  # type: ignore[arg-type]
        else:
            body.append([None, None, *cells])
    return [header], body


def _table_512() -> TableModel:
    header = ["序号", "类别", "主要任务", "细化措施", "牵头单位", "参与单位", "责任单位"]
    lines = doc_text("512").splitlines()
    r1 = next(ln for ln in lines if ln.startswith("1 加强"))
    r2 = next(ln for ln in lines if ln.startswith("2 "))
    t1 = r1.split(" ")
    t2 = [t for t in r2.split(" ") if t]
    body: list[list[str | None]] = [
        ["1", "加强水资源保护", "严守水资源开发利用控制红线", *t1[4:8]],
        ["2", None, "严守用水效率控制红线", *t2[4:8]],
    ]
    return [header], body


def _table_513() -> TableModel:
    header = ["考核项目", "序号", "考核指标", "考核内容", "单位", "年度目标", "责任部门", "评分部门"]
    two = "县海洋与渔业局\n县农业农村局"
    rows: list[list[str | None]] = [
        [
            "农业高质高效",
            "1",
            "确保粮食和重要农产品有效供给",
            "农林牧渔业增加值增幅",
            "%",
            "≥2%",
            two,
            "市海洋渔业局市农业农村局",
        ],
        [None, "2", None, "农业劳动生产率及增幅", "万元/人", "全市统筹", two, "市海洋渔业局市农业农村局"],
        [None, "3", None, "粮食安全责任制", "-", "良好以上", "县经济和信息化局", "市商务局"],
        [None, "4", None, "粮食播种面积", "万亩", "0.07", "县农业农村局", "市农业农村局"],
        [None, "5", None, "油菜面积", "万亩", "0", "县农业农村局", "市农业农村局"],
        [None, "6", None, "粮食总产量", "亿斤", "0.0038", "县农业农村局", "市农业农村局"],
        [None, "7", None, "生猪存栏", "万头", "0", "县农业农村局", "市农业农村局"],
        [None, "8", None, "家禽出栏", "万只", "1", "县农业农村局", "市农业农村局"],
        [None, "9", None, "水产品产量", "万吨", "42", "县农业农村局", "市海洋渔业局"],
        [None, "10", None, "建设美丽牧场", "", "0", "县农业农村局", "市农业农村局"],
        [
            None,
            "11",
            "建设“千亩方、万亩方”",
            "永久基本农田",
            "万亩",
            "0",
            "县自然资源和规划局",
            "市资源规划局",
        ],
        [None, "12", None, "新建高标准农田", "万亩", "0", "县农业农村局", "市农业农村局"],
        [None, "13", None, "整治粮食生产功能区“非粮化”", "万亩", "0", "县农业农村局", ""],
    ]
    return [header], rows


TABLES: dict[str, Callable[[], TableModel]] = {
    "003": _table_003,
    "510": _table_510,
    "511": _table_511,
    "512": _table_512,
    "513": _table_513,
}


def _preamble(doc: str) -> list[str]:
    """The text lines before the table (title, notice), for the structured ledger files."""
    text = doc_text(doc)
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    first_header = TABLES[doc]()[0][0][0]
    stops = {"003": "一级指标", "510": "序号 |", "511": "工作任务", "512": "序号 类别", "513": "考核项目"}
    out = []
    for ln in lines:
        if ln.startswith(stops[doc]) or ln == first_header:
            break
        out.append(ln)
    return out


def _filled(body: list[list[str | None]]) -> list[list[str]]:
    """Merged cells repeated (what a reader that fills merges sees)."""
    out: list[list[str]] = []
    for r in body:
        row = []
        for j, c in enumerate(r):
            row.append(c if c is not None else (out[-1][j] if out else ""))
        out.append(row)
    return out


def ledger_rows_text(doc: str, sep: str, fill: bool = False, blank_merged: bool = True) -> str:
    """The ledger flattened as one line per row; cells joined by `sep` ("|", "  ", "\\t")."""
    header, body = TABLES[doc]()
    rows = _filled(body) if fill else [[c or "" for c in r] for r in body]
    lines = _preamble(doc) + [""]
    for r in header + rows:
        cells = [c.replace("\n", " ") for c in r]
        if sep == "|":
            lines.append("| " + " | ".join(cells) + " |")
        else:
            if not blank_merged:
                cells = [c for c in cells if c]
            lines.append(sep.join(cells))
    return "\n".join(lines) + "\n"


def ledger_docx(doc: str) -> bytes:
    import docx

    header, body = TABLES[doc]()
    d = docx.Document()
    for ln in _preamble(doc):
        d.add_paragraph(ln)
    ncol = len(header[0])
    t = d.add_table(rows=len(header) + len(body), cols=ncol)
    t.style = "Table Grid"
    for j, h in enumerate(header[0]):
        t.cell(0, j).text = h
    for i, r in enumerate(body, start=1):
        for j, c in enumerate(r):
            if c is not None:
                parts = c.split("\n")
                cell = t.cell(i, j)
                cell.text = parts[0]
                for p in parts[1:]:
                    cell.add_paragraph(p)
    # vertical merges: a None cell joins the nearest non-None cell above
    for j in range(ncol):
        i = 1
        while i <= len(body):
            k = i
            while k < len(body) and body[k][j] is None:  # body index k is table row k+1
                k += 1
            if k > i:
                t.cell(i, j).merge(t.cell(k, j))
            i = k + 1
    d.add_paragraph("")
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _rowspans(body: list[list[str | None]]) -> list[list[int]]:
    spans = [[1] * len(r) for r in body]
    for j in range(len(body[0])):
        for i in range(len(body)):
            if body[i][j] is None:
                continue
            k = i + 1
            while k < len(body) and body[k][j] is None:
                k += 1
            spans[i][j] = k - i
    return spans


def ledger_html(doc: str) -> bytes:
    header, body = TABLES[doc]()
    spans = _rowspans(body)
    out = ['<html><head><meta charset="utf-8"><title>x</title></head><body><div class="article">']
    for ln in _preamble(doc):
        out.append(f"<p>{html_lib.escape(ln)}</p>")
    out.append('<table border="1">')
    out.append("<tr>" + "".join(f"<th>{html_lib.escape(h)}</th>" for h in header[0]) + "</tr>")
    for r, sp in zip(body, spans, strict=True):
        tds = []
        for c, s in zip(r, sp, strict=True):
            if c is None:
                continue
            attr = f' rowspan="{s}"' if s > 1 else ""
            tds.append(f"<td{attr}>{'<br>'.join(html_lib.escape(p) for p in c.split(chr(10)))}</td>")
        out.append("<tr>" + "".join(tds) + "</tr>")
    out.append("</table></div></body></html>")
    return "\n".join(out).encode("utf-8")


def ledger_xlsx(doc: str) -> bytes:
    import openpyxl

    header, body = TABLES[doc]()
    wb = openpyxl.Workbook()
    ws = wb.active
    pre = _preamble(doc)
    r0 = 1
    for ln in pre[-1:]:  # the sheet title only
        ws.cell(row=r0, column=1, value=ln)
        r0 += 1
    for j, h in enumerate(header[0], start=1):
        ws.cell(row=r0, column=j, value=h)
    spans = _rowspans(body)
    for i, (r, sp) in enumerate(zip(body, spans, strict=True), start=r0 + 1):
        for j, (c, s) in enumerate(zip(r, sp, strict=True), start=1):
            if c is None:
                continue
            v: object = int(c) if re.fullmatch(r"\d{1,3}", c) else c
            ws.cell(row=i, column=j, value=v)
            if s > 1:
                ws.merge_cells(start_row=i, start_column=j, end_row=i + s - 1, end_column=j)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def autonum_docx(text: str) -> bytes | None:
    """Task items "N.xxx" as Word automatic numbering (style List Number) without the typed "N."."""
    import docx

    items = [ln.strip() for ln in text.splitlines() if ln.strip()]
    nums = [int(m.group(1)) for ln in items if (m := re.match(r"(\d{1,2})[.、](?!\d)", ln))]
    if not nums or nums != list(range(1, len(nums) + 1)):
        return None  # only a single continuous 1. … N. sequence maps onto one Word list
    d = docx.Document()
    for ln in items:
        m = re.match(r"(\d{1,2})[.、](?!\d)\s*", ln)
        if m:
            d.add_paragraph(ln[m.end() :], style="List Number")
        else:
            d.add_paragraph(ln)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def text_docx(text: str) -> bytes:
    import docx

    d = docx.Document()
    for ln in text.splitlines():
        if ln.strip():
            d.add_paragraph(ln.strip())
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def text_html(text: str, chrome: bool = False) -> bytes:
    out = ['<!DOCTYPE html><html><head><meta charset="utf-8"><title>政务公开</title></head><body>']
    if chrome:
        out.append('<div class="nav"><a href="/">首页</a> &gt; <a>政务公开</a> &gt; <a>通知公告</a></div>')
        out.append('<div class="info">发布机构:某某区人民政府办公室 浏览次数:123 【字体:大 中 小】</div>')
    out.append('<div class="article">')
    for ln in text.splitlines():
        if ln.strip():
            out.append(f"<p>{html_lib.escape(ln.strip())}</p>")
    out.append("</div>")
    if chrome:
        out.append("<div>【打印本页】【关闭窗口】</div><div>分享到:</div>")
        out.append(
            "<div>上一篇:关于开展安全生产大检查的通知</div><div>下一篇:关于公布行政执法主体名单的公告</div>"
        )
        out.append("<footer>版权所有:某某市人民政府办公室 皖ICP备05001234号-1</footer>")
    out.append("</body></html>")
    return "\n".join(out).encode("utf-8")


# --------------------------------------------------------------------------- the variants


def _enc(text: str, codec: str, prefix: bytes = b"") -> tuple[str, bytes] | None:
    try:
        return ".txt", prefix + text.encode(codec)
    except UnicodeEncodeError:
        return None


# 511 and 512 print one table row per line already; wrapping those rows is not what a PDF gives.
_ROW_PER_LINE = ("511", "512")


def _wrapped(doc: str, text: str, width: int, **kw: bool | int) -> tuple[str, bytes] | None:
    return None if doc in _ROW_PER_LINE else _txt(hard_wrap(text, width, **kw))  # type: ignore[arg-type]


Variant = Callable[[str, str], "tuple[str, bytes] | None"]

VARIANTS: dict[str, Variant] = {
    # 1. punctuation
    "fullwidth": lambda d, t: _changed(to_fullwidth(t), t),
    # 2. script, encodings, line endings
    "traditional": lambda d, t: _changed(_s2t(t), t),
    "traditional_fullwidth": lambda d, t: _changed(_s2t(to_fullwidth(t)), t),
    "gb18030": lambda d, t: _enc(t, "gb18030"),
    "gbk": lambda d, t: _enc(t, "gbk"),
    "gbk_fullwidth": lambda d, t: _enc(to_fullwidth(t), "gbk"),
    "big5_traditional": lambda d, t: _enc(_s2t(t), "big5"),
    "utf8_bom": lambda d, t: (".txt", b"\xef\xbb\xbf" + t.encode("utf-8")),
    "crlf": lambda d, t: (".txt", t.replace("\r\n", "\n").replace("\n", "\r\n").encode("utf-8")),
    "utf16": lambda d, t: (".txt", t.encode("utf-16")),
    # 3. website chrome
    "chrome": lambda d, t: _txt("\n".join(CHROME_TOP) + "\n" + t + "\n" + "\n".join(CHROME_BOTTOM) + "\n"),
    "chrome_fullwidth": lambda d, t: _txt(
        to_fullwidth("\n".join(CHROME_TOP) + "\n" + t + "\n" + "\n".join(CHROME_BOTTOM) + "\n")
    ),
    "chrome_sponsor": lambda d, t: _txt(t + "\n" + "\n".join(CHROME_BOTTOM + SPONSOR_FOOTER) + "\n"),
    # 4. hard-wrapped PDF text
    "wrap30": lambda d, t: _wrapped(d, t, 30),
    "wrap34": lambda d, t: _wrapped(d, t, 34),
    "wrap38": lambda d, t: _wrapped(d, t, 38),
    "wrap34_fullwidth": lambda d, t: _wrapped(d, to_fullwidth(t), 34),
    "wrap34_kinsoku": lambda d, t: _wrapped(d, to_fullwidth(t), 34, kinsoku=True),
    "wrap34_cells": lambda d, t: _wrapped(d, t, 34, cells=True),
    "wrap34_page20": lambda d, t: _wrapped(d, t, 34, page_every=20),
    # 5. unit labels
    "label_space_colon": lambda d, t: _changed(labels_style(t, "space_colon"), t),
    "label_bracket": lambda d, t: _changed(labels_style(t, "bracket"), t),
    "label_fw_colon": lambda d, t: _changed(labels_style(t, "fw_colon"), t),
    "label_letterspaced": lambda d, t: _changed(labels_style(t, "letterspaced"), t),
    "units_fw_comma": lambda d, t: _changed(units_comma(t, "\uff0c"), t),
    "units_comma": lambda d, t: _changed(units_comma(t, ","), t),
    "label_synonyms": lambda d, t: _changed(label_synonyms(t), t),
    "units_space": lambda d, t: _changed(units_comma(t, " "), t),
    "labels_one_line": lambda d, t: None if d in LEDGERS else _changed(labels_one_line(t), t),
    "labels_inline_paren": lambda d, t: None if d in LEDGERS else _changed(labels_one_line(t, "paren"), t),
    "labels_inline_plain": lambda d, t: None if d in LEDGERS else _changed(labels_one_line(t, "plain"), t),
    "bracket_to_lines": lambda d, t: _changed(bracket_to_lines(t), t),
    # 6. numbering
    "num_dunhao": lambda d, t: _changed(numbering(t, "dunhao"), t),
    "num_dot": lambda d, t: _changed(numbering(t, "dot"), t),
    "num_space": lambda d, t: _changed(numbering(t, "space"), t),
    "num_circled": lambda d, t: None if d in LEDGERS else _changed(numbering(t, "circled"), t),
    "num_paren_arabic": lambda d, t: None if d in LEDGERS else _changed(numbering(t, "paren_arabic"), t),
    "num_cn_dot": lambda d, t: _changed(numbering(t, "cn_dot"), t),
    "num_chapter": lambda d, t: _changed(numbering(t, "chapter"), t),
    # 7. structured formats
    "docx_paras": lambda d, t: (".docx", text_docx(t)),
    "docx_autonum": lambda d, t: (".docx", b) if d not in LEDGERS and (b := autonum_docx(t)) else None,
    "html_paras": lambda d, t: (".html", text_html(t)),
    "html_chrome": lambda d, t: (".html", text_html(t, chrome=True)),
    "docx_table": lambda d, t: (".docx", ledger_docx(d)) if d in TABLES else None,
    "html_table": lambda d, t: (".html", ledger_html(d)) if d in TABLES else None,
    "xlsx_table": lambda d, t: (".xlsx", ledger_xlsx(d)) if d in TABLES else None,
    # 8. ledgers flattened otherwise
    "rows_pipe": lambda d, t: _txt(ledger_rows_text(d, "|")) if d in TABLES else None,
    "rows_pipe_filled": lambda d, t: _txt(ledger_rows_text(d, "|", fill=True)) if d in TABLES else None,
    "rows_tab": lambda d, t: _txt(ledger_rows_text(d, "\t")) if d in TABLES else None,
    "rows_spaces": lambda d, t: _txt(ledger_rows_text(d, "  ", blank_merged=False)) if d in TABLES else None,
    "rows_spaces_filled": lambda d, t: _txt(ledger_rows_text(d, "  ", fill=True)) if d in TABLES else None,
}


def build(doc: str, variant: str) -> tuple[str, bytes] | None:
    return VARIANTS[variant](doc, doc_text(doc))


# --------------------------------------------------------------------------- the tests

# variant -> the documents (space-separated) on which it must reproduce the gold ledger exactly
PASSING: dict[str, str] = {
    "fullwidth": "000 002 003 501 502 503 504 505 506 507 508 509 510 511 512 513 514 515 516",
    "traditional": "000 002 003 501 502 503 504 505 506 507 508 509 510 511 512 513 514 515 516",
    "traditional_fullwidth": "000 002 003 501 502 503 504 505 506 507 508 509 510 511 512 513 514 515 516",
    "gb18030": "000 002 003 501 502 503 504 505 506 507 508 509 510 511 512 513 514 515 516",
    "gbk": "002 501 502 503 504 505 506 507 508 509 510 511 512 513 514 515 516",
    "gbk_fullwidth": "002 501 502 503 504 505 506 507 508 509 510 511 512 513 514 515 516",
    "big5_traditional": "502 508 511 512 514",
    "utf8_bom": "000 002 003 501 502 503 504 505 506 507 508 509 510 511 512 513 514 515 516",
    "crlf": "000 002 003 501 502 503 504 505 506 507 508 509 510 511 512 513 514 515 516",
    "utf16": "000 002 003 501 502 503 504 505 506 507 508 509 510 511 512 513 514 515 516",
    "chrome": "000 002 501 502 503 504 505 506 507 508 509 511 512 514 515 516",
    "chrome_fullwidth": "000 002 501 502 503 504 505 506 507 508 509 511 512 514 515 516",
    "chrome_sponsor": "511 512",
    "wrap30": "000 501 502 504 505 506 507 508 509 513 514 515 516",
    "wrap34": "000 501 502 504 505 506 507 508 509 510 513 514 515 516",
    "wrap38": "000 003 501 502 505 506 507 508 509 510 513 514 515 516",
    "wrap34_fullwidth": "000 501 502 504 505 506 507 508 509 510 513 514 515 516",
    "wrap34_kinsoku": "000 501 502 504 505 506 507 508 509 510 513 514 515 516",
    "wrap34_cells": "000 501 502 503 504 505 506 507 508 509 513 514 515 516",
    "wrap34_page20": "000 501 502 504 505 506 507 508 509 510 513 514 515 516",
    "label_space_colon": "000 003 501 502 503 504 507 509",
    "label_fw_colon": "000 003 501 502 503 504 507 509",
    "label_letterspaced": "000 003 501 502 503 504 507 509",
    "units_fw_comma": "000 003 501 503 504 507 509",
    "units_comma": "000 003 501 503 504 507 509",
    "label_synonyms": "000 003 502 503 504 507 509",
    "labels_one_line": "000 002 501 502 503 504 505 506 507 508 509 514 515 516",
    "labels_inline_paren": "000 002 501 502 503 504 505 506 507 508 509 514 515 516",
    "labels_inline_plain": "000 002 501 502 503 504 505 506 507 508 509 514 515 516",
    "bracket_to_lines": "504",
    "num_dunhao": "000 002 003 501 504 505 506 507 509 514 515 516",
    "num_dot": "503",
    "num_space": "000 003 502 503 504 506 507 508 509 514 515 516",
    "num_circled": "000 501 503 504 505 506 507 514 515 516",
    "num_paren_arabic": "000 501 503 504 505 506 507 514 515 516",
    "num_cn_dot": "000 003 501 502 503 504 505 506 507 508 511 514 515 516",
    "num_chapter": "000 003 501 502 503 504 505 506 507 511 514 515 516",
    "docx_paras": "000 002 003 501 502 503 504 505 506 507 508 509 510 511 512 513 514 515 516",
    "docx_autonum": "000 501 503 504 505 506 509 514 515 516",
    "html_paras": "000 002 003 501 502 503 504 505 506 507 508 509 510 511 512 513 514 515 516",
    "html_chrome": "000 002 003 501 502 503 504 505 506 507 508 509 510 511 512 513 514 515 516",
    "docx_table": "510 511 512 513",
    "html_table": "510 511 512 513",
    "xlsx_table": "510 511 512 513",
    "rows_pipe": "510 511 512 513",
    "rows_pipe_filled": "510 511 512 513",
    "rows_tab": "512",
    "rows_spaces": "512",
    "rows_spaces_filled": "512",
}

_CASES = [
    pytest.param(doc, variant, id=f"{variant}-{doc}")
    for variant, docs in PASSING.items()
    for doc in docs.split()
]


def _check(doc: str, variant: str, tmp_path: Path) -> None:
    from fazhi.parsing import parse_file

    built = build(doc, variant)
    assert built is not None, f"variant {variant} does not apply to {doc}"
    suffix, data = built
    path = tmp_path / f"{doc}{suffix}"
    path.write_bytes(data)
    gold = doc_gold(doc)
    pred = parse_file(str(path)).to_dict()
    counts = score.score_doc(gold, pred)
    s = score.summarize(counts)
    assert s["F1"] == 1.0, (s, [t["number"] for t in pred["tasks"]], counts["errors"])
    assert s["exact"] == 1.0, counts["errors"]
    if not variant.startswith("num_"):  # renumbering reprints the markers inside headings
        assert s["heading"] == 1.0, [t["heading_path"] for t in pred["tasks"]]


@pytest.mark.parametrize("doc,variant", _CASES)
def test_variant_gives_the_gold_ledger(doc: str, variant: str, tmp_path: Path) -> None:
    _check(doc, variant, tmp_path)


# The command line the scorer runs (score.py --cmd) reads the same files the same way.
_CLI_CASES = [
    ("002", "gb18030"),
    ("514", "traditional_fullwidth"),
    ("000", "docx_paras"),
    ("513", "xlsx_table"),
    ("510", "html_table"),
]


@pytest.mark.parametrize("doc,variant", _CLI_CASES)
def test_cli_reads_the_variant_file(doc: str, variant: str, tmp_path: Path) -> None:
    import sys

    assert doc in PASSING[variant].split()
    suffix, data = build(doc, variant)  # type: ignore[misc]
    path = tmp_path / f"{doc}{suffix}"
    path.write_bytes(data)
    pred = score.run_parser(f"{sys.executable} -m fazhi.cli parse {{file}} --format json", str(path), 120)
    s = score.summarize(score.score_doc(doc_gold(doc), pred))
    assert s["F1"] == 1.0 and s["exact"] == 1.0, s
