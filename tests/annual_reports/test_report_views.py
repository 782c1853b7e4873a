"""The report pages: draft from data, edit into versions, diff, status, Word download, figure
links, deadline warnings; bounded queries."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.urls import reverse
from docx import Document

from fazhi.annual_reports.models import AnnualReport, ReportVersion


@pytest.fixture
def report(cast: Any, year_2024: Any) -> AnnualReport:
    """The clerk drafts 天桥区's 2024 report through the page."""
    c = cast.client(cast.office)
    response = c.post(
        reverse("report-create"), {"year": 2024, "kind": "government", "jurisdiction": cast.district.pk}
    )
    assert response.status_code == 302
    return AnnualReport.objects.get(jurisdiction=cast.district, year=2024)


def test_drafting_a_year_makes_version_1_from_the_data(cast: Any, report: AnnualReport) -> None:
    v = report.versions.get()
    assert v.number == 1 and v.created_by == cast.office and v.note == "根据平台数据生成"
    assert "共部署法治政府建设任务18项，已完成6项，完成率33.33%" in v.sections["measures"]
    assert set(v.sections) == {"measures", "shortcomings", "first_responsible", "next_year", "other"}
    flat = {f["key"]: f for f in v.figures["flat"]}
    assert flat["tasks_total"]["value"] == 18 and flat["tasks_done"]["value"] == 6
    page = cast.client(cast.office).get(reverse("report-detail", args=[report.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "主要举措和成效" in html and "下一年度主要安排" in html
    assert reverse("report-figure", args=[report.pk, "tasks_done"]) in html


def test_a_second_draft_of_the_same_year_is_refused(cast: Any, report: AnnualReport) -> None:
    c = cast.client(cast.office)
    data = {"year": 2024, "kind": "government", "jurisdiction": cast.district.pk}
    response = c.post(reverse("report-create"), data, follow=True)
    assert "已经存在" in response.content.decode()
    assert AnnualReport.objects.filter(year=2024).count() == 1


def _edit_data(v: ReportVersion, **changes: str) -> dict[str, Any]:
    data = {"title": v.title, "issuer": v.issuer, "signed_on": "2025-02-20", "opening": v.opening, "note": ""}
    data.update({f"section_{k}": t for k, t in v.sections.items()})
    data.update(changes)
    return data


def test_every_save_in_the_browser_is_a_new_version_and_the_diff_shows_what_changed(
    cast: Any, report: AnnualReport
) -> None:
    c = cast.client(cast.office)
    v1 = report.versions.get()
    assert c.get(reverse("report-edit", args=[report.pk])).status_code == 200
    first = "（一）区委书记带头学法。全年专题学法4次。"
    response = c.post(
        reverse("report-edit", args=[report.pk]), _edit_data(v1, section_first_responsible=first)
    )
    assert response.status_code == 302
    v2 = report.versions.get(number=2)
    assert v2.sections["first_responsible"] == first and v2.created_by == cast.office
    assert v2.figures == v1.figures and v1.sections["first_responsible"] != first  # v1 unchanged
    diff = c.get(reverse("report-version", args=[report.pk, 2]))
    changed = [d.kind for d in diff.context["diff"] if d.changed]
    assert changed == ["issuer", "first_responsible"] or changed == ["first_responsible"]
    assert "区委书记带头学法" in diff.content.decode()
    listing = c.get(reverse("report-versions", args=[report.pk]))
    assert [v.number for v in listing.context["versions"]] == [2, 1]


def test_regenerating_keeps_the_offices_inputs_and_refreshes_the_figures(
    cast: Any, report: AnnualReport
) -> None:
    from fazhi.ledger.models import Task

    c = cast.client(cast.office)
    inputs = {"first_responsible": "区长履职情况。", "next_year": "推进综合执法改革。", "other": ""}
    assert c.post(reverse("report-generate", args=[report.pk]), inputs).status_code == 302
    Task.objects.filter(plan__year=2024, position=7).update(done_at="2024-06-01T08:00:00Z")
    assert c.post(reverse("report-generate", args=[report.pk]), inputs).status_code == 302
    v = report.versions.order_by("-number").first()
    assert v.number == 3 and v.inputs["first_responsible"] == "区长履职情况。"
    assert v.sections["first_responsible"] == "区长履职情况。"
    assert "（一）推进综合执法改革。" in v.sections["next_year"]
    assert "已完成7项" in v.sections["measures"]


def test_the_word_download_is_the_current_version_in_gbt_9704_sections(
    cast: Any, report: AnnualReport
) -> None:
    response = cast.client(cast.leader).get(reverse("report-docx", args=[report.pk]))
    assert response.status_code == 200
    assert "filename*=UTF-8''" in response["Content-Disposition"]
    doc = Document(io.BytesIO(response.content))
    texts = [p.text for p in doc.paragraphs if p.text.strip()]
    assert [t for t in texts if t[:2] in ("一、", "二、", "三、", "四、")] == [
        "一、2024年度法治政府建设的主要举措和成效",
        "二、2024年度法治政府建设存在的不足和原因",
        "三、2024年度党政主要负责人履行推进法治建设第一责任人职责情况",
        "四、2025年度推进法治政府建设的主要安排",
    ]
    assert any("共部署法治政府建设任务18项，已完成6项，完成率33.33%，按期完成率66.67%" in t for t in texts)
    from django.utils import timezone

    from fazhi.docgen.official import chinese_date

    saved = chinese_date(timezone.localtime(report.versions.get().created_at).date())
    assert texts[-2:] == ["天桥区人民政府", saved]  # the draft's date until the office sets one
    assert (
        cast.client(cast.office).get(reverse("report-docx", args=[report.pk]), {"version": 9}).status_code
        == 404
    )


def test_a_figure_links_to_the_records_it_counts(cast: Any, report: AnnualReport) -> None:
    response = cast.client(cast.office).get(reverse("report-figure", args=[report.pk, "overdue"]))
    assert response.status_code == 200
    assert [t.number for t in response.context["records"]] == ["7", "8", "9"]
    assert cast.client(cast.office).get(reverse("report-figure", args=[report.pk, "nope"])).status_code == 404


def test_office_hands_in_and_the_leader_approves(cast: Any, report: AnnualReport) -> None:
    office, leader = cast.client(cast.office), cast.client(cast.leader)
    url = reverse("report-status", args=[report.pk])
    assert office.post(url, {"to": "approved"}).status_code == 403
    assert office.post(url, {"to": "ready"}).status_code == 302
    assert leader.post(url, {"to": "approved"}).status_code == 302
    report.refresh_from_db()
    assert report.status == "approved" and report.approved_by == cast.leader
    assert [h.status for h in report.history.order_by("history_date")] == ["draft", "ready", "approved"]
    # Approved: the office can no longer edit until a leader sends it back.
    assert office.post(reverse("report-edit", args=[report.pk]), {}).status_code == 302
    assert report.versions.count() == 1
    assert leader.post(url, {"to": "draft"}).status_code == 302
    report.refresh_from_db()
    assert report.status == "draft" and report.approved_by is None


def test_the_leader_reads_but_does_not_edit(cast: Any, report: AnnualReport) -> None:
    leader = cast.client(cast.leader)
    for url in (
        reverse("report-list"),
        reverse("report-detail", args=[report.pk]),
        reverse("report-versions", args=[report.pk]),
    ):
        assert leader.get(url).status_code == 200, url
    for url in (reverse("report-edit", args=[report.pk]), reverse("report-generate", args=[report.pk])):
        assert leader.post(url, {}).status_code == 403, url
    assert leader.post(reverse("report-create"), {"year": 2023}).status_code == 403
    assert report.versions.count() == 1


def test_the_list_warns_when_the_draft_is_not_ready_near_the_deadline(
    cast: Any, report: AnnualReport, monkeypatch: pytest.MonkeyPatch
) -> None:
    import datetime as dt

    from django.utils import timezone

    monkeypatch.setattr(timezone, "localdate", lambda *a: dt.date(2025, 3, 20))
    response = cast.client(cast.office).get(reverse("report-list"))
    html = response.content.decode()
    assert "2024年度报告仍在起草中，尚未定稿，距法定报送期限（2025年4月1日前）仅剩 11 天" in html
    assert "2025年4月1日前" in html and "还剩 11 天" in html
    AnnualReport.objects.filter(pk=report.pk).update(status="ready")
    assert "仍在起草中" not in cast.client(cast.office).get(reverse("report-list")).content.decode()


def test_the_list_warns_when_no_draft_exists_and_the_deadline_passed(
    cast: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import datetime as dt

    from django.utils import timezone

    monkeypatch.setattr(timezone, "localdate", lambda *a: dt.date(2025, 3, 28))
    html = cast.client(cast.office).get(reverse("report-list")).content.decode()
    assert "2024年度报告尚未起草" in html


def test_report_pages_query_a_bounded_number_of_times(
    cast: Any, report: AnnualReport, django_assert_max_num_queries: Any
) -> None:
    c = cast.client(cast.office)
    for url in (
        reverse("report-list"),
        reverse("report-detail", args=[report.pk]),
        reverse("report-versions", args=[report.pk]),
        reverse("report-version", args=[report.pk, 1]),
        reverse("report-figure", args=[report.pk, "tasks_total"]),
        reverse("report-docx", args=[report.pk]),
    ):
        with django_assert_max_num_queries(12):
            assert c.get(url).status_code == 200, url
