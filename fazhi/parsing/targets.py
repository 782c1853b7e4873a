"""Quantitative targets in task text: 至少2次, 不低于80%, 7个工作日内, 出庭应诉率100%, 每年1次.

Pure Python (stdlib + cn2an); never import Django here.

`extract_targets(text)` returns `Target`s (see model.py) in text order. A number counts as a
target only with a comparator (至少, 不少于, 不超过, 达到, 控制在…, or 以上/以下/以内/内/左右 after
it), as a percentage of 100 (率100%, 100%全覆盖), or as a count under 每X (每年1次, 每季度一次).
Bare numbers, years, dates, ordinals (第2次) and idioms ("一件事一次办", "最多跑一次") are not
targets. 全覆盖 without a number is not reported: it has no figure to check.

All regexes use bounded quantifiers only and numbers cannot start inside a longer number, so
matching is linear in the input length.
"""

from __future__ import annotations

import bisect
import re

import cn2an

from fazhi.parsing.deadlines import compact
from fazhi.parsing.model import Target

__all__ = ["extract_targets"]

# --------------------------------------------------------------------------------------------
# Vocabulary.

# Comparators before the number → op. "neutral" ones take their direction from a 以上/以下 after
# the number, else their default.
_PRE_OPS: dict[str, str] = {
    "不少于": ">=",
    "不低于": ">=",
    "不小于": ">=",
    "不得少于": ">=",
    "不得低于": ">=",
    "不应少于": ">=",
    "不应低于": ">=",
    "至少": ">=",
    "最少": ">=",
    "最低": ">=",
    "达到": ">=",
    "均达到": ">=",
    "均达": ">=",
    "达": ">=",
    "实现": ">=",
    "保持在": ">=",
    "保持": ">=",
    "确保": ">=",
    "稳定在": ">=",
    "维持在": ">=",
    "提高到": ">=",
    "提高至": ">=",
    "提升到": ">=",
    "提升至": ">=",
    "增加到": ">=",
    "增加至": ">=",
    "增长到": ">=",
    "增长至": ">=",
    "超过": ">",
    "高于": ">",
    "多于": ">",
    "大于": ">",
    "不超过": "<=",
    "不高于": "<=",
    "不多于": "<=",
    "不大于": "<=",
    "不得超过": "<=",
    "不得高于": "<=",
    "不应超过": "<=",
    "最多": "<=",
    "最长": "<=",
    "最高": "<=",
    "控制在": "<=",
    "降低到": "<=",
    "降低至": "<=",
    "下降到": "<=",
    "下降至": "<=",
    "压缩到": "<=",
    "压缩至": "<=",
    "压减到": "<=",
    "压减至": "<=",
    "缩短到": "<=",
    "缩短至": "<=",
    "低于": "<",
    "少于": "<",
    "小于": "<",
    "≥": ">=",
    ">=": ">=",
    "≤": "<=",
    "<=": "<=",
    ">": ">",
    "<": "<",
}
# Words whose direction a following 以上/以下/以内 may override (控制在5%以内, 达95%以上).
_NEUTRAL = {"达到", "均达到", "均达", "达", "实现", "保持在", "保持", "确保", "稳定在", "维持在", "控制在"}
# Too common as plain verbs to take anything but a percentage (达成3项, 实现5家企业上市).
_PERCENT_ONLY = {"达", "均达", "实现", "保持", "保持在", "确保", "稳定在", "维持在"}

_POST_OPS = {
    "及以上": ">=",
    "以上": ">=",
    "及以下": "<=",
    "以下": "<=",
    "以内": "<=",
    "之内": "<=",
    "内": "<=",
    "左右": "==",
}

