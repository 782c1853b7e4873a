"""Running-text plans: numbered items → outline tree → the items that carry task data.

Algorithm:
1. Find marker candidates: at a line start, after a lost line break (SOFT_BREAK), or after
   sentence-closing punctuation. A candidate inside a line is accepted only when it continues
   the numbering (the next ordinal of a level in use, or 1 of a new level), so "2." in running
   text does not split a task. Levels nest by their conventional rank (一、 > (一) > 1. > (1) > ①).
2. Each item collects its paragraphs. Attributions are taken from them: a whole line of labels
   or a standalone bracket/sentence (a *line attribution*) or a bracket/sentence closing a
   paragraph (an *inline attribution*).
3. A line attribution also covers the preceding siblings that have none (one "(责任单位:…)" after
   items (1)–(4) covers all four). Inline sub-items of which only the last carries units are
   sub-points of their parent, not tasks.
4. Tasks are the items that carry units and whose descendants carry none: the task level is
   whatever level carries the data in this document.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from fazhi.parsing.markers import Marker, match_marker
from fazhi.parsing.normalize import SOFT_BREAK, Line
from fazhi.parsing.units import (
    Attribution,
    find_labels,
    is_label_line,
    parse_labelled,
    parse_unit_clauses,
    sentence_attribution,
    states_first_listed_rule,
    trailing_attribution,
)

_INLINE_AFTER = "。;!?)】]:" + SOFT_BREAK


@dataclass
class Item:
    marker: Marker
    line_start: bool
    parent: Item | None
    paragraphs: list[str] = field(default_factory=list)
    children: list[Item] = field(default_factory=list)
    own: Attribution | None = None  # closing its own paragraph, or on its own lines
    line_att: bool = False  # `own` came from a separate line (may cover earlier siblings)
    given: Attribution | None = None  # received from a following sibling's line attribution
    content_parts: list[str] = field(default_factory=list)
    deadline_text: str | None = None
    merged: bool = False
    source_line: int = 0

    @property
    def units(self) -> Attribution | None:
        return self.own or self.given

    def heading(self) -> str:
        first = self.paragraphs[0] if self.paragraphs else ""
        first = first.split("。")[0].replace(SOFT_BREAK, "").strip()
        return (self.marker.text + first).strip()


@dataclass
class Outline:
    items: list[Item]
    preamble: list[str]


def _candidates(text: str, at_line_start: bool) -> list[tuple[int, Marker, bool]]:
    """(offset, marker, is_line_start) for each place a marker could begin."""
    out: list[tuple[int, Marker, bool]] = []
    if at_line_start:
        m = match_marker(text, 0)
        if m:
            out.append((0, m, True))
    for i, ch in enumerate(text):
        if ch in _INLINE_AFTER and i + 1 < len(text):
            j = i + 1
            m = match_marker(text, j)
            if m:
                out.append((j, m, False))
    return out


class _Builder:
    def __init__(self) -> None:
        self.items: list[Item] = []
        self.stack: list[Item] = []
        self.preamble: list[str] = []
        self.last_of_kind: dict[str, int] = {}

    def accepts(self, m: Marker, line_start: bool) -> bool:
        """Step 1: a marker at a true line start is trusted; one inside a line (or after a lost
        line break) must continue the numbering."""
        if line_start:
            return True
        same = next((it for it in reversed(self.stack) if it.marker.kind == m.kind), None)
        if same is not None:
            return m.ordinal == same.marker.ordinal + 1
        # a new level starts at 1, or numbering runs on across sections (3. after (二))
        return m.ordinal == 1 or m.ordinal == self.last_of_kind.get(m.kind, -9) + 1

    def open(self, m: Marker, line_start: bool, source: int) -> Item:
        while self.stack and self.stack[-1].marker.rank >= m.rank:
            self.stack.pop()
        parent = self.stack[-1] if self.stack else None
        item = Item(m, line_start, parent, source_line=source)
        if parent:
            parent.children.append(item)
        self.stack.append(item)
        self.items.append(item)
        self.last_of_kind[m.kind] = m.ordinal
        return item

    def add_text(self, text: str, new_paragraph: bool) -> None:
        text = text.replace(SOFT_BREAK, "").strip()
        if not text:
            return
        if not self.stack:
            self.preamble.append(text)
            return
        cur = self.stack[-1]
        if new_paragraph or not cur.paragraphs:
            cur.paragraphs.append(text)
        else:
            cur.paragraphs[-1] += text


def build_outline(lines: list[Line]) -> Outline:
    b = _Builder()
    for line in lines:
        text = line.text
        cands = _candidates(text, True)
        pos = 0
        first_piece = True
        for off, m, line_start in cands:
            if off < pos or not b.accepts(m, line_start):
                continue
            b.add_text(text[pos:off], new_paragraph=first_piece)
            first_piece = False
            item = b.open(m, line_start, line.source)
            item.paragraphs.append("")
            pos = m.end
            first_piece = False
            # the marker's own text continues the new item's first paragraph
        b.add_text(text[pos:], new_paragraph=first_piece)
    for it in b.items:
        it.paragraphs = [p for p in it.paragraphs if p.strip()] or [""]
    return Outline(b.items, b.preamble)


def _attribute(items: list[Item], first_listed_from_preamble: bool) -> None:
    first_listed = first_listed_from_preamble
    for it in items:
        content: list[str] = []
        for k, para in enumerate(it.paragraphs):
            if states_first_listed_rule(para):
                first_listed = True
            # a paragraph made only of labels / a bracket / a 由…负责 sentence
            whole = sentence_attribution(para, first_listed) if (k > 0 or not para) else None
            if k == 0 and is_label_line(para):
                whole = parse_labelled(para, first_listed)
            if whole is not None and (whole or whole.deadline_text):
                _add(it, whole, line=True)
                continue
            labels = find_labels(para)
            if labels and labels[0].start() > 0:
                # "…任务正文。牵头单位:X;责任单位:Y" in one paragraph
                att = parse_labelled(para[labels[0].start() :], first_listed)
                if att is not None and (att or att.deadline_text):
                    _add(it, att, line=False)
                    para = para[: labels[0].start()].rstrip("([【 ")
            att, start = trailing_attribution(para, first_listed)
            if att:
                _add(it, att, line=False)
                para = para[:start].rstrip()
            if para:
                content.append(para)
        it.content_parts = content
        if it.own is None and content:
            _unit_prefix(it, content)


_UNIT_PREFIX = re.compile(r"^([^,。:;()]{2,40}):")


def _unit_prefix(it: Item, content: list[str]) -> None:
    """ "区司法局:负责…" — a duty list that names its unit before a colon."""
    m = _UNIT_PREFIX.match(content[0])
    if not m:
        return
    att, share = parse_unit_clauses(m.group(1))
    if not att or share < 1.0:
        return
    if content[0][m.end() :].lstrip().startswith("牵头") and not att.lead:
        att.lead, att.responsible = att.responsible, []
    _add(it, att, line=False)
    content[0] = content[0][m.end() :].lstrip()


def _add(it: Item, att: Attribution, line: bool) -> None:
    if att.deadline_text and not it.deadline_text:
        it.deadline_text = att.deadline_text
    if not att:
        return
    if it.own is None:
        it.own = Attribution()
        it.line_att = line
    it.own.merge(att)
    it.line_att = it.line_att and line


def _share_group_attributions(items: list[Item], roots: list[Item]) -> None:
    """Step 3: line attributions cover earlier unattributed siblings."""

    def visit(siblings: list[Item]) -> None:
        for idx, it in enumerate(siblings):
            if it.own and it.line_att:
                j = idx - 1
                # siblings in front of a line attribution share it (see step 3)
                while (
                    j >= 0 and not _has_units_below(siblings[j]) and siblings[j].line_start == it.line_start
                ):
                    siblings[j].given = it.own
                    j -= 1
            visit(it.children)

    visit(roots)


def _has_units_below(it: Item) -> bool:
    return _carries_data(it) or any(_has_units_below(c) for c in it.children)


def _carries_data(it: Item) -> bool:
    """Task data: units, or a labelled deadline (a plan may give only 完成时限 per task)."""
    return bool(it.units) or bool(it.deadline_text)


def _merge_soft_subpoints(items: list[Item]) -> None:
    """Inline (1)(2)… of which only the last carries units are sub-points of their parent."""
    for it in items:
        soft = [c for c in it.children if not c.line_start]
        if len(soft) < 2 or len(soft) != len(it.children):
            continue
        carrying = [c for c in soft if _has_units_below(c)]
        if len(carrying) == 1 and carrying[0] is soft[-1] and not it.units:
            for c in soft:
                it.content_parts.append(c.marker.text + "".join(c.content_parts))
                c.merged = True
                for d in _descendants(c):
                    d.merged = True
            it.own = soft[-1].own
            it.deadline_text = it.deadline_text or soft[-1].deadline_text
            it.children = []


def _descendants(it: Item) -> list[Item]:
    out = []
    for c in it.children:
        out.append(c)
        out.extend(_descendants(c))
    return out


def _lift_to_task_level(items: list[Item]) -> None:
    """An attribution printed after a task's sub-points belongs to the task when the document
    shows elsewhere that tasks sit at the parent's level and never at the sub-points' level.

    Votes come from items that carry units unambiguously (no children, and not the last of a
    run of sub-items); without such evidence the sub-items keep the attribution (step 3).
    """
    votes: Counter[str] = Counter()
    ambiguous: list[Item] = []
    for it in items:
        if not it.own:
            continue
        p = it.parent
        if (
            it.line_att
            and p is not None
            and not p.units
            and p.children
            and p.children[-1] is it
            and all(not c.units for c in p.children[:-1])
        ):
            ambiguous.append(it)
        elif not it.children:
            votes[it.marker.kind] += 1
    for it in ambiguous:
        p = it.parent
        assert p is not None
        if votes[p.marker.kind] > 0 and votes[it.marker.kind] == 0:
            p.own, p.line_att = it.own, it.line_att
            p.deadline_text = p.deadline_text or it.deadline_text
            it.own = None
            for c in list(p.children):
                p.content_parts.append(c.marker.text + "".join(c.content_parts))
                c.merged = True
                for d in _descendants(c):
                    d.merged = True
            p.children = []


def _unit_headings(items: list[Item]) -> None:
    """A heading that is only a unit name (责任清单 by unit: "一、区司法局" then its duties):
    its items without units of their own are that unit's."""
    for it in items:
        if it.units or not it.children or len(it.paragraphs) != 1:
            continue
        text = it.paragraphs[0].strip().rstrip(":")
        if not text or len(text) > 60 or "。" in text:
            continue
        att, share = parse_unit_clauses(text)
        if not att or share < 1.0:
            continue
        for d in _descendants(it):
            if not d.units and not any(_has_units_below(c) for c in d.children):
                d.given = att


def task_items(outline: Outline) -> list[Item]:
    """Steps 2–4: the items that are tasks, in document order."""
    items = outline.items
    preamble_rule = any(states_first_listed_rule(p) for p in outline.preamble)
    _attribute(items, preamble_rule)
    _merge_soft_subpoints(items)
    _lift_to_task_level(items)
    roots = [it for it in items if it.parent is None]
    _share_group_attributions(items, roots)
    _unit_headings(items)
    tasks = []
    for it in items:
        if it.merged or not _carries_data(it):
            continue
        if any(_has_units_below(c) for c in it.children):
            continue
        tasks.append(it)
    return tasks


def ancestors(it: Item) -> list[Item]:
    out = []
    p = it.parent
    while p is not None:
        out.append(p)
        p = p.parent
    return list(reversed(out))


_SENT_END = re.compile(r"。")


def title_and_content(it: Item) -> tuple[str | None, str]:
    content = "".join(it.content_parts).strip()
    m = _SENT_END.search(content)
    title = None
    if m and 0 < m.start() <= 30 and content[m.end() :].strip():
        title = content[: m.start()].strip()
    return title, content
