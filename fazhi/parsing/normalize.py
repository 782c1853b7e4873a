"""Text normalisation: reader lines → clean Simplified lines, each remembering its source line.

Steps (each a small pure function, applied in order by `normalize_lines`):
1. NFKC (full-width → ASCII punctuation and digits), keeping circled numbers ① … ⑳ which NFKC
   would flatten to plain digits and so lose an outline level.
2. Inline pinyin annotations (關(guān)) removed; Traditional → Simplified with OpenCC.
3. Website chrome (浏览次数, 打印本页, 关闭窗口, 字体, 分享, breadcrumbs) and page-number lines and
   markers (-2-, - 10 -, 第2页 共11页) removed.
4. Stray whitespace inside Chinese text removed (docx/pdf extraction breaks words: 市委 编办).
   Table rows ("| a | b |") keep their cell separators.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
# Private-use stand-ins so NFKC leaves circled numbers alone.
_PROTECT = {c: chr(0xE000 + i) for i, c in enumerate(_CIRCLED)}
_UNPROTECT = {v: k for k, v in _PROTECT.items()}

_PINYIN = re.compile(r"(?<=[\u4e00-\u9fff])\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüê]{1,8}\)")

# Whole lines that are website furniture, not document text.
_CHROME_LINE = re.compile(
    r"^(?:[【\[]?(?:打印本页|打印|关闭窗口|关闭|收藏|分享到?|返回顶部|字体|字号)[】\]]?\s*)+$"
    r"|浏览次数|访问次数|阅读次数|点击数|字体[::]?\s*[【\[]?\s*[大中小]|【\s*字体|字体大小"
    r"|^您(?:现在)?的位置|^当前位置|^您当前的位置|^首页\s*[>>»]|^-\s*设为首页|^-\s*加入收藏"
    r"|^>|[>»]\s*\S{2,8}\s*[>»]|^首页$|^当前位置[::]?$|点击数[::]\d|更新时间[::]"
    r"|^-\s*无障碍|^-\s*长者版|^政务微[信博]$|^[×x]$|^扫一扫|^分享到[::]?"
    r"|版权所有|ICP备|ICP证|公网安备|网站标识码|技术支持[::]|网站地图|联系我们|^上一篇|^下一篇"
    r"|主办单位[::].{0,40}承办单位|^(?:主办|承办)[::]"
)
_PAGE_LINE = re.compile(
    r"^\s*(?:[-—–]\s*\d{1,4}\s*[-—–]|第\s*\d{1,4}\s*页\s*(?:[,/]?\s*共\s*\d{1,4}\s*页)?)\s*$"
)
_PAGE_INLINE = re.compile(
    r"(?:(?<=\s)|^)[-—–]\s?\d{1,3}\s?[-—–](?=\s|$)|第\s*\d{1,4}\s*页\s*共\s*\d{1,4}\s*页"
)

_CJK = r"\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’《》〔〕【】、。,;:!?()"
# Whitespace with Chinese on at least one side is an extraction artefact, except where it
# separates two Latin/digit tokens.
_SPACE_CJK = re.compile(rf"(?<=[{_CJK}])[ \t\u3000\xa0]+|[ \t\u3000\xa0]+(?=[{_CJK}])")


@dataclass
class Line:
    """One normalised line and the index of the reader line it came from."""

    text: str
    source: int
    is_row: bool = False  # a "| a | b |" table row from a structured reader or pipe text


@lru_cache(maxsize=1)
def _t2s() -> Callable[[str], str]:
    try:
        import opencc

        return opencc.OpenCC("t2s").convert
    except Exception:  # pragma: no cover - opencc is a hard dependency; degrade, don't crash
        return lambda s: s


def nfkc(text: str) -> str:
    if any(c in _PROTECT for c in text):
        text = "".join(_PROTECT.get(c, c) for c in text)
        text = unicodedata.normalize("NFKC", text)
        return "".join(_UNPROTECT.get(c, c) for c in text)
    return unicodedata.normalize("NFKC", text)


def to_simplified(text: str) -> str:
    return str(_t2s()(text))


def strip_pinyin(text: str) -> str:
    return _PINYIN.sub("", text)


def is_chrome(line: str) -> bool:
    return bool(_CHROME_LINE.search(line)) and len(line) < 60


# Whitespace before something that looks like an outline marker may be a lost line break
# (docx text joined into one line): keep it as SOFT_BREAK so the outline can consider it.
SOFT_BREAK = "\x1f"
_SOFT_MARKER = re.compile(
    r"[ \t\u3000\xa0]+(?=(?:[一二三四五六七八九十]{1,3}[、.]|\([一二三四五六七八九十]{1,3}\)"
    r"|\d{1,3}[.、](?!\d)|\(\d{1,3}\)|[①-⑳]|第[一二三四五六七八九十百零〇]{1,5}(?:[章节条编]|部分)))"
)


# Two unit names side by side ("区委办公室 区政府办公室") are a list, not a broken word.
_UNIT_PAIR = re.compile(r"(?<=[\u4e00-\u9fff))])[ \t\u3000\xa0]+(?=[\u4e00-\u9fff])")
_UNIT_TOKEN_END = re.compile(r"[\u4e00-\u9fff()()]{3,}$")
_UNIT_TOKEN_START = re.compile(r"^[\u4e00-\u9fff()()]{3,}")


def _unit_list_spaces(text: str) -> str:
    """Turn a space between two complete unit names into 、 before spaces are squeezed."""
    if " " not in text and "\u3000" not in text:
        return text
    from fazhi.parsing.units import clean_unit, looks_like_unit

    out, last = [], 0
    for m in _UNIT_PAIR.finditer(text):
        left = _UNIT_TOKEN_END.search(text, 0, m.start())
        right = _UNIT_TOKEN_START.match(text[m.end() : m.end() + 40])
        if left and right:
            ltok = clean_unit(re.split(r"[、,;:()()]", left.group(0))[-1])
            rtok = re.split(r"[、,;:。]", right.group(0))[0]
            # the right-hand name: its longest prefix that is a unit name
            rname = next((rtok[:k] for k in range(len(rtok), 2, -1) if looks_like_unit(rtok[:k])), "")
            if len(ltok) >= 3 and looks_like_unit(ltok) and rname and len(rname) >= 3:
                out.append(text[last : m.start()] + "、")
                last = m.end()
    out.append(text[last:])
    return "".join(out)


def squeeze_spaces(text: str) -> str:
    text = _SOFT_MARKER.sub(SOFT_BREAK, text)
    text = _unit_list_spaces(text)
    return _SPACE_CJK.sub("", text).strip()


def is_pipe_row(text: str) -> bool:
    """At least two cells: "a | b" or "| a | b |" (a lone trailing "|" ends a single cell)."""
    return "|" in text.strip().strip("|")


def printed_text(lines: list[str]) -> str:
    """The document as printed (Traditional stays Traditional), after steps 1–2 but before t2s."""
    return strip_pinyin(nfkc("\n".join(_join_cell_pipes(_tabs_to_rows(lines)))))


class PrintedForms:
    """Gives back the printed form of text the parser found in its Simplified copy.

    Units, titles and headings are reported as printed (a Traditional plan keeps 市財政局), while
    the parser works on Simplified text. OpenCC's t2s maps character for character, so the two
    copies line up once whitespace is removed from both.
    """

    def __init__(self, lines: list[str]) -> None:
        printed = printed_text(lines)
        simple = to_simplified(printed)
        self._printed = re.sub(r"\s+", "", printed)
        self._simple = re.sub(r"\s+", "", simple)
        self.active = printed != simple and len(self._printed) == len(self._simple)
        self._cache: dict[str, str] = {}

    def restore(self, text: str) -> str:
        if not self.active or not text:
            return text
        if text not in self._cache:
            key = re.sub(r"\s+", "", text)
            at = self._simple.find(key)
            # found only where the whitespace-free forms agree in length (they always should)
            self._cache[text] = self._printed[at : at + len(key)] if at >= 0 and key == text else text
        return self._cache[text]


def normalize_lines(lines: list[str], squeeze: bool = True) -> list[Line]:
    """Apply steps 1–4 to every line; drop empty, chrome and page-number lines.

    With squeeze=False step 4 is left to `squeeze_lines`, so that space-separated table rows
    can be recognised first.
    """
    joined = to_simplified(printed_text(lines))
    out: list[Line] = []
    for i, raw in enumerate(joined.split("\n")):
        text = raw.replace("\u200b", "").replace("\ufeff", "").strip()
        if not text or _PAGE_LINE.match(text) or is_chrome(text):
            continue
        text = _PAGE_INLINE.sub(" ", text)
        row = is_pipe_row(text)
        if not row:
            # a single cell of a one-cell-per-line table: "71 |"
            text = text.strip().strip("|").strip()
            if squeeze:
                text = squeeze_spaces(text)
        if text:
            out.append(Line(text, i, row))
    return out


def _tabs_to_rows(lines: list[str]) -> list[str]:
    """Tab-separated table lines (copied from Excel) → "| a | b |" rows, empty cells kept."""
    out = []
    for raw in lines:
        if "\t" in raw:
            cells = [c.strip() for c in raw.rstrip("\r\n").split("\t")]
            if sum(1 for c in cells if c) >= 2:
                out.append("| " + " | ".join(cells) + " |")
                continue
        out.append(raw)
    return out


def _join_cell_pipes(lines: list[str]) -> list[str]:
    """Tables copied one cell per line, each cell closed by "|": a line without the closing
    "|" continues into the next line's cell."""
    closed = sum(1 for ln in lines if ln.rstrip().endswith("|") and ln.count("|") == 1)
    if closed < 5:
        return lines
    out: list[str] = []
    pending = ""
    started = False
    for raw in lines:
        t = raw.strip()
        is_cell = t.endswith("|") and t.count("|") == 1
        started = started or is_cell
        if not started:
            out.append(raw)
            continue
        if is_cell:
            out.append(pending + t)
            pending = ""
        elif t and not pending and out and out[-1].strip().endswith("|") and len(t) > 0:
            pending = t
        elif t and pending:
            pending += t
        else:
            if pending:
                out.append(pending)
                pending = ""
            out.append(raw)
    if pending:
        out.append(pending)
    return out


def squeeze_lines(lines: list[Line]) -> list[Line]:
    out = []
    for ln in lines:
        text = ln.text if ln.is_row else squeeze_spaces(ln.text)
        if text:
            out.append(Line(text, ln.source, ln.is_row))
    return out