# Longest first so 个工作日 wins over 个.
_UNITS = [
    "个工作日",
    "工作日",
    "个百分点",
    "百分点",
    "个小时",
    "个月",
    "万人次",
    "人次",
    "学时",
    "课时",
    "小时",
    "分钟",
    "万元",
    "亿元",
    "千元",
    "元",
    "亿立方米",
    "万立方米",
    "立方米",
    "平方公里",
    "平方米",
    "公里",
    "万亩",
    "亩",
    "万吨",
    "吨",
    "万人",
    "万户",
    "%",
    "‰",
    "次",
    "场",
    "期",
    "轮",
    "批",
    "篇",
    "件",
    "个",
    "项",
    "名",
    "人",
    "户",
    "家",
    "所",
    "支",
    "条",
    "份",
    "套",
    "座",
    "天",
    "日",
    "周",
    "年",
    "分",
    "倍",
    "节",
    "堂",
]
# Units a 每X count may carry (每年1次, 每季度一次). Not 日/天: 每月5日 is a date.
_COUNT_UNITS = {
    "次",
    "场",
    "期",
    "轮",
    "批",
    "篇",
    "件",
    "个",
    "项",
    "名",
    "人",
    "人次",
    "家",
    "学时",
    "课时",
    "小时",
    "节",
    "堂",
    "份",
}
# Units for which a bare 内 after the number means "within" (7个工作日内).
_TIME_UNITS = {"个工作日", "工作日", "个小时", "小时", "个月", "天", "日", "周", "分钟"}

_CN_NUM = "零〇一二两三四五六七八九十百千万"


