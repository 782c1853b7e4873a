"""Importing a past 法治政府建设年度报告: statutory sections, figures, year, issuer, date.

Plain Python; must never import Django.

    from fazhi.parsing.reports import parse_report_file
    rep = parse_report_file("2024年度法治政府建设工作报告.docx")
    [(s.kind, s.heading) for s in rep.sections]   # [("measures", "一、2024度…主要举措和成效"), …]
    [(f.value, f.unit) for f in rep.figures]       # [(355, "件"), (76, "名"), (96.97, "%"), …]

The statute (法治政府建设与责任落实督察工作规定, 2019) fixes five sections, but every district
words its headings differently ("存在的问题和不足", "下一步工作打算", "履行法治建设第一责任人
职责,持续加强…情况"), so headings are mapped to a kind by meaning keywords, not by exact text.

Figures are counts with a measure word (355件, 76名), percentages and rates written in Arabic
digits. Years, dates, document numbers, ordinals and numbers inside names (《…》, 〔…〕, “…”) are
skipped. All regexes use bounded or fixed quantifiers, so matching is linear in the input.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from fazhi.parsing.markers import RANK, cn_to_int, match_marker
from fazhi.parsing.normalize import SOFT_BREAK, Line, normalize_lines, squeeze_lines
from fazhi.parsing.textlayout import unwrap_lines

__all__ = [
    "SECTION_KINDS",
    "Figure",
    "ParsedReport",
    "ReportSection",
    "classify_heading",
    "extract_figures",
    "parse_report_bytes",
    "parse_report_file",
    "parse_report_lines",
    "parse_report_text",
]

# The statutory sections in statutory order, with the label used in warnings.
SECTION_KINDS: dict[str, str] = {
    "measures": "主要举措和成效",
    "shortcomings": "存在的不足和原因",
    "first_responsible": "党政主要负责人履行推进法治建设第一责任人职责情况",
    "next_year": "下一年度主要安排",
    "other": "其他需要报告的情况",
}
# "其他需要报告的情况" is routinely omitted when there is nothing to add; only these four are
# reported missing.
_REQUIRED = ("measures", "shortcomings", "first_responsible", "next_year")


@dataclass
class ReportSection:
    heading: str  # as printed, with its marker ("一、…")
    kind: str | None  # a key of SECTION_KINDS, or None when the heading matches none
    text: str  # the section body, lines joined by "\n" (an inline heading's rest included)


@dataclass
class Figure:
    text: str  # the shortest clause holding the figure: "共审查各类合同、议题、纪要、文件等355件"
    value: int | float
    unit: str  # "件", "名", "%", "万元", "人次" … (余/多 dropped: "124余万元" → 124, "万元")
    section_kind: str | None  # kind of the section it was found in; None outside sections
    context: str  # the whole sentence around it


@dataclass
class ParsedReport:
    title: str | None
    issuer: str | None
    date: str | None  # YYYY-MM-DD, the signature date
    year: int | None  # the year reported on
    sections: list[ReportSection] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


# --------------------------------------------------------------------------------------------
# Section headings.

# Meaning keywords per kind. A heading takes the kind whose keyword appears first in it, so
# "下一步工作打算及解决问题的措施" is next_year although it mentions 问题, and "…第一责任人
# 职责,持续加强法治政府建设情况" is first_responsible although 情况 also ends measures headings.
_KIND_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "other",
        re.compile(
            r"其[他它](?:需要|需|应当|应)?(?:报告|说明)的?(?:情况|事项|问题)|其[他它](?:有关)?(?:情况|事项)"
        ),
    ),
    (
        "first_responsible",
        re.compile(r"第一责任人|主要负责人|党政负责人|主要领导|履行[^,。;]{0,12}职责|述法"),
    ),
    ("shortcomings", re.compile(r"不足|问题|短板|差距|薄弱|困难|不够")),
    (
        "next_year",
        re.compile(r"下一年|下一步|下步|明年|来年|安排|打算|计划|思路|努力方向|展望|重点工作"),
    ),
    (
        "measures",
        re.compile(r"举措|成效|成绩|做法|主要工作|工作(?:开展)?情况|开展情况|完成情况|进展|亮点|经验"),
    ),
]
_PRIORITY = {kind: i for i, (kind, _) in enumerate(_KIND_PATTERNS)}


def classify_heading(heading: str) -> str | None:
    """The statutory section a heading names ("存在的问题和不足" → "shortcomings"), or None."""
    best: tuple[int, int, str] | None = None
    for kind, pat in _KIND_PATTERNS:
        m = pat.search(heading)
        if m and (best is None or (m.start(), _PRIORITY[kind]) < best[:2]):
            best = (m.start(), _PRIORITY[kind], kind)
    return best[2] if best else None


# "第一部分" is not an outline marker of plans (markers.py) but some reports number sections so.
_PART_MARKER = re.compile(r"第([一二三四五六七八九十]{1,3})部分\s*[、.:]?\s*")
# Unmarked headings ("下一步工作打算" on its own line) are accepted only for these strong
# phrases: a bare "问题" or "安排" on a short line is too often something else.
_STRONG_UNMARKED = re.compile(
    r"主要举措|举措和成效|工作成效|主要成效|取得的成效|存在的?(?:主要)?(?:问题|不足)|不足和原因"
    r"|问题和不足|第一责任人|下一年度|下一步|主要安排|工作打算|工作计划|其[他它]需要报告"
)
_MAX_HEADING = 80  # longer lines are paragraphs, unless they open with a heading sentence
_MAX_INLINE_HEADING = 60


@dataclass
class _Candidate:
    pos: int  # index into the body lines
    marker_kind: str | None  # markers.RANK key, "部分", or None for an unmarked line
    ordinal: int
    heading: str
    rest: str  # body text after an inline heading ("一、主要举措和成效。2024年以来…")
    kind: str | None


def _candidate(pos: int, text: str) -> _Candidate | None:
    pm = _PART_MARKER.match(text)
    if pm:
        marker_kind: str | None = "部分"
        ordinal = cn_to_int(pm.group(1))
        after = pm.end()
    else:
        mk = match_marker(text, 0)
        marker_kind = mk.kind if mk else None
        ordinal = mk.ordinal if mk else 0
        after = mk.end if mk else 0
    body = text[after:]
    if marker_kind is not None:
        if len(text) <= _MAX_HEADING and "。" not in text[:-1]:
            heading, rest = text.rstrip("。"), ""
        else:
            stop = body.find("。", 0, _MAX_INLINE_HEADING)
            if stop < 0:
                return None
            heading, rest = text[: after + stop], body[stop + 1 :]
        return _Candidate(pos, marker_kind, ordinal, heading, rest, classify_heading(heading[after:]))
    # Unmarked: a short line that is not a sentence and names a section in a fixed phrase.
    if len(text) > 30 or text.endswith(("。", ",", ";", ":", "、")) or "," in text or "。" in text:
        return None
    if not _STRONG_UNMARKED.search(text):
        return None
    return _Candidate(pos, None, 0, text, "", classify_heading(text))


def _choose_sections(cands: list[_Candidate]) -> list[_Candidate]:
    """The section headings among the candidates.

    The section level is the marker kind with the most headings that name a statutory section
    (ties go to the outer kind), so "(一)…第一责任人职责…" subsections don't compete with
    "一、" sections. Unnamed headings of that level join when their ordinal continues a named
    neighbour's ("一、基本情况" before "二、存在的问题"), which keeps a nested "一、二、" list
    inside a section out. Unmarked strong headings always count.
    """
    counts: dict[str, int] = {}
    for c in cands:
        if c.marker_kind is not None and c.kind is not None:
            counts[c.marker_kind] = counts.get(c.marker_kind, 0) + 1
    level = None
    if counts:
        level = max(counts, key=lambda k: (counts[k], -(RANK.get(k, -1))))
    chosen = {
        c.pos: c for c in cands if c.kind is not None and (c.marker_kind is None or c.marker_kind == level)
    }
    # One pass each way keeps this linear: backwards for unnamed headings before the first
    # named one ("一、基本情况" before "二、…"), forwards for those continuing the sequence.
    leveled = [c for c in cands if c.marker_kind == level and level is not None]
    named_at = [i for i, c in enumerate(leveled) if c.kind is not None]
    if named_at:
        nxt = leveled[named_at[0]]
        for c in reversed(leveled[: named_at[0]]):
            if c.ordinal == nxt.ordinal - 1:
                chosen[c.pos] = nxt = c
        last: _Candidate | None = None
        for c in leveled:
            if c.pos in chosen:
                last = c
            elif last is not None and c.ordinal == last.ordinal + 1:
                chosen[c.pos] = last = c
    out: list[_Candidate] = []
    for _, c in sorted(chosen.items()):
        # An unmarked phrase repeating the kind of the section it sits in is a sub-heading
        # ("主要做法" inside 主要举措和成效), not a new section.
        if c.marker_kind is None and out and out[-1].kind == c.kind:
            continue
        out.append(c)
    return out


# --------------------------------------------------------------------------------------------
# Metadata: title, signature (issuer + date), year.

_CN_DIGIT = {
    "〇": 0,
    "零": 0,
    "O": 0,
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_DATE_FULL = re.compile(r"(20\d{2})\s*[年.\-/]\s*(\d{1,2})\s*[月.\-/]\s*(\d{1,2})\s*日?$")
# Extraction sometimes loses 年/月/日 altogether ("2025217" for 2025年2月17日).
_DATE_LOST = re.compile(r"(?<!\d)(20\d{2})\s*年?\s*(\d{2,4})\s*日?$")
_DATE_CN = re.compile(
    r"([〇零O一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3})\s*日$"
)
_TITLE_YEAR = re.compile(r"(20\d{2})\s*年?度?")
_TITLE_YEAR_CN = re.compile(r"([〇零O一二三四五六七八九]{4})\s*年")
_ORG_SUFFIX = re.compile(
    r"(?:委员会|管委会|党工委|工委|党委|党组|区委|县委|市委|政府|办事处|办公室|委|会|局|厅|院|室|部|处|所|中心|街道|镇|乡)$"
)
_SENTENCE_END = ("。", ",", ";", ":", "!", "?", "、")


def _valid(y: int, m: int, d: int) -> str | None:
    import calendar

    if 1 <= m <= 12 and 1 <= d <= calendar.monthrange(y, m)[1]:
        return f"{y:04d}-{m:02d}-{d:02d}"
    return None


def _split_lost(year: int, digits: str) -> str | None:
    """ "217" after 2025 → 2025-02-17, only when exactly one month/day split is valid."""
    found = {
        d
        for k in (1, 2)
        if len(digits) - k in (1, 2) and digits[k] != "0"
        for d in [_valid(year, int(digits[:k]), int(digits[k:]))]
        if d
    }
    return found.pop() if len(found) == 1 else None


def _match_date(text: str) -> tuple[int, str | None] | None:
    """(start of the date in `text`, the date or None if unreadable) for a line ending in a date."""
    m = _DATE_FULL.search(text)
    if m:
        return m.start(), _valid(int(m[1]), int(m[2]), int(m[3]))
    m = _DATE_CN.search(text)
    if m:
        y = int("".join(str(_CN_DIGIT[c]) for c in m[1]))
        return m.start(), _valid(y, cn_to_int(m[2]), cn_to_int(m[3]))
    m = _DATE_LOST.search(text)
    if m:
        return m.start(), _split_lost(int(m[1]), m[2])
    return None


def _org_names(raw: str) -> list[str]:
    """Issuer names on one signature line; several are separated by runs of spaces."""
    parts = [p.strip() for p in re.split(r"\s{2,}|\t", raw.strip()) if p.strip()]
    if len(parts) == 1 and " " in parts[0]:
        # A single space between two names that each end like an organisation.
        sub = parts[0].split(" ")
        if all(_ORG_SUFFIX.search(s) for s in sub if s):
            parts = [s for s in sub if s]
    return [re.sub(r"\s+", "", p) for p in parts]


def _is_org_line(text: str) -> bool:
    return (
        2 <= len(text) <= 60
        and not text.endswith(_SENTENCE_END)
        and "。" not in text
        and "," not in text
        and match_marker(text, 0) is None
        and bool(_ORG_SUFFIX.search(text))
    )


@dataclass
class _Signature:
    start: int  # first body line of the signature block (issuer lines), end of the report text
    issuer: list[str]
    date: str | None
    date_text: str


def _signature(lines: list[Line], raw_by_source: dict[int, str]) -> _Signature | None:
    """The closing issuer line(s) and date: the last date line among the last dozen lines."""
    for i in range(len(lines) - 1, max(-1, len(lines) - 13), -1):
        text = lines[i].text
        if len(text) > 60:
            continue
        found = _match_date(text)
        if found is None:
            continue
        pos, date = found
        issuer: list[str] = []
        start = i
        prefix = text[:pos].strip()
        if prefix:
            if not _is_org_line(prefix):
                continue  # a sentence ending in a date, not a signature
            # The unsqueezed line keeps the spaces between several names; cut its date off.
            raw = raw_by_source.get(lines[i].source, prefix)
            raw_date = _match_date(raw)
            issuer = _org_names(raw[: raw_date[0]] if raw_date else prefix) or [prefix]
        j = i - 1
        block: list[list[str]] = []
        while j >= 0 and i - j <= 3 and _is_org_line(lines[j].text):
            block.insert(0, _org_names(raw_by_source.get(lines[j].source, lines[j].text)))
            start = j
            j -= 1
        names = [n for group in block for n in group] + issuer
        return _Signature(start, names, date, text[pos:])
    return None


def _title(lines: list[Line]) -> tuple[int, str] | None:
    """(index, title) of the report's title among the first lines: the first with 报告 that is not
    a sentence; a title broken over two lines is joined."""
    for i, ln in enumerate(lines[:20]):
        t = ln.text
        if len(t) > _MAX_HEADING or t.endswith(_SENTENCE_END) or match_marker(t, 0) is not None:
            continue
        if "报告" in t:
            return i, t
        nxt = lines[i + 1].text if i + 1 < len(lines) else ""
        if ("关于" in t or "年度" in t) and nxt.endswith("报告") and len(t) + len(nxt) <= _MAX_HEADING:
            return i + 1, t + nxt
    return None


def _year_of(text: str) -> int | None:
    m = _TITLE_YEAR.search(text)
    if m:
        return int(m[1])
    m = _TITLE_YEAR_CN.search(text)
    if m:
        return int("".join(str(_CN_DIGIT[c]) for c in m[1]))
    return None


def _issuer_from_head(lines: list[Line], title_pos: int, title: str) -> str | None:
    """Issuer before 关于 in the title, or the organisation lines printed above the title."""
    m = re.match(r"(.{2,60}?)关于", title)
    if m and _ORG_SUFFIX.search(m[1].strip()):
        return m[1].strip()
    names = [ln.text for ln in lines[:title_pos] if _is_org_line(ln.text)]
    return "、".join(names[-3:]) or None


# --------------------------------------------------------------------------------------------
# Figures.

# Longest first so 个工作日 wins over 个 and 人次 over 人.
_UNITS = [
    "个工作日",
    "工作日",
    "个百分点",
    "百分点",
    "个月",
    "个小时",
    "小时",
    "人次",
    "件次",
    "场次",
    "户次",
    "批次",
    "学时",
    "课时",
    "部门",
    "万元",
    "亿元",
    "元",
    "平方米",
    "平方公里",
    "公里",
    "亩",
    "%",
    "‰",
    "件",
    "名",
    "户",
    "处",
    "个",
    "项",
    "次",
    "场",
    "期",
    "人",
    "家",
    "条",
    "份",
    "篇",
    "批",
    "支",
    "所",
    "座",
    "部",
    "套",
    "起",
    "宗",
    "类",
    "天",
    "周",
    "倍",
]
# Characters that turn a measure word into another word (处理, 人民, 家庭, 次要, 部署, 条例…).
_UNIT_BLOCK_NEXT = {
    "处": "理置罚分",
    "人": "民员大",
    "家": "庭长",
    "次": "要",
    "部": "署分门",
    "条": "例件",
    "所": "有在属以",
    "支": "持付",
    "起": "来到",
    "批": "准复评",
    "类": "型似",
    "场": "所景地",
}
_FIGURE = re.compile(
    r"(?<![\d.A-Za-z])(\d{1,9}(?:\.\d{1,4})?)\s?(余|多)?(万|亿)?(余|多)?("
    + "|".join(re.escape(u) for u in _UNITS)
    + ")"
)
_CLAUSE_STOP = ",;。:!?\n"
_SENTENCE_STOP = ";。!?\n"
_OPENERS = {"《": "》", "〔": "〕", "“": "”", "「": "」", "『": "』", "【": "】"}
# A leading time frame the gold clauses leave out: "2024年期间共审查…" → "共审查…".
_LEAD_TIME = re.compile(r"^(?:20\d{2}年度?(?:期间|以来|内)|全年度?期间)")


def _masked_spans(text: str) -> list[tuple[int, int]]:
    """Spans inside 《》〔〕“”「」『』【】 and "(即…)" glosses: titles, document numbers and names
    (“十四五”, “1+N”, “12335工作体系”), whose numbers are not figures."""
    spans: list[tuple[int, int]] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        close = _OPENERS.get(ch)
        if close is None and ch == "(" and text.startswith("(即", i):
            close = ")"
        if close is not None:
            # Bounded look-ahead: an unclosed quote must not hide the rest of the paragraph.
            j = text.find(close, i + 1, i + 80)
            if j > 0:
                spans.append((i, j))
                i = j + 1
                continue
        i += 1
    return spans


class _Stops:
    """Positions of boundary characters, so each figure finds its clause by bisection instead of
    scanning (a long unpunctuated paragraph full of figures stays linear)."""

    def __init__(self, text: str, stops: str, limit: int) -> None:
        self.pos = [i for i, ch in enumerate(text) if ch in stops]
        self.n = len(text)
        self.limit = limit  # an unpunctuated run is cut to this many characters either side

    def bounds(self, start: int, end: int) -> tuple[int, int]:
        k = bisect.bisect_left(self.pos, start)
        a = self.pos[k - 1] + 1 if k > 0 else 0
        k = bisect.bisect_left(self.pos, end)
        b = self.pos[k] if k < len(self.pos) else self.n
        return max(a, start - self.limit), min(b, end + self.limit)


# Chinese-numeral counts are taken only with 十/百/千 in them (十三件, 一百二十名): single
# numerals are mostly names and idioms (三项制度, 一村一法律顾问, 五个方面), and "十四五",
# "二十大" have no measure word after them.
_CN_FIGURE = re.compile(
    r"(?<![一二三四五六七八九十百千零〇两])([一二三四五六七八九两]?[十百千][一二三四五六七八九十百千零〇]{0,4})(余|多)?(件|名|户|处|个|项|次|场|人|家|条|份|篇|期)"
)


def _cn_value(s: str) -> int | None:
    total, current = 0, 0
    for ch in s:
        if ch in "十百千":
            total += (current or 1) * {"十": 10, "百": 100, "千": 1000}[ch]
            current = 0
        elif ch in "零〇":
            current = 0
        else:
            current = _CN_DIGIT.get(ch, 2 if ch == "两" else 0)
    return total + current or None


def _figure_matches(text: str) -> list[tuple[int, int, int | float, str]]:
    """(start, end, value, unit) of every figure in `text`, in text order."""
    masked = _masked_spans(text)
    mask_starts = [a for a, _ in masked]

    def skip(s: int, end: int, unit: str) -> bool:
        k = bisect.bisect_left(mask_starts, s) - 1
        if k >= 0 and s < masked[k][1]:
            return True  # inside a name, title or document number
        if s > 0 and text[s - 1] == "第":
            return True  # an ordinal: 第2次, 第3批
        nxt = text[end : end + 1]
        return bool(nxt) and nxt in _UNIT_BLOCK_NEXT.get(unit, "")

    found: list[tuple[int, int, int | float, str]] = []
    for m in _FIGURE.finditer(text):
        unit = m.group(5)
        if skip(m.start(), m.end(), unit):
            continue
        if m.group(3):
            unit = m.group(3) + unit  # 4.5万件, 2万余人次, 124余万元: the magnitude stays in the unit
        raw = m.group(1)
        found.append((m.start(), m.end(), float(raw) if "." in raw else int(raw), unit))
    for m in _CN_FIGURE.finditer(text):
        if skip(m.start(), m.end(), m.group(3)):
            continue
        value = _cn_value(m.group(1))
        if value is not None:
            found.append((m.start(), m.end(), value, m.group(3)))
    found.sort()
    return found


def extract_figures(text: str, section_kind: str | None = None) -> list[Figure]:
    """Quantitative figures in normalised (Simplified, ASCII-punctuated) report text."""
    out: list[Figure] = []
    found = _figure_matches(text)
    starts = [f[0] for f in found]
    clauses = _Stops(text, _CLAUSE_STOP, 100)
    items = _Stops(text, _CLAUSE_STOP + "、", 100)
    sentences = _Stops(text, _SENTENCE_STOP, 300)

    def alone(a: int, b: int) -> bool:
        return bisect.bisect_left(starts, b) - bisect.bisect_left(starts, a) <= 1

    for s, e, value, unit in found:
        ca, cb = clauses.bounds(s, e)
        if not alone(ca, cb):
            # Several figures listed in one clause ("废止20件、宣布失效21件、予以修改1件"):
            # each gets its own enumeration item, unless that still holds several
            # ("信访量、诉讼量下降32.5%24.1%" keeps its subject).
            na, nb = items.bounds(s, e)
            if alone(na, nb):
                ca, cb = na, nb
        clause = text[ca:cb].strip()
        lead = _LEAD_TIME.match(clause)
        if lead and lead.end() < s - ca:
            clause = clause[lead.end() :]
        sa, sb = sentences.bounds(s, e)
        context = text[sa : min(sb + 1, len(text))].strip()
        out.append(Figure(clause, value, unit, section_kind, context))
    return out


# --------------------------------------------------------------------------------------------
# Entry points.


def _prepare(lines: list[str]) -> tuple[list[Line], dict[int, str]]:
    """Normalised body lines, and each source line's unsqueezed text (signature name spacing)."""
    loose = normalize_lines(lines, squeeze=False)
    raw_by_source = {ln.source: ln.text for ln in loose}
    split: list[Line] = []
    for ln in squeeze_lines(loose):
        # A soft break marks a marker after whitespace: a line break lost in extraction
        # (docx paragraphs joined), which may hide a section heading.
        for part in ln.text.split(SOFT_BREAK):
            if part.strip():
                split.append(Line(part.strip(), ln.source, ln.is_row))
    return unwrap_lines(split), raw_by_source


