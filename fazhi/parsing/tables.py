"""Ledger tables, however they reach us: "| a | b |" rows (docx, xlsx, html, pipe text), one cell
per line (tables copied from web pages), or space-separated rows.

1. A header is recognised by its vocabulary (序号, 主要任务, 牵头单位, 责任部门, 完成时限 …); each
   header cell gets a column role.
2. Rows are cut at the row number (序号). Without whole rows (one cell per line) the number is
   a bare integer line continuing the sequence; a value cell that happens to be an integer (a
   target of "42") is skipped because the expected next number follows soon after.
3. Cells are classified by content (category heading, number, labelled units, unit list,
   deadline, text), because merged cells appear once and empty cells vanish when a table is
   flattened, so positions cannot be trusted. Unit cells are matched to the header's unit
   columns from the right: a trailing scoring-department column (评分部门) takes the last.
4. A row without unit cells inherits the previous row's (a unit cell spanning rows).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from fazhi.parsing.deadlines import resolve_deadline
from fazhi.parsing.markers import match_marker
from fazhi.parsing.normalize import Line, squeeze_spaces
from fazhi.parsing.units import (
    Attribution,
    find_labels,
    parse_labelled,
    parse_unit_clauses,
    split_units,
    states_first_listed_rule,
)

ROLE_NUMBER, ROLE_CATEGORY, ROLE_CONTENT = "number", "category", "content"
ROLE_LEAD, ROLE_RESP, ROLE_UNITS, ROLE_DEADLINE, ROLE_IGNORE_UNIT, ROLE_OTHER = (
    "lead",
    "resp",
    "units",
    "deadline",
    "ignore_unit",
    "other",
)

_HEADER_ROLES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^(?:序号|编号|序|项目编号|任务编号)$"), ROLE_NUMBER),
    (re.compile(r"(?:评分|考核|督查|督办)(?:部门|单位)"), ROLE_IGNORE_UNIT),
    (re.compile(r"(?:牵头|主责)[、及和/与].{0,3}(?:责任|配合|协办|参与)"), ROLE_UNITS),
    (re.compile(r"领导"), ROLE_OTHER),
    (re.compile(r"(?:牵头|主责)(?:责任)?(?:单位|部门|处室|科室)"), ROLE_LEAD),
    (
        re.compile(r"(?:责任|配合|协办|协同|参与|参加|承办|实施|落实|主办)(?:单位|部门|科室|处室|主体)"),
        ROLE_RESP,
    ),
    (re.compile(r"完成时限|时限要求|完成时间|时间节点|完成期限|时间要求|^时限$|时间安排"), ROLE_DEADLINE),
    (
        re.compile(r"[一二三]级(?:指标|任务|目录)|^类别$|考核项目|^领域$|^板块$|^项目$|指标类别|任务类别"),
        ROLE_CATEGORY,
    ),
    (re.compile(r"完成情况|进展|督查情况|备注|^单位$|计量单位|分值|权重|评分|年度目标|目标值"), ROLE_OTHER),
    (re.compile(r"任务|措施|要求|内容|指标|目标|事项|工作|举措"), ROLE_CONTENT),
]


def header_role(cell: str) -> str | None:
    # "责任单位(列第一位的为牵头单位)": the bracket is a note on the column, not its name
    cell = re.sub(r"[(\[【][^)\]】]{0,30}[)\]】]", "", re.sub(r"\s+", "", cell))
    if not cell or len(cell) > 12:
        return None
    for pat, role in _HEADER_ROLES:
        if pat.search(cell):
            return role
    return None


def is_header(cells: list[str]) -> bool:
    roles = [header_role(c) for c in cells if c.strip()]
    known = [r for r in roles if r]
    return (
        len(known) >= 3
        and len(known) >= 0.6 * len(roles)
        and any(r in (ROLE_LEAD, ROLE_RESP, ROLE_UNITS, ROLE_NUMBER) for r in known)
        and any(r in (ROLE_CONTENT, ROLE_CATEGORY) for r in known)
    )


def split_pipe(text: str) -> list[str]:
    return [c.strip() for c in text.strip().strip("|").split("|")]


@dataclass
class Row:
    number: str | None
    cells: list[str]
    categories: list[str]
    source_line: int
    positional: bool = False  # cells line up with the header columns
    roles: list[str] = field(default_factory=list)  # per cell, when positional


@dataclass
class TableTask:
    number: str
    heading_path: list[str]
    content: str
    lead: list[str]
    responsible: list[str]
    deadline_text: str | None
    source_line: int


@dataclass
class Table:
    roles: list[str]
    clean_header: bool = False  # every header cell named: rows of the same width line up
    rows: list[Row] = field(default_factory=list)

    @property
    def unit_roles(self) -> list[str]:
        return [r for r in self.roles if r in (ROLE_LEAD, ROLE_RESP, ROLE_UNITS, ROLE_IGNORE_UNIT)]


_BARE_NUMBER = re.compile(r"^\d{1,4}[.、]?$")


def _is_category(cell: str) -> bool:
    m = match_marker(cell, 0)
    if not m:
        return False
    body = cell[m.end :].rstrip("。")
    return 0 < len(body) <= 40 and "。" not in body


def find_tables(lines: list[Line]) -> list[tuple[int, int, Table]]:
    """(start, end, table) for each table found in `lines` (end exclusive)."""
    out: list[tuple[int, int, Table]] = []
    i, n = 0, len(lines)
    while i < n:
        header = _header_at(lines, i)
        if header is None:
            i += 1
            continue
        roles, j, mode = header
        table = Table(roles, clean_header=mode == "pipe" and _clean(lines[i]))
        end = _collect_rows(lines, j, table, mode)
        if table.rows:
            out.append((i, end, table))
            i = end
        else:
            i += 1
    return out


def _clean(line: Line) -> bool:
    return line.is_row and all(split_pipe(line.text)) and is_header(split_pipe(line.text))


def _header_at(lines: list[Line], i: int) -> tuple[list[str], int, str] | None:
    line = lines[i]
    if line.is_row:
        cells = split_pipe(line.text)
        if is_header(cells):
            return [header_role(c) or ROLE_OTHER for c in cells], i + 1, "pipe"
        # no header (lost, or never printed): two numbered rows in a row still make a ledger;
        # the text names no lead, so unit cells are responsible units
        if (
            (i == 0 or not lines[i - 1].is_row)
            and i + 1 < len(lines)
            and lines[i + 1].is_row
            and _BARE_NUMBER.match(cells[0])
            and _BARE_NUMBER.match(split_pipe(lines[i + 1].text)[0])
        ):
            return [ROLE_NUMBER, ROLE_CONTENT, ROLE_RESP], i, "pipe"
        return None
    # one cell per line: a run of short header words
    cells, j = [], i
    while (
        j < len(lines)
        and not lines[j].is_row
        and len(lines[j].text.rstrip("|")) <= 12
        and header_role(lines[j].text.rstrip("| "))
    ):
        cells.append(lines[j].text.rstrip("| "))
        j += 1
    if len(cells) >= 3 and is_header(cells):
        return [header_role(c) or ROLE_OTHER for c in cells], j, "cells"
    return None


def _collect_rows(lines: list[Line], j: int, table: Table, mode: str) -> int:
    """Gather rows from line j on; returns the index after the table."""
    n = len(lines)
    categories: list[str] = []
    if mode == "pipe" or (j < n and lines[j].is_row):
        k = j
        col_cats: dict[int, str] = {}
        while k < n and (lines[k].is_row or _is_category(lines[k].text)):
            cells = split_pipe(lines[k].text) if lines[k].is_row else [lines[k].text]
            if is_header(cells):
                k += 1
                continue
            filled = [c for c in cells if c]
            if len(filled) == 1 and _is_category(filled[0]):
                # a category row merged across the table ("一、深化放管服改革")
                categories = _merge_categories(categories, filled)
                col_cats.clear()
                k += 1
                continue
            if table.clean_header and len(cells) == len(table.roles):
                row = _positional_row(cells, table.roles, col_cats, lines[k].source, categories)
                if row is not None:
                    table.rows.append(row)
                    categories = list(row.categories)
                k += 1
                continue
            number: str | None = None
            cats: list[str] = []
            rest: list[str] = []
            for c in cells:
                if number is None and _BARE_NUMBER.match(c) and not rest:
                    number = c.rstrip(".、")
                elif number is None and not rest and _is_category(c):
                    cats.append(c)
                elif c:
                    rest.append(c)
            if number is None and cats and rest:
                # no 序号 column: "| 1.推行告知承诺制 | 区司法局 |" — the numbered cell is the task
                task_cell = cats.pop()
                m = match_marker(task_cell, 0)
                assert m is not None
                number = str(m.ordinal)
                rest.insert(0, task_cell[m.end :])
            if cats:
                categories = _merge_categories(categories, cats)
            if rest or number:
                table.rows.append(Row(number, rest, list(categories), lines[k].source))
            k += 1
        return k
    # one cell per line
    k = j
    prev_number: int | None = None
    current: Row | None = None
    while k < n:
        text = lines[k].text.rstrip("|").strip()
        if lines[k].is_row:
            break
        repeated = _header_at(lines, k) if header_role(text) else None
        if repeated is not None:
            # a repeated header (page break in the original table)
            k = repeated[1]
            continue
        if _BARE_NUMBER.match(text):
            text = text.rstrip(".、")
            val = int(text)
            if _is_row_number(lines, k, val, prev_number):
                current = Row(text, [], list(categories), lines[k].source)
                table.rows.append(current)
                prev_number = val
                k += 1
                continue
        if _is_category(text) and not find_labels(text):
            categories = _merge_categories(categories, [text])
            current = None if current is None else current
            # a category cell belongs to the rows that follow it
            current = None
            k += 1
            continue
        if current is not None:
            current.cells.append(text)
        k += 1
    return k


def _positional_row(
    cells: list[str], roles: list[str], col_cats: dict[int, str], source: int, categories: list[str]
) -> Row | None:
    """A row whose cells line up with the header (structured readers): roles by column.

    Category cells left empty (a merged cell not repeated) keep the column's last value.
    """
    number = None
    rest: list[str] = []
    rest_roles: list[str] = []
    for idx, (cell, role) in enumerate(zip(cells, roles, strict=True)):
        if role == ROLE_NUMBER:
            number = cell.rstrip(".、") or None
        elif role == ROLE_CATEGORY:
            if cell:
                col_cats[idx] = cell
                # a new upper category resets the lower ones
                for later in [c for c in col_cats if c > idx]:
                    if not cells[later]:
                        del col_cats[later]
        elif cell:
            rest.append(cell)
            rest_roles.append(role)
    if not rest and number is None:
        return None
    if number is None and ROLE_CONTENT in rest_roles:
        # no 序号 column: the task cell may carry its own number ("2.优化营商环境")
        i = rest_roles.index(ROLE_CONTENT)
        m = match_marker(rest[i], 0)
        if m is not None:
            number, rest[i] = str(m.ordinal), rest[i][m.end :]
    cats = (
        [col_cats[i].rstrip("。") for i in sorted(col_cats)] if ROLE_CATEGORY in roles else list(categories)
    )
    return Row(number, rest, cats, source, positional=True, roles=rest_roles)


def _is_row_number(lines: list[Line], k: int, val: int, prev: int | None) -> bool:
    if prev is None:
        return True
    if val == prev + 1:
        return True
    if val <= prev or val > prev + 200:
        return False
    # a jump: accept only if the expected next number does not follow shortly
    for q in range(k + 1, min(len(lines), k + 12)):
        if lines[q].text.rstrip("| .、").strip() == str(prev + 1):
            return False
    return True


def _merge_categories(current: list[str], new: list[str]) -> list[str]:
    """Place new category cells into the path by their marker rank."""
    path = list(current)
    for cat in new:
        m = match_marker(cat, 0)
        if m is None:
            continue
        path = [p for p in path if (match_marker(p, 0) or m).rank < m.rank]
        path.append(cat.rstrip("。"))
    return path


def table_tasks(table: Table, first_listed: bool = False) -> list[TableTask]:
    """Steps 3 and 4: classify cells and carry unit cells down."""
    unit_roles = table.unit_roles or [ROLE_RESP]
    out: list[TableTask] = []
    prev_lead: list[str] = []
    prev_resp: list[str] = []
    prev_deadline: str | None = None
    count = 0
    for row in table.rows:
        count += 1
        content: list[str] = []
        unit_cells: list[str] = []
        known_unit_roles: list[str] = []  # positional rows: each unit cell's column role
        labelled = Attribution()
        deadline_text: str | None = None
        last_label_kind: str | None = None
        cells_roles: list[tuple[str, str | None]]
        if row.positional:
            cells_roles = list(zip(row.cells, row.roles, strict=True))
        else:
            cells_roles = [(c, None) for c in row.cells]
        for cell, role in cells_roles:
            c = squeeze_spaces(cell) if "|" not in cell else cell
            if not c:
                continue
            if states_first_listed_rule(c):
                first_listed = True
            labels = find_labels(c)
            if labels:
                att = parse_labelled(c[labels[0].start() :], first_listed)
                if att is not None and (att or att.deadline_text):
                    labelled.merge(att)
                    deadline_text = deadline_text or att.deadline_text
                    last_label_kind = "lead" if att.lead and not att.responsible else "resp"
                    # "推进…。牵头单位:X" in one cell: the text before the labels is the task
                    c = c[: labels[0].start()].rstrip("([【 ")
                    if len(c) <= 3:
                        continue
            if role == ROLE_DEADLINE or (role is None and _looks_like_deadline(c)):
                deadline_text = c
                continue
            if role in (ROLE_LEAD, ROLE_RESP, ROLE_UNITS, ROLE_IGNORE_UNIT):
                unit_cells.append(cell)
                known_unit_roles.append(role)
                continue
            if role is None and _unit_cell(cell):
                if last_label_kind:
                    # a unit cell continuing a labelled list broken over lines
                    target = labelled.lead if last_label_kind == "lead" else labelled.responsible
                    target.extend(u for u in split_units(cell) if u not in target)
                else:
                    unit_cells.append(cell)
                continue
            if role in (ROLE_OTHER, ROLE_NUMBER, ROLE_CATEGORY):
                continue
            content.append(c)
        lead, resp = list(labelled.lead), list(labelled.responsible)
        if unit_cells:
            if known_unit_roles and len(known_unit_roles) == len(unit_cells):
                l2, r2 = _assign_by_role(list(zip(known_unit_roles, unit_cells, strict=True)), first_listed)
            else:
                l2, r2 = _assign_unit_cells(unit_cells, unit_roles, first_listed)
            lead += [u for u in l2 if u not in lead]
            resp += [u for u in r2 if u not in resp]
        if not lead and not resp:
            lead, resp = list(prev_lead), list(prev_resp)
        if deadline_text is None and not (unit_cells or labelled):
            deadline_text = prev_deadline
        prev_lead, prev_resp, prev_deadline = lead, resp, deadline_text
        number = row.number or str(count)
        out.append(
            TableTask(
                number,
                [c.rstrip("。") for c in row.categories],
                "".join(content),
                lead,
                resp,
                deadline_text,
                row.source_line,
            )
        )
    return out


_DEADLINE_HINT = re.compile(
    r"\d{4}年|\d{1,2}月|年底|年内|季度|半年|长期|持续|常态|每年|每月|每季|全年|前完成|底前"
)


def _looks_like_deadline(cell: str) -> bool:
    if len(cell) > 24 or not _DEADLINE_HINT.search(cell):
        return False
    return resolve_deadline(cell, None) is not None


def _unit_cell(cell: str) -> bool:
    cell = cell.strip()
    if not cell or len(cell) > 200 or "。" in cell or ":" in cell:
        return False
    att, share = parse_unit_clauses(cell)
    return bool(att) and share >= 0.75


def _assign_unit_cells(cells: list[str], roles: list[str], first_listed: bool) -> tuple[list[str], list[str]]:
    """Match unit cells to unit columns from the right; the first column takes any surplus."""
    k = len(roles)
    assigned: list[tuple[str, str]] = []
    if len(cells) >= k:
        surplus = len(cells) - k + 1
        for c in cells[:surplus]:
            assigned.append((roles[0], c))
        for r, c in zip(roles[1:], cells[surplus:], strict=False):
            assigned.append((r, c))
    else:
        assigned = list(zip(roles, cells, strict=False))
    return _assign_by_role(assigned, first_listed)


def _assign_by_role(assigned: list[tuple[str, str]], first_listed: bool) -> tuple[list[str], list[str]]:
    lead: list[str] = []
    resp: list[str] = []
    for role, cell in assigned:
        if role == ROLE_IGNORE_UNIT:
            continue
        att, _ = parse_unit_clauses(cell, first_listed and role != ROLE_LEAD)
        if role == ROLE_LEAD:
            units = att.lead + att.responsible
            lead += [u for u in units if u not in lead]
        else:
            lead += [u for u in att.lead if u not in lead]
            resp += [u for u in att.responsible if u not in resp]
    return lead, resp
