"""Excel .xlsx: every visible sheet, one `| ... |` line per row, merged ranges filled.

A merged range's value is repeated in every row it spans (category cells in a ledger span many
task rows) and written once across the columns it spans.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from typing import Any

from fazhi.parsing.model import RawText
from fazhi.parsing.readers.common import cell_text, fail, open_zip_guarded, table_row

_DECIMALS = re.compile(r"\.(0+)")


def format_value(value: Any, number_format: str = "General") -> str:
    """A cell value as the user sees it: 1.0 → "1", dates as YYYY-MM-DD, 0.95 with a % format → "95%"."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.strftime("%Y-%m-%d")
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, int | float):
        fmt = number_format or "General"
        if "%" in fmt:
            m = _DECIMALS.search(fmt)
            return f"{value * 100:.{len(m.group(1)) if m else 0}f}%"
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        if isinstance(value, float):
            return repr(round(value, 10))
        return str(value)
    return cell_text(str(value))


def _sheet_rows(ws: Any) -> list[str]:
    grid: dict[tuple[int, int], str] = {}
    for row in ws.iter_rows():
        for cell in row:
            if cell.value is not None:
                text = format_value(cell.value, cell.number_format)
                if text:
                    grid[(cell.row, cell.column)] = text
    if not grid:
        return []
    # Clamp merged ranges to the data: a range formatted down to row 1048576 must not be walked.
    max_row = max(r for r, _ in grid)
    max_col = max(c for _, c in grid)
    owner: dict[tuple[int, int], int] = {}  # cell -> index of the merged range covering it
    for idx, rng in enumerate(ws.merged_cells.ranges):
        top_left = grid.get((rng.min_row, rng.min_col), "")
        for r in range(rng.min_row, min(rng.max_row, max_row) + 1):
            for c in range(rng.min_col, min(rng.max_col, max_col) + 1):
                owner[(r, c)] = idx
                if top_left:
                    grid[(r, c)] = top_left
    rows = sorted({r for r, _ in grid})
    cols = sorted({c for _, c in grid})
    first_col, last_col = cols[0], cols[-1]
    lines: list[str] = []
    for r in range(rows[0], rows[-1] + 1):
        texts: list[str] = []
        prev_owner: int | None = None
        for c in range(first_col, last_col + 1):
            own = owner.get((r, c))
            if own is not None and own == prev_owner:
                continue  # same merged range, already written in this row
            prev_owner = own
            texts.append(grid.get((r, c), ""))
        line = table_row(texts)
        if line:
            lines.append(line)
    return lines


def read_xlsx(data: bytes, filename: str) -> RawText:
    open_zip_guarded(data, filename, "Excel(.xlsx)").close()
    try:
        import openpyxl

        # read_only=False: merged ranges are only available on a fully loaded workbook.
        wb = openpyxl.load_workbook(io.BytesIO(data), read_only=False, data_only=True)
        lines: list[str] = []
        warnings: list[str] = []
        for ws in wb.worksheets:
            if ws.sheet_state != "visible":
                warnings.append(f"已跳过隐藏工作表“{ws.title}”")
                continue
            lines.extend(_sheet_rows(ws))
        wb.close()
    except Exception as exc:
        raise fail(
            filename, "不是有效的Excel(.xlsx)文件或已损坏,无法打开;请用Excel/WPS打开后重新保存再上传"
        ) from exc
    if not lines:
        raise fail(filename, "中没有任何单元格内容")
    return RawText(lines=lines, source_format="xlsx", warnings=warnings)
