"""Import units from an Excel (.xlsx) or CSV sheet.

The first row holds the headers (名称 is required; 简称, 类型, 别名, 分组, 在用 are optional).
Aliases and groups are separated by 、 , ; or spaces. All rows are checked before anything is
written: one bad row stores nothing and every problem is reported with its row number.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field

from django.db import transaction

from fazhi.units.models import Jurisdiction, Unit, UnitAlias, UnitGroup

HEADERS = {"名称": "name", "单位名称": "name", "全称": "name", "简称": "short_name", "类型": "kind",
           "单位类型": "kind", "别名": "aliases", "分组": "groups", "所属分组": "groups", "在用": "active"}  # fmt: skip
KINDS = {label: value for value, label in Unit.Kind.choices} | {
    "党委": Unit.Kind.PARTY, "政府": Unit.Kind.GOVERNMENT, "部门": Unit.Kind.GOVERNMENT, "街道": Unit.Kind.TOWN,
    "乡镇": Unit.Kind.TOWN, "镇": Unit.Kind.TOWN, **{v: v for v in Unit.Kind.values},
}  # fmt: skip
_SPLIT = re.compile(r"[、,，;；\s]+")


class UnitSheetError(Exception):
    """The sheet cannot be read at all; `message` is for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass
class UnitImportReport:
    created: int = 0
    updated: int = 0
    errors: list[str] = field(default_factory=list)


def read_rows(data: bytes, filename: str) -> list[dict[str, str]]:
    """The sheet as dicts keyed by field name (name, short_name, ...)."""
    ext = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    if ext == "csv":
        for encoding in ("utf-8-sig", "gb18030"):
            try:
                text = data.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        else:
            raise UnitSheetError("无法识别 CSV 文件的编码，请另存为 UTF-8 后重试")
        table = [row for row in csv.reader(io.StringIO(text))]
    elif ext == "xlsx":
        import openpyxl

        try:
            book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception:
            raise UnitSheetError("无法打开该 Excel 文件，文件可能已损坏") from None
        sheet = book.worksheets[0]
        table = [["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    else:
        raise UnitSheetError("仅支持 .xlsx 或 .csv 格式的单位名录")
    if not table:
        raise UnitSheetError("文件中没有内容")
    header = [HEADERS.get(h.strip()) for h in table[0]]
    if "name" not in header:
        raise UnitSheetError("第一行须为表头，且包含“名称”列")
    rows = []
    for cells in table[1:]:
        row = {key: (cells[i].strip() if i < len(cells) else "") for i, key in enumerate(header) if key}
        if any(row.values()):
            rows.append(row)
    return rows


def import_units(data: bytes, filename: str, jurisdiction: Jurisdiction) -> UnitImportReport:
    """Create or update the units of the sheet in `jurisdiction` (all or nothing)."""
    report = UnitImportReport()
    rows = read_rows(data, filename)
    if not rows:
        raise UnitSheetError("表中没有单位数据")
    seen: set[str] = set()
    for n, row in enumerate(rows, start=2):
        if not row.get("name"):
            report.errors.append(f"第{n}行：缺少单位名称")
        elif row["name"] in seen:
            report.errors.append(f"第{n}行：单位“{row['name']}”重复出现")
        seen.add(row.get("name", ""))
        if row.get("kind") and row["kind"] not in KINDS:
            report.errors.append(f"第{n}行：无法识别的单位类型“{row['kind']}”")
        if row.get("active") and row["active"] not in ("是", "否", "1", "0"):
            report.errors.append(f"第{n}行：“在用”一栏应填“是”或“否”")
    if report.errors:
        return report
    with transaction.atomic():
        groups = {g.name: g for g in UnitGroup.objects.filter(jurisdiction=jurisdiction)}
        for row in rows:
            values = {
                "short_name": row.get("short_name", ""),
                "kind": KINDS[row["kind"]] if row.get("kind") else Unit.Kind.GOVERNMENT,
                "active": row.get("active", "是") in ("是", "1"),
            }
            unit, created = Unit.objects.get_or_create(
                jurisdiction=jurisdiction, name=row["name"], defaults=values
            )
            if created:
                report.created += 1
            else:
                for key, value in values.items():
                    setattr(unit, key, value)
                unit.save()
                report.updated += 1
            for alias in _SPLIT.split(row.get("aliases", "")):
                if alias:
                    UnitAlias.objects.get_or_create(unit=unit, name=alias)
            for name in _SPLIT.split(row.get("groups", "")):
                if name:
                    if name not in groups:
                        groups[name] = UnitGroup.objects.create(jurisdiction=jurisdiction, name=name)
                    groups[name].members.add(unit)
    return report
