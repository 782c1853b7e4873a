"""Outline markers: 第X章 第X条 一、 (一) 1. 1、 (1) 1) ① and their conventional nesting rank."""

from __future__ import annotations

import re
from dataclasses import dataclass

_CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

# Conventional nesting, outermost first. Plans follow it almost without exception, so a
# marker kind never seen before is placed by rank rather than by order of appearance.
RANK = {
    "第编": 0,
    "第部分": 0,
    "第章": 0,
    "第节": 1,
    "第条": 2,
    "一、": 3,
    "(一)": 4,
    "1.": 5,
    "(1)": 6,
    "1)": 6,
    "①": 7,
}
# The level names of the output contract.
LEVEL_NAME = {
    "第编": "第X编",
    "第部分": "第X部分",
    "第章": "第X章",
    "第节": "第X节",
    "第条": "第X条",
    "一、": "一、",
    "(一)": "(一)",
    "1.": "1.",
    "(1)": "(1)",
    "1)": "(1)",
    "①": "①",
}

_MARKER = re.compile(
    r"第(?P<art>[一二三四五六七八九十百零〇两\d]{1,6})(?P<artk>[章节条编]|部分)\s*"
    r"|(?P<cn>[一二三四五六七八九十]{1,3})(?:、|\.(?!\d))\s*"
    r"|\((?P<pcn>[一二三四五六七八九十]{1,3})\)\s*"
    r"|(?P<ar>\d{1,3})(?:\.(?!\d)|、)\s*"
    r"|\((?P<par>\d{1,3})\)\s*"
    r"|(?P<hp>\d{1,2})\)\s*"
    r"|(?P<ci>[①-⑳])\s*"
)


@dataclass(frozen=True)
class Marker:
    kind: str  # a key of RANK
    ordinal: int
    text: str  # the marker as printed, e.g. "(三)"
    end: int  # offset just after the marker (and its trailing spaces)

    @property
    def rank(self) -> int:
        return RANK[self.kind]

    @property
    def level(self) -> str:
        return LEVEL_NAME[self.kind]


def cn_to_int(s: str) -> int:
    """Chinese numeral up to the hundreds (一百二十三) or Arabic digits → int."""
    if s.isdigit():
        return int(s)
    total, current = 0, 0
    for ch in s:
        if ch == "百":
            total += (current or 1) * 100
            current = 0
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = _CN_DIGITS.get(ch, 0)
    return total + current


def match_marker(text: str, pos: int = 0) -> Marker | None:
    """The outline marker starting exactly at `pos`, or None.

    A marker must be followed by text (not a digit, not a closing bracket): "1.5亿" and "1、2月"
    are not markers.
    """
    m = _MARKER.match(text, pos)
    if not m:
        return None
    end = m.end()
    nxt = text[end : end + 1]
    g = m.lastgroup
    if not nxt or nxt in ")]、,.;:%" or (nxt.isdigit() and g in ("ar", "hp")):
        return None
    if g in ("art", "artk"):
        kind = "第" + m.group("artk")
        ordinal = cn_to_int(m.group("art"))
    elif g == "cn":
        kind, ordinal = "一、", cn_to_int(m.group("cn"))
    elif g == "pcn":
        kind, ordinal = "(一)", cn_to_int(m.group("pcn"))
    elif g == "ar":
        kind, ordinal = "1.", int(m.group("ar"))
        if ordinal == 0:
            return None
    elif g == "par":
        kind, ordinal = "(1)", int(m.group("par"))
    elif g == "hp":
        kind, ordinal = "1)", int(m.group("hp"))
    else:
        kind, ordinal = "①", CIRCLED.index(m.group("ci")) + 1
    if ordinal <= 0:
        return None
    return Marker(kind, ordinal, m.group(0).strip(), end)
