"""Deadline grammar for plan documents: phrases like 2024年9月底, 年底前, 第一季度, 每年1月31日前.

Pure Python (stdlib only); never import Django here.

Public API
----------
- `resolve_deadline(phrase, year)`: read a deadline *value* (the text after 完成时限: and the like)
  into a `Deadline`. Several dates → the last (final) one; ranges → their end; ongoing words
  (长期坚持, 持续推进, 常态化, 全年) → date None; 每年/每季度/每月… → date None plus `recurrence`.
- `find_labelled_deadline(text)`: locate a labelled field (完成时限: / 完成时间: / 时限要求: /
  时间节点: / 完成期限: / 时间要求: …) and return its value with offsets, or None.
- `find_deadline(text, year)`: the deadline governing an unlabelled task text (…年底前完成…,
  9月底前出台…), or None. Conservative: dates bounding a target (到2025年,…), validity periods
  (实施期限至…), start dates (…起施行, 以来) and dates inside 《》/〔〕 are never deadlines.
- `compact(text)`: whitespace-compacted text plus an offset map (shared with `targets`).

Text is expected NFKC-normalised and Simplified (ASCII , : ; ( ) and digits).

Every regex here uses bounded quantifiers only, and numbers cannot start inside a longer
number, so matching is linear in the input length whatever the input.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from typing import Any

__all__ = [
    "Deadline",
    "LabelledDeadline",
    "compact",
    "find_deadline",
    "find_labelled_deadline",
    "resolve_deadline",
]


@dataclass
class Deadline:
    """A deadline phrase and its reading.

    `text` is the phrase as printed (`input[start:end]`). `date` is YYYY-MM-DD or None (ongoing,
    recurring, or no year known). `recurrence` is set for recurring phrases, e.g.
    {"freq": "yearly", "month": 1, "day": 31}; freq is one of yearly, half-yearly, quarterly,
    monthly, weekly; "day": -1 means the last day of the month (used where it varies).
    """

    text: str
    date: str | None
    recurrence: dict[str, Any] | None
    start: int
    end: int


@dataclass
class LabelledDeadline:
    """A labelled deadline field: `label` at `label_start`, its value at text[value_start:value_end]."""

    label: str
    label_start: int
    value: str
    value_start: int
    value_end: int


# --------------------------------------------------------------------------------------------
# Whitespace compaction. Documents broken across lines ("不\n低于71.4%", "到 2025 年") are matched
# on a copy without whitespace; a space between two digits is kept so numbers never merge.


def compact(text: str) -> tuple[str, list[int]]:
    """Return (text without whitespace, map from each compact index to its index in `text`).

    Whitespace between two digits collapses to one space instead, so "1 2" stays two numbers.
    """
    out: list[str] = []
    idx: list[int] = []
    n = len(text)
    i = 0
    while i < n:
        ch = text[i]
        if not ch.isspace():
            out.append(ch)
            idx.append(i)
            i += 1
            continue
        j = i
        while j < n and text[j].isspace():
            j += 1
        if out and out[-1].isdigit() and j < n and text[j].isdigit():
            out.append(" ")
            idx.append(i)
        i = j
    return "".join(out), idx


def _span(idx: list[int], cs: int, ce: int) -> tuple[int, int]:
    """Map a compact span back to the original text."""
    return idx[cs], idx[ce - 1] + 1


# --------------------------------------------------------------------------------------------
# The date grammar. One regex finds "date atoms": an optional prefix (explicit year with an
# optional 底/末/内, relative year, or 每X) followed by an optional body (month[/day|旬|底],
# lost-character day, half-year, quarter, 年底). `_interpret` decides which combinations make sense.

_CN_NUM_CHARS = "〇零一二三四五六七八九十两"
_CN_DIGIT_VALUE = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0}

_DATE_RE = re.compile(
    r"(?<![0-9〇零一二三四五六七八九十两.])(?=[0-9〇零一二三四五六七八九十今本当明次下每上第前年])"
    # Numeric forms from tables: 2024.12, 2024-12-31, 2024/9/30 (月底 optional).
    r"(?:(?P<ny>(?:19|20)[0-9]{2})(?P<sep>[./-])(?P<nm>1[0-2]|0?[1-9])"
    r"(?:(?P=sep)(?P<nd>3[01]|[12][0-9]|0?[1-9]))?(?![0-9.])(?:月底|月末|月|底|末)?|"
    r"(?:(?:(?P<y>(?:19|20)[0-9]{2}|[〇零一二三四五六七八九]{4})|(?P<rel>今|本|当|明|次|下一))年度?"
    r"(?P<yq>年?底|年?末|内(?![部容外涵在蒙设置控]))?"
    r"|每个?(?P<ef>年度?|季度|季|半年|月|周)(?P<eend>底|末)?)?"
    r"(?:(?P<m>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])月份?"
    r"(?:(?P<d>3[01]|[12][0-9]|0?[1-9]|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])[日号]"
    r"|(?P<mq>上中旬|中下旬|上旬|中旬|下旬|底|末))?"
    r"|(?P<lost>[1-9][0-9]{2,3})日"
    r"|(?P<dd>3[01]|[12][0-9]|0?[1-9])[日号]"
    r"|(?P<half>上|下)半年(?:底|末)?"
    r"|(?P<qp>第|前)?(?P<q>[1-4一二三四])季度(?:末|底)?"
    r"|(?P<ye>年底|年末|年内(?![部容外涵在蒙设置控])))?)"
)

# Characters before a bare 年底/年内 that make it a duration or a past/other year (三年内, 去年底,
# 全年内, 半年内, 青年…): such a 年 is not "this year".
_BARE_YEAR_DENY = set(_CN_NUM_CHARS + "0123456789去上前往历近多半全周同成少青老中晚早新元每百千万")

_MQ_DAY = {"上旬": 10, "中旬": 20, "上中旬": 20}
_HALF = {"上": (6, 30), "下": (12, 31)}
_FREQ = {
    "年": "yearly",
    "年度": "yearly",
    "半年": "half-yearly",
    "季度": "quarterly",
    "季": "quarterly",
    "月": "monthly",
    "周": "weekly",
}
_REL_OFFSET = {"今": 0, "本": 0, "当": 0, "明": 1, "次": 1, "下一": 1}


def _cn_small(s: str) -> int | None:
    """Chinese numeral 1–99 (一, 十二, 二十一, 三十) or Arabic → int."""
    if s.isdigit():
        return int(s)
    if s == "十":
        return 10
    if "十" in s:
        tens, _, ones = s.partition("十")
        t = _CN_DIGIT_VALUE.get(tens, 0) if tens else 1
        o = _CN_DIGIT_VALUE.get(ones, 0) if ones else 0
        return t * 10 + o
    return _CN_DIGIT_VALUE.get(s)


def _cn_year(s: str) -> int:
    if s.isdigit():
        return int(s)
    return int("".join(str(_CN_DIGIT_VALUE[c]) for c in s))


def _last_day(year: int | None, month: int) -> int:
    # Without a year (recurrences) February's end varies; callers get -1 for it.
    if year is None:
        return -1 if month == 2 else calendar.monthrange(2001, month)[1]
    return calendar.monthrange(year, month)[1]


def _split_lost_day(digits: str) -> tuple[int, int] | None:
    """131日 (a 月 lost in extraction) → (1, 31) when exactly one month/day split is valid."""
    found: list[tuple[int, int]] = []
    for k in (1, 2):
        if len(digits) - k not in (1, 2) or digits[k] == "0":
            continue
        mo, dy = int(digits[:k]), int(digits[k:])
        if 1 <= mo <= 12 and 1 <= dy <= calendar.monthrange(2000, mo)[1]:
            found.append((mo, dy))
    return found[0] if len(found) == 1 else None


@dataclass
class _Atom:
    start: int  # compact offsets
    end: int
    year: int | None  # explicit (or relative, resolved) year
    year_only: bool  # just "2024年"
    month: int | None  # month/day once a year is known; day None → last day of month
    day: int | None
    recurrence: dict[str, Any] | None
    weak: bool  # a bare month (九月份): too weak for free text
    has_year_text: bool  # the atom prints a year (or a relative year)
    concrete: bool = True  # for recurrences: a day/month/quarter is given, not just 每季度


def _interpret(m: re.Match[str], text: str, base_year: int | None) -> _Atom | None:
    """Read one regex match into an `_Atom`, or None when the combination is not a date."""
    g = m.groupdict()
    if m.end() == m.start():
        return None
    if g["ny"]:
        ny, nm = int(g["ny"]), int(g["nm"])
        nd = int(g["nd"]) if g["nd"] else None
        if nd is not None and nd > _last_day(ny, nm):
            return None
        return _Atom(m.start(), m.end(), ny, False, nm, nd, None, False, True)
    year: int | None = None
    has_year_text = False
    if g["y"]:
        year = _cn_year(g["y"])
        has_year_text = True
        if not 1990 <= year <= 2100:
            return None
    elif g["rel"]:
        has_year_text = True
        year = base_year + _REL_OFFSET[g["rel"]] if base_year is not None else None
    freq = _FREQ[g["ef"]] if g["ef"] else None

    body = any(g[k] for k in ("m", "lost", "dd", "half", "q", "ye"))
    month: int | None = None
    day: int | None = None
    weak = False
    if g["m"]:
        month = _cn_small(g["m"])
        if g["d"]:
            day = _cn_small(g["d"])
        elif g["mq"] in _MQ_DAY:
            day = _MQ_DAY[g["mq"]]
        if not g["y"] and not g["rel"] and not freq and not g["d"] and not g["mq"]:
            weak = True
            if not g["m"].isdigit():
                # 统一月, 九月份设定为…: a bare Chinese month is too often part of a word.
                return None
    elif g["lost"]:
        # A lost 月 is only trusted next to a year (2020年131日, 每年131日).
        if not (g["y"] or g["rel"] or freq == "yearly"):
            return None
        md = _split_lost_day(g["lost"])
        if md is None:
            return None
        month, day = md
    elif g["dd"]:
        # A bare "30日" is a duration or a day of an unknown month; only 每月5日 makes sense.
        if freq not in ("monthly", "quarterly"):
            return None
        day = int(g["dd"])
    elif g["half"]:
        month, day = _HALF[g["half"]]
    elif g["q"]:
        qn = _cn_small(g["q"])
        if qn is None:
            return None
        month = qn * 3
    elif g["ye"]:
        if not (g["y"] or g["rel"] or freq) and m.start() > 0 and text[m.start() - 1] in _BARE_YEAR_DENY:
            return None
        month, day = 12, 31
    if g["yq"]:
        if body:
            return None
        month, day = 12, 31
        body = True
    if g["eend"]:
        if body:
            return None
        if freq == "yearly":
            month, day = 12, 31

    if freq:
        rec: dict[str, Any] = {"freq": freq}
        if freq == "monthly":
            if month is not None:
                return None  # 每月3月: nonsense
            if day is not None:
                rec["day"] = day
            elif g["eend"]:
                rec["day"] = -1
        elif freq == "yearly":
            if month is not None:
                rec["month"] = month
                rec["day"] = day if day is not None else _last_day(None, month)
        elif freq == "quarterly" and day is not None:
            rec["day"] = day
        if day is not None and month is not None and day > _last_day(2000, month):
            return None
        concrete = body or bool(g["eend"])
        return _Atom(m.start(), m.end(), None, False, None, None, rec, False, False, concrete)

    if not body:
        if not has_year_text:
            return None
        if m.end() < len(text) and text[m.end()] in _CN_NUM_CHARS + "0123456789":
            return None  # 2024年13月: a month that failed to parse, not a bare year
        return _Atom(m.start(), m.end(), year, True, 12, 31, None, False, has_year_text)
    if month is None or not 1 <= month <= 12:
        return None
    if day is not None and day > _last_day(2000, month):
        return None
    return _Atom(m.start(), m.end(), year, False, month, day, None, weak, has_year_text)


def _atoms(ctext: str, base_year: int | None) -> list[_Atom]:
    out: list[_Atom] = []
    for m in _DATE_RE.finditer(ctext):
        if m.end() == m.start():
            continue
        a = _interpret(m, ctext, base_year)
        if a is not None:
            out.append(a)
    return out


def _date_of(a: _Atom, year: int | None) -> str | None:
    if a.recurrence is not None or a.month is None:
        return None
    y = a.year if a.year is not None else year
    if y is None:
        return None
    day = a.day if a.day is not None else calendar.monthrange(y, a.month)[1]
    if day > calendar.monthrange(y, a.month)[1]:
        return None
    return f"{y:04d}-{a.month:02d}-{day:02d}"


_ONGOING_RE = re.compile(r"长期坚持|长期|长效|持续推进|持续开展|持续|常态化|常态|常年|全年|立行立改|动态调整")
_BARE_EVERY_RE = re.compile(r"(?:每个?|按|逐)(年度?|半年|季度|季|月|周)")
_TRIM = " \t\r\n。;,,.;:"


# --------------------------------------------------------------------------------------------
# resolve_deadline: a labelled value.


def resolve_deadline(phrase: str, year: int | None) -> Deadline | None:
    """Resolve a deadline value such as "2024年9月底", "年底前", "第一季度", "持续推进".

    `year` is the document's year, used when the phrase prints none (and for 今年/明年).
    Returns a `Deadline` whose `text` is the phrase trimmed of surrounding whitespace and
    trailing punctuation, with `start`/`end` its offsets in `phrase`:
    - dated phrases → `date` of the last (final) date printed; a range gives its end;
      a month without a day → the month's last day; 上旬/中旬/下旬 → 10/20/last;
      上半年 → 06-30, 下半年/年底/年内/a bare year → 12-31, quarters → quarter end;
    - 每年/每季度/每月/每半年/每周 (with or without 1月31日前 etc.) → `date` None, `recurrence` set;
    - 长期坚持/持续推进/常态化/全年… → `date` None, `recurrence` None;
    - a date with no year anywhere → `date` None (text kept).
    Returns None when the phrase holds nothing temporal (the caller may keep the raw text).
    """
    s = len(phrase) - len(phrase.lstrip())
    e = len(phrase.rstrip(_TRIM))
    if e <= s:
        return None
    text = phrase[s:e]
    ctext, _ = compact(text)
    atoms = _atoms(ctext, year)

    def result(date: str | None, rec: dict[str, Any] | None) -> Deadline:
        return Deadline(text=text, date=date, recurrence=rec, start=s, end=e)

    if atoms:
        current = year
        dated: str | None = None
        rec: dict[str, Any] | None = None
        for a in atoms:
            if a.year is not None:
                current = a.year
            d = _date_of(a, current)
            if d is not None:
                dated = d
            if a.recurrence is not None:
                rec = a.recurrence
        if dated is not None and all(a.year_only for a in atoms) and _ONGOING_RE.search(ctext):
            dated = None  # 2024年全年, 2024年起长期坚持: the year frames ongoing work
        if dated is not None:
            return result(dated, None)
        if rec is None and (every := _BARE_EVERY_RE.search(ctext)):
            rec = {"freq": _FREQ[every.group(1)]}
        return result(None, rec)
    every = _BARE_EVERY_RE.search(ctext)
    if every:
        return result(None, {"freq": _FREQ[every.group(1)]})
    if _ONGOING_RE.search(ctext):
        return result(None, None)
    return None


# --------------------------------------------------------------------------------------------
# Labelled fields.

_LABEL_RE = re.compile(
    r"(?P<label>完成时限|完成时间节点|完成时间|完成期限|完成日期|完成节点|时限要求|时间要求|时间节点"
    r"|截止时间|截止日期|(?<![\u4e00-\u9fff])时限)"
    r"[ \t\u3000]{0,3}[::][ \t\u3000]{0,3}"
)
# A value ends at a line end, a clause/bracket/cell end, or where the next label begins.
_VALUE_RE = re.compile(r"[^;;。\n|)\]】}]{0,120}")
_NEXT_LABEL_RE = re.compile(
    r"[ \t\u3000]{2}"
    r"|(?:牵头负责|牵头责任|协同责任|牵头|责任|配合|协办|主办|参与|协同|承办|联系|督办|评分|考核)?"
    r"(?:单位|部门|领导|责任人|联系人)[::]"
)


def find_labelled_deadline(text: str) -> LabelledDeadline | None:
    """Find the first labelled deadline field (完成时限:2024年9月底, 时限要求:持续推进, …).

    Labels: 完成时限, 完成时间, 完成时间节点, 完成期限, 完成日期, 完成节点, 时限要求, 时间要求,
    时间节点, 截止时间, 截止日期, and a bare 时限 not glued to another word (so 办理时限:,
    承诺时限: — processing times — are not taken). The value runs to the end of the line, a
    ; 。 | ) ] or the next "XX:" label, trimmed. Returns None when there is no such label or
    its value is empty.
    """
    for m in _LABEL_RE.finditer(text):
        v = _VALUE_RE.match(text, m.end())
        raw = v.group(0) if v else ""
        cut = _NEXT_LABEL_RE.search(raw)
        if cut:
            raw = raw[: cut.start()]
        lead = len(raw) - len(raw.lstrip())
        value = raw.strip().rstrip(_TRIM)
        if not value:
            continue
        vs = m.end() + lead
        return LabelledDeadline(m.group("label"), m.start(), value, vs, vs + len(value))
    return None


# --------------------------------------------------------------------------------------------
# find_deadline: free text.

# After the date: "前" family makes it a deadline; 起/以来/开始… make it a start or a history.
_SUFFIX_RE = re.compile(r"之前|以前|前|以内|之内|内|为止")
_REJECT_AFTER_RE = re.compile(r"以来|以后|之后|后|起|开始|伊始|期间|的|时|至|到|—|-|~|～")
# Completion verbs that make a date without 前 a deadline (…2024年12月底完成). Not 印发/召开:
# "(2024年3月26日印发)" is a document's date, not a deadline.
_VERB_RE = re.compile(
    r"(?:全面|基本|全部|初步|要|须|必须|务必|力争|确保|前){0,2}"
    r"(?:完成|建成|出台|上线|办结|到位|实现|报送|提交|投入使用|投入运行)"
)
_RANGE_SEP = frozenset("至到—-~～")
# Before the date: as-of / start / validity markers.
_REJECT_BEFORE = ("截至", "自", "从", "始于")
_BOUND_BEFORE = ("至", "到", "截止", "直至")
_OPEN_CLOSE = {"《": "》", "〔": "〕", "【": "】", "[": "]"}


def _inside_brackets(ctext: str) -> list[int]:
    """Per-position depth of 《》〔〕【】[] nesting (document titles and numbers).

    A 。 closes everything, so one unbalanced 《 in a broken text cannot hide later dates.
    """
    depth = [0] * (len(ctext) + 1)
    d = 0
    closers = set(_OPEN_CLOSE.values())
    for i, ch in enumerate(ctext):
        if ch in _OPEN_CLOSE:
            d += 1
        elif ch in closers and d > 0:
            d -= 1
        elif ch == "。":
            d = 0
        depth[i + 1] = d
    return depth


def find_deadline(text: str, year: int | None) -> Deadline | None:
    """Find the deadline governing a task's text, or None.

    A labelled field (see `find_labelled_deadline`) wins and is read by `resolve_deadline`
    (if its value is unreadable the result is None). Otherwise a dated phrase counts when it is
    followed by 前/之前/以前/内 (…5月底前实现…, 于2024年6月底前…, (2024年12月底前完成)) or by a
    completion verb (…2024年12月底完成…), or reads 年内. Not deadlines: bare years (到2025年,),
    dates after 到/至/截止 without 前 (target bounds, 实施期限至…), after 自/从/截至 or before
    起/以来/开始/后 (starts, history), dates inside 《》〔〕【】[], processing times (7个工作日内 —
    no calendar date at all), and bare 九月份. Of several deadlines the last dated one is
    returned ("6月底前完成初稿,12月底前全面完成" → 12月底前); failing that the last recurring
    one with a concrete part (每年1月31日前, 每年第一季度); failing that the last undated one.
    A month without a year takes the year of an earlier deadline in the text, else `year`.
    `text` of the result is the date phrase with its 前/内 suffix, with offsets into `text`.
    """
    lab = find_labelled_deadline(text)
    if lab is not None:
        labelled = resolve_deadline(lab.value, year)
        if labelled is None:
            return None
        labelled.start += lab.value_start
        labelled.end += lab.value_start
        return labelled

    ctext, idx = compact(text)
    atoms = _atoms(ctext, year)
    if not atoms:
        return None
    depth = _inside_brackets(ctext)

    # Merge ranges (2024年10月至12月): the second atom is the range end.
    groups: list[list[_Atom]] = []
    for a in atoms:
        if groups:
            prev = groups[-1][-1]
            gap = ctext[prev.end : a.start]
            if len(gap) == 1 and gap in _RANGE_SEP and prev.recurrence is None and a.recurrence is None:
                groups[-1].append(a)
                continue
        groups.append([a])

    best_dated: tuple[_Atom, int, int, str] | None = None
    best_rec: tuple[_Atom, int, int] | None = None
    best_undated: tuple[int, int] | None = None
    last_year: int | None = None
    for grp in groups:
        first, last = grp[0], grp[-1]
        cs, ce = first.start, last.end
        if depth[cs] > 0:
            continue
        if last.year_only:
            continue  # a bare year (到2025年, 2019年以来) is never a deadline in free text
        before = ctext[max(0, cs - 4) : cs]
        suffix = _SUFFIX_RE.match(ctext, ce)
        se = suffix.end() if suffix else ce
        strong = bool(suffix and suffix.group(0) in ("之前", "以前", "前"))
        within = bool(suffix and suffix.group(0) in ("内", "以内", "之内"))
        if _REJECT_AFTER_RE.match(ctext, se) and not strong:
            continue
        if any(before.endswith(w) for w in _REJECT_BEFORE):
            continue
        verb = _VERB_RE.match(ctext, se)
        bounded = any(before.endswith(w) for w in _BOUND_BEFORE)
        if bounded and not (strong or verb):
            continue
        is_year_within = ctext[ce - 1 : ce] == "内"  # 年内, 2024年内
        if last.recurrence is not None:
            # 每年1月31日前, 每年第一季度: keep as a recurrence (date None); a bare 每季度 is a
            # frequency, not a deadline.
            if not last.concrete:
                continue
            best_rec = (last, cs, se if (strong or within) else ce)
            continue
        if not (strong or within or verb or is_year_within):
            continue
        if last.weak and not (strong or verb):
            continue
        y = last.year
        if y is None:
            y = next((a.year for a in grp if a.year is not None), None)
        if y is None:
            y = last_year if last_year is not None else year
        end = se if (strong or within) else ce
        d = _date_of(last, y)
        if d is None:
            best_undated = (cs, end)
            continue
        if last.has_year_text or first.has_year_text:
            last_year = y
        best_dated = (last, cs, end, d)

    if best_dated is not None:
        _, cs, ce, d = best_dated
        s, e = _span(idx, cs, ce)
        return Deadline(text[s:e], d, None, s, e)
    if best_rec is not None:
        a, cs, ce = best_rec
        s, e = _span(idx, cs, ce)
        return Deadline(text[s:e], None, a.recurrence, s, e)
    if best_undated is not None:
        s, e = _span(idx, *best_undated)
        return Deadline(text[s:e], None, None, s, e)
    return None
