"""Unit attribution: who leads and who is responsible, in every style plans print it.

Forms handled (all reduce to "clauses" of unit lists with an optional role verb):
- labelled fields: 牵头单位:X;责任单位:Y  (also in brackets, or split over lines)
- an unlabelled bracket closing a task: (X、Y分别牵头,Z配合) (X、Y) (X牵头负责)
- a sentence: 以上工作由X负责,Y配合。 / X会同Y办理。
- a document rule such as "列第一位的为牵头单位,下同": in a list without role verbs, the first
  unit leads.
Without a stated lead every unit is responsible and the lead list is empty.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Labels. Deadline labels are listed so that a unit value stops where a deadline field starts.
_LABEL = re.compile(
    # "牵头单位:X" and also "【牵头单位】X" / "[牵头单位]:X"
    r"(?:[【\[]\s*)?(?:"
    r"(?P<ign>(?:牵头负责|牵头|责任|分管|包保|联系)领导|评分(?:部门|单位)|考核(?:部门|单位)|联系人|联系电话)"
    r"|(?P<lead>牵头(?:责任|负责)?(?:单位|部门|处室|科室)|主责(?:单位|部门))"
    r"|(?P<resp>(?:协同|具体|主要|直接)?(?:责任|配合|协办|协同|参与|参加|承办|实施|落实|主办|协作)"
    r"(?:单位|部门|科室|处室|主体))"
    r"|(?P<dl>完成时限|完成时间|时限要求|时间节点|完成期限|时间要求|时间安排|进度要求|办结时限)"
    r")\s*(?:[】\]]\s*[::]?|[::])"
)

_OPEN, _CLOSE = "([【〔{", ")]】〕}"

# A rule stated once that the first unit of each list leads ("下同": the same below).
_FIRST_LISTED = re.compile(
    r"(?:列|排|排名|排序)?在?(?:第一位|第一个|首位|首个|第1位|第一)[的者]?(?:单位|部门)?(?:为|是)[^,;。)]{0,8}牵头"
)

_UNIT_SUFFIX = re.compile(
    r"(?:局|委|办|厅|部|院|会|府|室|中心|处|所|队|站|团|司|行|社|署|馆|台|校|单位|部门|机关|机构|街道|镇|乡"
    r"|区|县|市|省|政府|委员会|办事处|分局|海关|组|联|协|盟|庭|科|股|军|警|团委|工会|妇联"
    r"|残联|科协|侨联|文联|总工会|红十字会|各级|各地|各单位|成员单位|相关方|企业)$"
)
_BAD_UNIT = re.compile(r"[。!?]|^(?:下同|等|其他|有关|相关|负责|牵头|配合)$|\d{4}年|\d+月")

_LEAD_VERB = re.compile(
    r"(?:分别|共同|联合|统一)?牵头(?:负责|落实|实施|抓总|推进|办理)?(?P<extra>[\u4e00-\u9fff]{0,2})$"
)
_RESP_TAIL = re.compile(
    r"(?:按职责(?:分工)?(?:分别)?|按照职责(?:分工)?|按职能(?:分工)?|分别|共同|各自|具体|协同|积极)?"
    r"(?:负责落实|负责实施|配合落实|配合实施|配合|协助|参与|协同|协办|负责|落实|办理|承担|实施|推进|完成|按职责)$"
)
_DUTY_TAIL = re.compile(r"按(?:照)?职(?:责|能)(?:分工)?[\u4e00-\u9fff]{0,4}$")
_ROLE_MARK = re.compile(r"[(\[【](?:牵头|主责|配合|协办|参与)(?:单位|部门)?[)\]】]$")
_TRIM_TAIL = re.compile(r"(?:等(?:相关|有关)?(?:部门|单位)|等)$")
_SPLIT_LIST = re.compile(r"[、,;,;]|以及|及(?=[\u4e00-\u9fff]{2})")


@dataclass
class Attribution:
    lead: list[str] = field(default_factory=list)
    responsible: list[str] = field(default_factory=list)
    states_first_listed_rule: bool = False
    deadline_text: str | None = None
    has_verb: bool = False  # a role verb (牵头, 负责, 配合 …) was printed

    def __bool__(self) -> bool:
        return bool(self.lead or self.responsible)

    def merge(self, other: Attribution) -> None:
        for u in other.lead:
            if u not in self.lead:
                self.lead.append(u)
        for u in other.responsible:
            if u not in self.responsible:
                self.responsible.append(u)
        self.deadline_text = self.deadline_text or other.deadline_text


def split_top(text: str, seps: str | re.Pattern[str]) -> list[str]:
    """Split on separators that are not inside brackets (各县(市、区)政府 stays whole)."""
    pattern = seps if isinstance(seps, re.Pattern) else re.compile(seps)
    parts, depth, start, i = [], 0, 0, 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0:
            m = pattern.match(text, i)
            if m and m.end() > i:
                parts.append(text[start:i])
                start = i = m.end()
                continue
        i += 1
    parts.append(text[start:])
    return parts


def looks_like_unit(s: str) -> bool:
    s = _ROLE_MARK.sub("", s.strip())
    if not (2 <= len(s) <= 40) or _BAD_UNIT.search(s):
        return False
    return bool(_UNIT_SUFFIX.search(s))


def clean_unit(u: str) -> str:
    u = u.strip().strip(" 、,;:。.").strip()
    u = re.sub(r"^(?:由|请|其中|包括)", "", u)
    prev = None
    while prev != u:
        prev = u
        u = _TRIM_TAIL.sub("", u).strip()
        u = _DUTY_TAIL.sub("", u).strip()
    return u


def split_units(text: str) -> list[str]:
    """A printed unit list → unit names (trimmed), split on 、,; 及 以及 and spaces between units."""
    out: list[str] = []
    for part in split_top(text, _SPLIT_LIST):
        part = part.strip()
        if not part:
            continue
        # "县司法局 县信访局": a space between two complete unit names separates them
        pieces = part.split()
        if len(pieces) > 1 and all(looks_like_unit(p) for p in pieces):
            cands = pieces
        else:
            cands = ["".join(pieces)]
        for c in cands:
            c = clean_unit(c)
            if c and c not in out:
                out.append(c)
    return out


def _clause_role(clause: str) -> tuple[str, str]:
    """(role, unit text) of one clause: role is 'lead', 'resp' (a verb says so) or '' (no verb)."""
    clause = clause.strip()
    m = _LEAD_VERB.search(clause)
    if m and m.group("extra") not in ("单位", "部门", "处室", "科室"):
        return "lead", clause[: m.start()]
    stripped, role = clause, ""
    for _ in range(3):
        m2 = _RESP_TAIL.search(stripped) or _DUTY_TAIL.search(stripped)
        if not m2 or m2.start() == 0:
            break
        before, after = _last_item(stripped), _last_item(stripped[: m2.start()])
        # "市政协办" ends in 协办 but is a unit name: a verb is only cut off a non-unit tail
        if looks_like_unit(before) and not looks_like_unit(after):
            break
        stripped, role = stripped[: m2.start()], "resp"
    return role, stripped


def _last_item(text: str) -> str:
    return split_top(text, _SPLIT_LIST)[-1].strip()


def parse_unit_clauses(text: str, first_listed: bool = False) -> tuple[Attribution, float]:
    """Parse an attribution body such as "X、Y分别牵头,Z配合" or "X、Y、Z".

    Returns the attribution and the share of list items that look like unit names, which
    callers use to decide whether a bracket or sentence is an attribution at all.
    """
    att = Attribution()
    if _FIRST_LISTED.search(text):
        att.states_first_listed_rule = True
        first_listed = True
    roles: list[tuple[str, list[str]]] = []
    total = good = 0
    for clause in split_top(text, r"[,;,;。]"):
        clause = clause.strip()
        if not clause or _FIRST_LISTED.search(clause) or clause in ("下同", "同上"):
            continue
        # "X会同Y办理": both take part; the text names no lead
        clause = clause.replace("会同", "、")
        role, body = _clause_role(clause)
        units = split_units(body)
        total += len(units)
        good += sum(1 for u in units if looks_like_unit(u))
        roles.append((role, units))
    share = good / total if total else 0.0
    # "区司法局(牵头)、区财政局": a role printed in brackets after a unit
    marked: list[tuple[str, list[str]]] = []
    for role, units in roles:
        rest = []
        for u in units:
            m = _ROLE_MARK.search(u)
            if m:
                marked.append(("lead" if "牵头" in m.group(0) else "resp", [u[: m.start()].strip()]))
            else:
                rest.append(u)
        marked.append((role, rest))
    roles = [(r, us) for r, us in marked if us]
    has_lead = any(r == "lead" for r, _ in roles)
    att.has_verb = any(r for r, _ in roles)
    for role, units in roles:
        target = att.lead if role == "lead" else att.responsible
        for u in units:
            if u not in target:
                target.append(u)
    if not has_lead and first_listed and not any(r == "resp" for r, _ in roles) and att.responsible:
        att.lead = [att.responsible[0]]
        att.responsible = att.responsible[1:]
    return att, share


def find_labels(text: str) -> list[re.Match[str]]:
    return list(_LABEL.finditer(text))


def parse_labelled(text: str, first_listed: bool = False) -> Attribution | None:
    """Labelled fields in `text` (牵头单位:X;责任单位:Y;完成时限:Z) → Attribution, or None."""
    labels = find_labels(text)
    if not labels:
        return None
    att = Attribution()
    if _FIRST_LISTED.search(text):
        att.states_first_listed_rule = True
        first_listed = True
    for i, m in enumerate(labels):
        end = labels[i + 1].start() if i + 1 < len(labels) else len(text)
        value = text[m.end() : end].strip().strip(";;,,。 ").strip()
        if i + 1 < len(labels):
            # a misprinted label repeats its first character: "…;责责任部门:" leaves a stray 责
            stray = re.search(r"[;,、\s]\s*(\S{1,2})$", value)
            if stray and labels[i + 1].group(0).lstrip("【[").startswith(stray.group(1)):
                value = value[: stray.start()].strip()
        # a bracket opened before the labels closes after the last value
        value = _strip_unbalanced_closers(value).strip().rstrip(";;,,。")
        value = _strip_rule_bracket(value)
        if m.group("ign") or not value:
            continue
        if m.group("dl"):
            att.deadline_text = value
            continue
        sub, _ = parse_unit_clauses(value, first_listed=False)
        if m.group("lead"):
            for u in sub.lead + sub.responsible:
                if u not in att.lead:
                    att.lead.append(u)
        else:
            # "责任单位:X牵头,Y配合" still names a lead
            for u in sub.lead:
                if u not in att.lead:
                    att.lead.append(u)
            units = sub.responsible
            if first_listed and not att.lead and not sub.lead and units:
                att.lead.append(units[0])
                units = units[1:]
            for u in units:
                if u not in att.responsible:
                    att.responsible.append(u)
    return att


def _strip_unbalanced_closers(value: str) -> str:
    while (
        value
        and value[-1] in _CLOSE
        and sum(value.count(c) for c in _CLOSE) > sum(value.count(c) for c in _OPEN)
    ):
        value = value[:-1].rstrip()
    return value


def _strip_rule_bracket(value: str) -> str:
    """ "X、Y(列第一位者为牵头单位,下同)": the bracket states a rule, it is not part of Y."""
    m = re.search(r"[(\[【][^()\[\]【】]*[)\]】]$", value)
    if m and _FIRST_LISTED.search(m.group(0)):
        return value[: m.start()].rstrip()
    return value


def is_label_line(text: str) -> bool:
    """A line that consists of labelled fields only (after a task, in a ledger cell)."""
    labels = find_labels(text)
    return bool(labels) and labels[0].start() <= 3


def starts_with_label(text: str) -> bool:
    m = _LABEL.match(text.lstrip("([【 "))
    return m is not None


def states_first_listed_rule(text: str) -> bool:
    return bool(_FIRST_LISTED.search(text))


_TRAILING_BRACKET = re.compile(r"[(\[【]([^()\[\]【】]*(?:\([^()]*\)[^()\[\]【】]*)*)[)\]】]\s*[。;]?\s*$")
_SENTENCE_ATTR = re.compile(
    r"(?:^|[。;])\s*(?:以上|上述)?(?:各项)?(?:工作|任务|事项)?由([^。]{2,300}?)[。]?\s*$"
)


def trailing_attribution(text: str, first_listed: bool) -> tuple[Attribution | None, int]:
    """An attribution closing a paragraph: a bracket or a 由…负责 sentence.

    Returns (attribution, start offset of the attribution in `text`) or (None, len(text)).
    """
    # Only the tail can hold a closing attribution; bounding it keeps long lines linear.
    base = max(0, len(text) - 400)
    tail = text[base:]
    m = _TRAILING_BRACKET.search(tail)
    if m:
        inner = m.group(1)
        att = parse_labelled(inner, first_listed)
        if att:
            return att, base + m.start()
        att, share = parse_unit_clauses(inner, first_listed)
        before = tail[m.start() - 1 : m.start()] if m.start() > 0 else ""
        glued = bool(before) and before not in "。;,:)]】 \x1f" and not (base == 0 and m.start() == 0)
        if att and share >= 0.6 and (att.has_verb or att.states_first_listed_rule or not glued):
            return att, base + m.start()
    m = _SENTENCE_ATTR.search(tail)
    if m:
        att, share = parse_unit_clauses(m.group(1), first_listed=False)
        if att and share >= 0.6:
            lead_in = 1 if tail[m.start() : m.start() + 1] in "。;" else 0
            return att, base + m.start() + lead_in
    # a closing sentence made only of units and role verbs: "区司法局牵头,各街道配合。"
    body = tail.rstrip("。; ")
    cut = max(body.rfind("。"), body.rfind(";"))
    last = body[cut + 1 :]
    if 2 <= len(last) <= 150:
        att, share = parse_unit_clauses(last, first_listed=False)
        if att and att.has_verb and share >= 0.8:
            return att, base + cut + 1
    return None, len(text)


def sentence_attribution(text: str, first_listed: bool) -> Attribution | None:
    """A whole line that is an attribution: (责任单位:…), 以上工作由X负责, (X牵头,Y配合)."""
    t = text.strip()
    if not t:
        return None
    att, start = trailing_attribution(t, first_listed)
    if att and start <= 2:
        return att
    if is_label_line(t.lstrip("([【")):
        return parse_labelled(t, first_listed)
    return None
