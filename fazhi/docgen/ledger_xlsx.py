"""The task ledger (任务台账) as an Excel workbook, laid out like the seed ledger (seed 003).

    title row     红桥区2020年法治政府建设年度计划任务台账            (merged across all columns)
    header row    一级指标 | 二级指标 | 序号 | 主要任务 | 牵头单位 | 责任单位 | 完成时限 [| extra…]
    task rows     one per task; equal consecutive 一级指标 / 二级指标 cells merged vertically

The layout is deliberately the conventional one the parser's table reader recognises (header
vocabulary, category cells that start with a marker such as 一、 or 1., the number in its own
column), so an exported ledger can be re-imported: `parse_file(write_ledger(plan, …))` gives
the same tasks back.
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Mapping, Sequence
from typing import IO, Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from fazhi.parsing.model import ParsedPlan, Task

LEDGER_HEADERS: tuple[str, ...] = (
    "一级指标",
    "二级指标",
    "序号",
    "主要任务",
    "牵头单位",
    "责任单位",
    "完成时限",
)
_COL_CATEGORY1, _COL_CATEGORY2 = 1, 2  # 1-based columns merged vertically

# Widths in Excel character units (one CJK character is about two units).
_WIDTHS: tuple[float, ...] = (18, 24, 6, 60, 22, 30, 16)
_EXTRA_WIDTH = 24
_TITLE_ROW, _HEADER_ROW, _FIRST_TASK_ROW = 1, 2, 3
_LINE_HEIGHT_PT = 15.0
_MAX_ROW_HEIGHT_PT = 409.0  # Excel's limit

_FONT_NAME = "宋体"  # present on every Chinese Windows/WPS install the offices use
_THIN = Side(style="thin", color="000000")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WRAP_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
_WRAP_LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)
_HEADER_FILL = PatternFill("solid", fgColor="D9D9D9")


def _category_cells(task: Task) -> tuple[str, str]:
    path = [h for h in task.heading_path if h]
    first = path[0] if path else ""
    # The ledger has two category columns; a deeper path keeps its lower levels in the second.
    second = " / ".join(path[1:])
    return first, second


_YEAR_IN_TITLE = re.compile(r"(?:19|20)\d{2}\s*年")


def ledger_title(plan: ParsedPlan) -> str:
    """The title row: the plan's title, with its year added when the title does not state one.

    Deadlines printed without a year (5月底前) resolve against the plan's year, and a re-imported
    ledger can only find that year in its title, so it must be written there.
    """
    title = _clean(plan.title).strip() or "任务台账"
    if plan.year and not _YEAR_IN_TITLE.search(title):
        title += f"({plan.year}年度)"
    return title


def ledger_rows(plan: ParsedPlan) -> list[list[str]]:
    """The task rows as plain strings, in LEDGER_HEADERS order (shared by tests and other writers)."""
    rows: list[list[str]] = []
    for t in plan.tasks:
        cat1, cat2 = _category_cells(t)
        rows.append(
            [
                cat1,
                cat2,
                t.number or "",
                t.content or t.title or "",
                "、".join(t.lead_units),
                "、".join(t.responsible_units),
                t.deadline_text or t.deadline or "",
            ]
        )
    return rows


def _clean(value: Any) -> str:
    text = "" if value is None else str(value)
    # openpyxl refuses control characters (they are invalid in the sheet XML); drop them.
    return str(ILLEGAL_CHARACTERS_RE.sub("", text))


def _set_text(ws: Worksheet, row: int, col: int, text: str) -> None:
    cell = ws.cell(row=row, column=col)
    if col == 3 and text.isdigit():
        # A real number sorts and filters as one in Excel, and reads back as the same digits.
        cell.value = int(text)
        return
    cell.value = text or None
    if text.startswith("="):
        # Text from an uploaded plan must never become a live formula in the office's Excel.
        cell.data_type = "s"


def _text_lines(text: str, width: float) -> int:
    if not text:
        return 1
    # CJK characters take two width units, ASCII one; a little slack for word wrapping.
    units = sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)
    return max(1, math.ceil(units / max(width - 2, 4)))


def _merge_runs(ws: Worksheet, col: int, keys: list[tuple[str, ...]]) -> None:
    """Merge vertically each run of equal, non-empty keys in `col` (task rows only)."""
    start = 0
    for i in range(1, len(keys) + 1):
        if i < len(keys) and keys[i] == keys[start]:
            continue
        if keys[start][-1] and i - start > 1:
            r1, r2 = _FIRST_TASK_ROW + start, _FIRST_TASK_ROW + i - 1
            ws.merge_cells(start_row=r1, start_column=col, end_row=r2, end_column=col)
        start = i


def write_ledger(
    plan: ParsedPlan,
    path_or_stream: str | os.PathLike[str] | IO[bytes],
    extra_columns: Mapping[str, Sequence[Any]] | None = None,
) -> None:
    """Write `plan` as a ledger workbook to a path or a binary stream.

    `extra_columns` appends columns after 完成时限, keyed by header (e.g. {"进展情况": […],
    "状态": […]}), with one value per task in plan order; None values leave the cell empty.
    """
    extras = dict(extra_columns or {})
    for name, values in extras.items():
        if len(values) != len(plan.tasks):
            raise ValueError(f"extra column {name!r} has {len(values)} values for {len(plan.tasks)} tasks")
    headers = list(LEDGER_HEADERS) + [_clean(h) for h in extras]
    widths = list(_WIDTHS) + [_EXTRA_WIDTH] * len(extras)
    ncols = len(headers)
    rows = ledger_rows(plan)
    for i, row in enumerate(rows):
        row.extend(_clean(values[i]) for values in extras.values())

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "任务台账"
    title = ledger_title(plan)
    wb.properties.title = title

    ws.cell(row=_TITLE_ROW, column=1, value=title)
    ws.merge_cells(start_row=_TITLE_ROW, start_column=1, end_row=_TITLE_ROW, end_column=ncols)
    tcell = ws.cell(row=_TITLE_ROW, column=1)
    tcell.font = Font(name=_FONT_NAME, size=16, bold=True)
    tcell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    ws.row_dimensions[_TITLE_ROW].height = 32

    for col, (name, width) in enumerate(zip(headers, widths, strict=True), start=1):
        cell = ws.cell(row=_HEADER_ROW, column=col, value=name)
        cell.font = Font(name=_FONT_NAME, size=11, bold=True)
        cell.alignment = _WRAP_CENTER
        cell.border = _BORDER
        cell.fill = _HEADER_FILL
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.row_dimensions[_HEADER_ROW].height = 24

    body_font = Font(name=_FONT_NAME, size=10.5)
    for i, row in enumerate(rows):
        r = _FIRST_TASK_ROW + i
        lines = 1
        for col, text in enumerate(row, start=1):
            text = _clean(text)
            _set_text(ws, r, col, text)
            cell = ws.cell(row=r, column=col)
            cell.font = body_font
            cell.border = _BORDER
            # Categories, number and deadline read best centred; prose and unit lists left.
            cell.alignment = _WRAP_LEFT if col in (4, 5, 6) or col > len(LEDGER_HEADERS) else _WRAP_CENTER
            if col not in (_COL_CATEGORY1, _COL_CATEGORY2):  # merged cells spread over rows
                lines = max(lines, _text_lines(text, widths[col - 1]))
        # Excel does not re-fit row heights of generated files, so estimate from the text.
        ws.row_dimensions[r].height = min(_MAX_ROW_HEIGHT_PT, max(20.0, lines * _LINE_HEIGHT_PT + 4))

    # 二级指标 merges only within one 一级指标, so a run never crosses a top-level boundary.
    _merge_runs(ws, _COL_CATEGORY1, [(row[0],) for row in rows])
    _merge_runs(ws, _COL_CATEGORY2, [(row[0], row[1]) for row in rows])

    ws.freeze_panes = ws.cell(row=_FIRST_TASK_ROW, column=1)
    ws.print_title_rows = f"{_HEADER_ROW}:{_HEADER_ROW}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    # Fit all columns on the page width, let the rows run over as many pages as needed.
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.6

    target: Any = os.fspath(path_or_stream) if isinstance(path_or_stream, os.PathLike) else path_or_stream
    wb.save(target)