def parse_report_lines(lines: list[str]) -> ParsedReport:
    """Parse a report already turned into lines by a reader."""
    body, raw_by_source = _prepare(lines)
    warnings: list[str] = []

    sig = _signature(body, raw_by_source)
    end = sig.start if sig else len(body)
    found_title = _title(body[:end])
    title = found_title[1] if found_title else None
    begin = found_title[0] + 1 if found_title else 0
    text_lines = body[begin:end]

    cands = [c for i, ln in enumerate(text_lines) if not ln.is_row and (c := _candidate(i, ln.text))]
    heads = _choose_sections(cands)

    sections: list[ReportSection] = []
    figures: list[Figure] = []
    first = heads[0].pos if heads else len(text_lines)
    preamble = "\n".join(ln.text for ln in text_lines[:first])
    figures.extend(extract_figures(preamble, None))
    for k, h in enumerate(heads):
        stop = heads[k + 1].pos if k + 1 < len(heads) else len(text_lines)
        parts = ([h.rest] if h.rest else []) + [ln.text for ln in text_lines[h.pos + 1 : stop]]
        text = "\n".join(parts)
        sections.append(ReportSection(h.heading, h.kind, text))
        figures.extend(extract_figures(text, h.kind))

    year = _year_of(title) if title else None
    if year is None:
        # The first heading that states a year names the report year, except a plan heading
        # ("2025年度…主要安排") which names the next one.
        for s in sections:
            y = _year_of(s.heading)
            if y is not None:
                year = y - 1 if s.kind == "next_year" else y
                break

    issuer = "、".join(sig.issuer) if sig and sig.issuer else None
    if issuer is None and found_title:
        issuer = _issuer_from_head(body, found_title[0], found_title[1])
    date = sig.date if sig else None
    if year is None and date is not None:
        # Reports are signed early in the following year (before 3月1日 / 4月1日).
        year = int(date[:4]) - 1

    if not sections:
        warnings.append(
            "未识别到法治政府建设年度报告的法定章节(主要举措和成效、存在的不足和原因、"
            "党政主要负责人履行推进法治建设第一责任人职责情况、下一年度主要安排、其他需要报告的情况),"
            "请确认文件是否为年度报告。"
        )
    else:
        kinds = {s.kind for s in sections}
        for kind in _REQUIRED:
            if kind not in kinds:
                warnings.append(f"未找到“{SECTION_KINDS[kind]}”部分。")
        for s in sections:
            if s.kind is None:
                warnings.append(f"章节“{s.heading}”未能对应到法定章节,请核对。")
        if year is None:
            warnings.append("未能确定报告年度:标题和章节标题中没有年份。")
        if sig is None:
            warnings.append("未找到报告末尾的落款(发文机关和日期)。")
        elif date is None:
            warnings.append(f"落款日期“{sig.date_text}”无法识别为日期,请核对。")
    return ParsedReport(title, issuer, date, year, sections, figures, warnings)


def parse_report_text(text: str) -> ParsedReport:
    return parse_report_lines(text.splitlines())


def parse_report_bytes(data: bytes, filename: str) -> ParsedReport:
    """Read a report file's bytes in any supported format (see readers/) and parse it."""
    from fazhi.parsing.readers import read_bytes

    raw = read_bytes(data, filename)
    report = parse_report_lines(raw.lines)
    report.warnings[:0] = raw.warnings
    return report


def parse_report_file(path: str | Path) -> ParsedReport:
    """Read and import a past report from disk (oversized files are refused before loading)."""
    from fazhi.parsing.readers import read_file

    raw = read_file(str(path))
    report = parse_report_lines(raw.lines)
    report.warnings[:0] = raw.warnings
    return report
