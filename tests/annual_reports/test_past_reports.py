"""Past annual reports: seed 001 imported gives its four statutory sections and its figures,
shown beside this year's."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

SEED_001 = Path(__file__).resolve().parents[1] / "fixtures" / "seeds" / "001_01f739070572be2c.txt"
SEED_FIGURES = [(355, "件"), (76, "名"), (134, "件"), (277, "件"), (43, "件"), (96.97, "%"), (813, "件")]


@pytest.fixture
def past(cast: Any) -> Any:
    from fazhi.annual_reports.services import import_past_report

    return import_past_report(
        jurisdiction=cast.district, filename=SEED_001.name, data=SEED_001.read_bytes(), user=cast.office
    )


def test_seed_001_yields_its_four_sections_and_its_figures(past: Any) -> None:
    assert past.year == 2024 and past.signed_on.isoformat() == "2025-02-17"
    assert "太白湖新区" in past.issuer
    assert [s["kind"] for s in past.sections] == [
        "measures",
        "shortcomings",
        "first_responsible",
        "next_year",
    ]
    assert past.sections[0]["heading"].startswith("一、2024度新区法治政府建设的主要举措和成效")
    found = {(f["value"], f["unit"]) for f in past.figures}
    assert set(SEED_FIGURES) <= found
    assert {
        "text": "共审查各类合同、议题、纪要、文件等355件",
        "value": 355,
        "unit": "件",
        "section_kind": "measures",
    } in past.figures


def test_the_same_file_again_is_the_same_past_report(cast: Any, past: Any) -> None:
    from fazhi.annual_reports.models import PastReport
    from fazhi.annual_reports.services import import_past_report

    again = import_past_report(
        jurisdiction=cast.district, filename="copy.txt", data=SEED_001.read_bytes(), user=cast.office
    )
    assert again.pk == past.pk and PastReport.objects.count() == 1


def test_the_office_uploads_a_past_report_and_sees_it_beside_this_years_figures(
    cast: Any, year_2024: Any
) -> None:
    from fazhi.annual_reports.models import PastReport
    from fazhi.annual_reports.services import create_report

    c = cast.client(cast.office)
    assert c.get(reverse("past-report-upload")).status_code == 200
    upload = SimpleUploadedFile(SEED_001.name, SEED_001.read_bytes(), content_type="text/plain")
    # Seed 001 reports on 2024; filed as 天桥区's 2023 report so 2024's figures sit beside it.
    response = c.post(
        reverse("past-report-upload"), {"file": upload, "year": 2023, "jurisdiction": cast.district.pk}
    )
    past = PastReport.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "past-report-detail", args=[past.pk]
    )
    page = c.get(response["Location"])
    html = page.content.decode()
    assert "共审查各类合同、议题、纪要、文件等355件" in html and "初信初访一次性化解率达到96.97%" in html
    pairs = {p.figure["key"]: p for p in page.context["comparisons"]}
    assert pairs["tasks_total"].figure["text"] == "18项"  # computed live: no 2024 report yet
    assert any("督察" in x["text"] for x in pairs["inspections"].past)  # 先后对7个区属部门进行联合督察
    assert [x["text"] for x in pairs["findings"].past] == ["发现问题8处"]
    # With a 2024 report, its detail page shows the 2023 report's figures beside its own.
    report = create_report(cast.district, 2024, "government", cast.office)
    detail = c.get(reverse("report-detail", args=[report.pk]))
    assert detail.context["past"] == past and "发现问题8处" in detail.content.decode()


def test_a_file_that_is_not_a_report_type_is_refused_with_a_message(cast: Any) -> None:
    c = cast.client(cast.office)
    upload = SimpleUploadedFile("report.exe", b"MZ...", content_type="application/octet-stream")
    response = c.post(reverse("past-report-upload"), {"file": upload, "jurisdiction": cast.district.pk})
    assert response.status_code == 200 and "不支持的文件类型" in response.content.decode()


def test_a_report_without_a_year_asks_for_one(cast: Any) -> None:
    c = cast.client(cast.office)
    upload = SimpleUploadedFile(
        "r.txt", "一、主要举措和成效\n共办理案件12件。\n".encode(), content_type="text/plain"
    )
    response = c.post(reverse("past-report-upload"), {"file": upload, "jurisdiction": cast.district.pk})
    assert "请在上传时填写年度" in response.content.decode()
