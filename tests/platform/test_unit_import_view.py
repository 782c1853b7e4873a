"""Importing units from Excel/CSV: all rows or none, with row-numbered Chinese messages."""

from __future__ import annotations

import io
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse


def _post(cast: Any, name: str, data: bytes) -> Any:
    return cast.client(cast.office).post(
        reverse("unit-import"), {"file": SimpleUploadedFile(name, data), "jurisdiction": cast.district.pk}
    )


def test_a_csv_creates_and_updates_units(cast: Any) -> None:
    from fazhi.units.models import Unit

    csv = "名称,简称,类型,别名,分组\n天桥区数据局,区数据局,政府部门,大数据局、数据中心,区各部门\n天桥区司法局,区司法局,政府部门,司法,\n"
    response = _post(cast, "units.csv", csv.encode("gb18030"))
    assert response.status_code == 302
    unit = Unit.objects.get(name="天桥区数据局")
    assert sorted(a.name for a in unit.aliases.all()) == ["大数据局", "数据中心"]
    assert [g.name for g in unit.groups.all()] == ["区各部门"]
    assert cast.unit_a.aliases.filter(name="司法").exists()


def test_an_xlsx_is_read(cast: Any) -> None:
    import openpyxl

    from fazhi.units.models import Unit

    book = openpyxl.Workbook()
    book.active.append(["单位名称", "类型", "在用"])
    book.active.append(["天桥区档案馆", "其他", "是"])
    buffer = io.BytesIO()
    book.save(buffer)
    assert _post(cast, "units.xlsx", buffer.getvalue()).status_code == 302
    assert Unit.objects.get(name="天桥区档案馆").kind == "other"


def test_one_bad_row_stores_nothing(cast: Any) -> None:
    from fazhi.units.models import Unit

    before = Unit.objects.count()
    csv = "名称,类型\n天桥区甲局,政府部门\n,政府部门\n天桥区乙局,外星机构\n"
    response = _post(cast, "units.csv", csv.encode())
    page = response.content.decode()
    assert (
        response.status_code == 400 and "第3行：缺少单位名称" in page and "第4行：无法识别的单位类型" in page
    )
    assert Unit.objects.count() == before


def test_a_sheet_without_a_name_column_or_of_the_wrong_type_is_refused(cast: Any) -> None:
    assert "包含“名称”列" in _post(cast, "u.csv", "简称\n甲\n".encode()).content.decode()
    assert "仅支持 .xlsx 或 .csv" in _post(cast, "u.pdf", b"%PDF").content.decode()
    assert "无法打开该 Excel 文件" in _post(cast, "u.xlsx", b"not a zip").content.decode()