def _alt(words: list[str] | set[str] | dict[str, str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# A number: a fraction (三分之一), 百分之X, Arabic (1,000.5), or Chinese (十二). Each alternative is
# guarded so it cannot start inside a longer number or right after 第 (ordinals) or 月 (dates).
_NUM = (
    r"(?:(?<![0-9.第月])(?P<fden>[0-9]{1,3}|[一二两三四五六七八九十]{1,3})分之(?P<fnum>[0-9]{1,3}|[一二两三四五六七八九十]{1,3})"
    r"|百分之(?P<pct>百|[0-9]{1,3}(?:\.[0-9]{1,4})?|[一二两三四五六七八九十]{1,4})"
    r"|(?<![0-9.,第月])(?P<ar>[0-9]{1,9}(?:,[0-9]{3}){0,3}(?:\.[0-9]{1,4})?)(?![0-9])"
    rf"|(?<![{_CN_NUM}第月])(?P<cn>[{_CN_NUM}]{{1,6}}))"
)
_UNIT = rf"(?P<unit>{_alt(_UNITS)})?"
_SLASH = r"(?:/(?P<per>年|季度|半年|月|周))?"
_POST = rf"(?:\(含\))?(?P<post>{_alt(_POST_OPS)})?"

# Comparator + number. "不少于本单位执法人员总数的5%" allows a ...的 gap (percentages only), and
# 至少/最少 a short verb gap (至少安排4次, 至少具有1名, 至少建成一个). The gaps are lazy-optional so
# the plain reading (至少一名) is tried first.
_PRE_RE = re.compile(
    rf"(?<!不)(?<!得)(?<!应)(?P<pre>{_alt(_PRE_OPS)})"
    r"(?:(?P<gap>[\u4e00-\u9fff]{1,12}?的)|(?<=至少|最少)[\u4e00-\u9fff]{1,4}?)??"
    rf"{_NUM}{_UNIT}{_SLASH}{_POST}"
)
# Number + 以上/以下/以内/内/左右.
_POST_RE = re.compile(rf"{_NUM}{_UNIT}{_SLASH}(?:\(含\))?(?P<post>{_alt(_POST_OPS)})")
# A percentage of 100 standing alone (率100%, 100%回复, 100%全覆盖).
_HUNDRED_RE = re.compile(r"(?<![0-9.])100(?:\.0{1,2})?%|百分之百")
# 每X + short verb gap + count.
_EVERY_RE = re.compile(
    r"每个?(?P<every>年度?|季度|季|半年|月|周)(?P<gap>[\u4e00-\u9fff]{0,6}?)"
    # Not 一个月/一个工作日 (a duration), and no ordinal gap (每季度最后一个月).
    rf"{_NUM}(?P<unit>{_alt(_COUNT_UNITS)})(?!月|工作日|小时|百分点){_POST}"
)
# A count per period written with a slash: 2次/年.
_SLASH_RE = re.compile(rf"{_NUM}(?P<unit>{_alt(_COUNT_UNITS)})/(?P<per>年|季度|半年|月|周)")
# Words setting a period for targets in the same clause.
_PERIOD_RE = re.compile(r"每个?(年度?|季度|季|半年|月|周)|(全年|年均|(?<![上下])年度)|(月均)")
_CLAUSE_END = re.compile(r"[,;。:!?|;]")
_PERIOD_REACH = 60  # chars: a 每年 further back than this governs something else
_WRAP_WIDTH = 20  # a line at least this long that ends mid-sentence was wrapped, not ended

_PERIOD_NAME = {
    "年": "year",
    "年度": "year",
    "季度": "quarter",
    "季": "quarter",
    "半年": "half-year",
    "月": "month",
    "周": "week",
}


def _number(m: re.Match[str]) -> tuple[float | int, bool] | None:
    """The number of a match and whether it is inherently a percentage (三分之一, 百分之X)."""
    g = m.groupdict()
    try:
        if g.get("fden"):
            den = float(cn2an.cn2an(g["fden"], "smart"))
            num = float(cn2an.cn2an(g["fnum"], "smart"))
            if den <= 0 or num > den:
                return None
            return round(num / den * 100, 2), True
        if g.get("pct"):
            return (100 if g["pct"] == "百" else float(cn2an.cn2an(g["pct"], "smart"))), True
        if g.get("ar"):
            return float(g["ar"].replace(",", "")), False
        if g.get("cn"):
            return float(cn2an.cn2an(g["cn"], "normal")), False
    except (ValueError, KeyError, TypeError):
        return None
    return None


def _tidy(v: float | int) -> float | int:
    return int(v) if float(v).is_integer() else v


class _Periods:
    """Looks up the 每年/全年/每季度… that governs a position (same clause, nearby)."""

    def __init__(self, ctext: str, text: str, idx: list[int]) -> None:
        bounds = [m.start() for m in _CLAUSE_END.finditer(ctext)]
        # A line break ends a clause too (一、确保完成全年主要预期目标 / 1. 地区生产总值增长8%以上),
        # except inside wrapped prose: a long line ending mid-sentence.
        line_start = 0
        for nl in re.finditer(r"\n", text):
            line = text[line_start : nl.start()].strip()
            line_start = nl.end()
            if len(line) >= _WRAP_WIDTH and not _CLAUSE_END.search(line[-1:]):
                continue
            bounds.append(bisect.bisect_left(idx, nl.start()) - 1)
        bounds.sort()
        self.bounds = bounds
        self.hits: list[tuple[int, str]] = []
        for m in _PERIOD_RE.finditer(ctext):
            if m.group(1):
                name = _PERIOD_NAME[m.group(1)]
            elif m.group(2):
                name = "year"
            else:
                name = "month"
            self.hits.append((m.end(), name))
        self.ends = [e for e, _ in self.hits]

    def at(self, pos: int) -> str | None:
        i = bisect.bisect_right(self.ends, pos) - 1
        if i < 0:
            return None
        end, name = self.hits[i]
        b = bisect.bisect_right(self.bounds, pos - 1) - 1
        clause_start = self.bounds[b] + 1 if b >= 0 else 0
        if end < clause_start or pos - end > _PERIOD_REACH:
            return None
        return name


def _unit_ok(unit: str | None, value: float, post: str | None) -> bool:
    if unit is None:
        return False
    if unit == "年" and (value >= 100 or post is not None):
        # 2024年 is a year; 3年内/5年以上 are timeframes, not targets.
        return False
    return not (post == "内" and unit not in _TIME_UNITS)


def extract_targets(text: str) -> list[Target]:
    """Find quantitative targets in `text`, in text order.

    Each `Target.text` is the exact substring of `text` (line breaks and spaces inside it are
    kept as printed). `op` is one of >= > <= < ==: 至少/不少于/不低于/达到/以上 → >=, 超过/高于 → >,
    不超过/以内/内/以下/控制在 → <=, 低于/少于 → <, 左右 → ==; a bare 100% → >= 100. `value` is an
    int when whole. `unit` as printed (次, 学时, %, 个工作日, 万元, …); fractions (三分之一) and
    "总数的5%" give unit %. `period` is year/quarter/half-year/month/week from 每X, 全年, 年度,
    "次/年" in the same clause, else None. Identical targets (same text, op, value, unit,
    period) are reported once.
    """
    ctext, idx = compact(text)
    periods = _Periods(ctext, text, idx)
    found: list[tuple[int, int, Target]] = []  # compact start, end, target
    # Spans taken so far, kept sorted and disjoint so an overlap test is two bisects (a long
    # text can hold thousands of targets).
    starts: list[int] = []
    ends: list[int] = []

    def overlaps(s: int, e: int) -> bool:
        i = bisect.bisect_left(starts, e)  # spans starting before e
        return i > 0 and ends[i - 1] > s

    def add(s: int, e: int, op: str, value: float | int, unit: str | None, period: str | None) -> None:
        os_, oe = idx[s], idx[e - 1] + 1
        found.append((s, e, Target(text=text[os_:oe], op=op, value=_tidy(value), unit=unit, period=period)))
        i = bisect.bisect_left(starts, s)
        starts.insert(i, s)
        ends.insert(i, e)

    def period_of(m: re.Match[str], at: int) -> str | None:
        per = m.group("per") if "per" in m.groupdict() else None
        if per:
            return _PERIOD_NAME[per]
        return periods.at(at)

    # 1. Comparator + number.
    pos = 0
    while True:
        m = _PRE_RE.search(ctext, pos)
        if m is None:
            break
        pos = m.start() + 1
        num = _number(m)
        if num is None:
            continue
        value, is_pct = num
        pre, gap, post = m.group("pre"), m.group("gap"), m.group("post")
        unit = "%" if is_pct else m.group("unit")
        if gap and unit != "%":
            continue
        if pre in _PERCENT_ONLY and unit != "%":
            continue
        if not _unit_ok(unit, value, post):
            continue
        op = _PRE_OPS[pre]
        if post and pre in _NEUTRAL:
            op = _POST_OPS[post]
        if overlaps(m.start(), m.end()):
            continue
        add(m.start(), m.end(), op, value, unit, period_of(m, m.start()))
        pos = m.end()

    # 2. Number + 以上/以下/以内/内/左右.
    for m in _POST_RE.finditer(ctext):
        num = _number(m)
        if num is None or overlaps(m.start(), m.end()):
            continue
        value, is_pct = num
        unit = "%" if is_pct else m.group("unit")
        post = m.group("post")
        if not _unit_ok(unit, value, post):
            continue
        add(m.start(), m.end(), _POST_OPS[post], value, unit, period_of(m, m.start()))

    # 3. 100% on its own.
    for m in _HUNDRED_RE.finditer(ctext):
        if overlaps(m.start(), m.end()):
            continue
        add(m.start(), m.end(), ">=", 100, "%", periods.at(m.start()))

    # 4. 每X … count.
    for m in _EVERY_RE.finditer(ctext):
        num = _number(m)
        if num is None or num[1]:
            continue
        s = m.start()
        if overlaps(s, m.end()):
            continue
        post = m.group("post")
        op = _POST_OPS[post] if post else ">="
        add(s, m.end(), op, num[0], m.group("unit"), _PERIOD_NAME[m.group("every")])

    # 5. 2次/年.
    for m in _SLASH_RE.finditer(ctext):
        num = _number(m)
        if num is None or num[1] or overlaps(m.start(), m.end()):
            continue
        add(m.start(), m.end(), ">=", num[0], m.group("unit"), _PERIOD_NAME[m.group("per")])

    found.sort(key=lambda t: (t[0], t[1]))
    out: list[Target] = []
    seen: set[tuple[str, str, float | int, str | None, str | None]] = set()
    for _, _, t in found:
        key = (t.text, t.op, t.value, t.unit, t.period)
        if key in seen:
            continue
        seen.add(key)
        out.append(t)
    return out
