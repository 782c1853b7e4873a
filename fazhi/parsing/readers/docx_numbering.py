"""Word automatic numbering (自动编号): the "一、" "(一)" "1." that Word draws but does not store
in the paragraph text. Plans depend on these ordinals, so the reader renders them.

Counters follow Word's rules closely enough for plans: one counter set per abstract numbering
definition, a level's counter restarts when a shallower level advances, and a `w:num` with a
start override restarts its level the first time it is used.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
VAL = _W + "val"
_DIGITS = "〇一二三四五六七八九"
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_PAREN = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"
_PLACEHOLDER = re.compile(r"%([1-9])")


def chinese_numeral(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (Word's chineseCounting)."""
    if n <= 0 or n >= 10000:
        return str(n)
    out = ""
    zero = False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = n // value % 10
        if digit == 0:
            zero = bool(out)
            continue
        if zero:
            out += "零"
            zero = False
        out += ("" if (value == 10 and digit == 1 and not out) else _DIGITS[digit]) + unit
    return out


def _roman(n: int) -> str:
    out = ""
    for value, sym in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                       (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):  # fmt: skip
        while n >= value:
            out += sym
            n -= value
    return out


def _letters(n: int) -> str:
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    if fmt in {"chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting"}:
        return chinese_numeral(n)
    if fmt in {"ideographDigital", "taiwaneseDigital"}:
        return "".join(_DIGITS[int(d)] for d in str(n))
    if fmt == "ideographTraditional" and 1 <= n <= 10:
        return _STEMS[n - 1]
    if fmt in {"decimalEnclosedCircle", "decimalEnclosedCircleChinese"} and 1 <= n <= 20:
        return _CIRCLED[n - 1]
    if fmt == "decimalEnclosedParen" and 1 <= n <= 20:
        return _PAREN[n - 1]
    if fmt == "decimalFullWidth":
        return "".join(chr(ord(d) + 0xFEE0) for d in str(n))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in {"lowerLetter", "upperLetter"}:
        return _letters(n) if fmt == "lowerLetter" else _letters(n).upper()
    if fmt in {"lowerRoman", "upperRoman"}:
        return _roman(n).lower() if fmt == "lowerRoman" else _roman(n)
    return str(n)


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = ""
    suffix: str = "tab"
    style: str | None = None


def _int(el: Any, default: int) -> int:
    try:
        return int(el.get(VAL)) if el is not None else default
    except (TypeError, ValueError):
        return default


class Numbering:
    """Renders the label of each numbered paragraph, in document order."""

    def __init__(self, numbering: Any | None, styles: Any | None) -> None:
        self._abstract: dict[str, dict[int, _Level]] = {}
        self._nums: dict[str, tuple[str, dict[int, int]]] = {}
        self._styles: dict[str, tuple[str | None, str | None, int | None]] = {}
        self._counters: dict[str, dict[int, int]] = {}
        self._overridden: set[str] = set()
        if numbering is not None:
            self._load_numbering(numbering)
        if styles is not None:
            for st in styles.iter(_W + "style"):
                num_pr = st.find(f"{_W}pPr/{_W}numPr")
                based = st.find(_W + "basedOn")
                num_id = num_pr.find(_W + "numId") if num_pr is not None else None
                ilvl = num_pr.find(_W + "ilvl") if num_pr is not None else None
                self._styles[st.get(_W + "styleId", "")] = (
                    num_id.get(VAL) if num_id is not None else None,
                    based.get(VAL) if based is not None else None,
                    _int(ilvl, 0) if ilvl is not None else None,
                )

    def _load_numbering(self, numbering: Any) -> None:
        for ab in numbering.iter(_W + "abstractNum"):
            levels: dict[int, _Level] = {}
            for lvl in ab.iter(_W + "lvl"):
                fmt, text, suff, pstyle = (lvl.find(_W + t) for t in ("numFmt", "lvlText", "suff", "pStyle"))
                levels[_int_attr(lvl.get(_W + "ilvl"))] = _Level(
                    start=_int(lvl.find(_W + "start"), 1),
                    fmt=fmt.get(VAL, "decimal") if fmt is not None else "decimal",
                    text=text.get(VAL, "") if text is not None else "",
                    suffix=suff.get(VAL, "tab") if suff is not None else "tab",
                    style=pstyle.get(VAL) if pstyle is not None else None,
                )
            self._abstract[ab.get(_W + "abstractNumId", "")] = levels
        for num in numbering.iter(_W + "num"):
            ab_id = num.find(_W + "abstractNumId")
            overrides = {
                _int_attr(o.get(_W + "ilvl")): _int(o.find(_W + "startOverride"), 1)
                for o in num.iter(_W + "lvlOverride")
                if o.find(_W + "startOverride") is not None
            }
            self._nums[num.get(_W + "numId", "")] = (
                ab_id.get(VAL, "") if ab_id is not None else "",
                overrides,
            )

    def _from_style(self, style_id: str | None) -> tuple[str | None, int | None]:
        seen: set[str] = set()
        while style_id and style_id not in seen:
            seen.add(style_id)
            num_id, based, ilvl = self._styles.get(style_id, (None, None, None))
            if num_id is not None:
                return num_id, ilvl
            style_id = based
        return None, None

    def label(self, p: Any) -> str:
        """The rendered number of paragraph `p` ("" if it is not numbered); advances counters."""
        ppr = p.find(_W + "pPr")
        if ppr is None and not self._styles:
            return ""
        style_el = ppr.find(_W + "pStyle") if ppr is not None else None
        style_id = style_el.get(VAL) if style_el is not None else None
        num_pr = ppr.find(_W + "numPr") if ppr is not None else None
        num_id: str | None = None
        ilvl: int | None = None
        if num_pr is not None:
            nid = num_pr.find(_W + "numId")
            num_id = nid.get(VAL) if nid is not None else None
            lvl_el = num_pr.find(_W + "ilvl")
            ilvl = _int(lvl_el, 0) if lvl_el is not None else None
        if num_id is None:
            num_id, style_ilvl = self._from_style(style_id)
            ilvl = ilvl if ilvl is not None else style_ilvl
        if not num_id or num_id == "0" or num_id not in self._nums:
            return ""
        ab_id, overrides = self._nums[num_id]
        levels = self._abstract.get(ab_id, {})
        if ilvl is None:  # a style-linked list: the level that names this style
            ilvl = next((i for i, lv in levels.items() if lv.style and lv.style == style_id), 0)
        level = levels.get(ilvl)
        if level is None:
            return ""
        counters = self._counters.setdefault(ab_id, {})
        if num_id not in self._overridden:
            self._overridden.add(num_id)
            for lv, start in overrides.items():
                counters[lv] = start - 1
                for deeper in [k for k in counters if k > lv]:
                    del counters[deeper]
        counters[ilvl] = counters.get(ilvl, level.start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        if level.fmt in {"bullet", "none"}:
            return ""

        def render(m: re.Match[str]) -> str:
            k = int(m.group(1)) - 1
            lv = levels.get(k, _Level())
            return format_number(counters.get(k, lv.start), lv.fmt)

        text = _PLACEHOLDER.sub(render, level.text)
        # Word separates the label from the text with a tab by default; in Chinese plans the
        # label ends in 、 . ) and reads best joined, as typed numbering is.
        if text and level.suffix != "nothing" and text[-1].isalnum():
            text += " "
        return text


def _int_attr(value: str | None) -> int:
    try:
        return int(value) if value is not None else 0
    except ValueError:
        return 0
