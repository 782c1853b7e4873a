"""Submitting a draft from its page."""

from __future__ import annotations

from typing import Any

from django.urls import reverse


def test_the_liaison_submits_a_draft(cast: Any, a_part: Any, report_of: Any) -> None:
    report = report_of(a_part, cast.liaison_a, submit=False)
    response = cast.client(cast.liaison_a).post(reverse("progress-report-submit", args=[report.pk]))
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.state == "submitted" and report.submitted_by == cast.liaison_a


def test_a_draft_without_text_is_not_submitted(cast: Any, a_part: Any) -> None:
    from fazhi.progress import services

    data = services.ReportInput(period=services.period_choices(a_part)[0].key, status="not_started")
    report = services.create_report(a_part, cast.liaison_a, data)
    response = cast.client(cast.liaison_a).post(reverse("progress-report-submit", args=[report.pk]))
    assert response.status_code == 400 and "请填写工作进展" in response.content.decode()
    report.refresh_from_db()
    assert report.state == "draft"


def test_an_accepted_report_is_not_submitted_again(cast: Any, a_part: Any, report_of: Any) -> None:
    from fazhi.progress.services import accept_report

    report = accept_report(report_of(a_part, cast.liaison_a), cast.office)
    response = cast.client(cast.liaison_a).post(reverse("progress-report-submit", args=[report.pk]))
    assert response.status_code == 409 and "已审核通过" in response.content.decode()
    report.refresh_from_db()
    assert report.state == "accepted"


def test_others_cannot_submit(cast: Any, a_part: Any, report_of: Any) -> None:
    report = report_of(a_part, cast.liaison_a, submit=False)
    url = reverse("progress-report-submit", args=[report.pk])
    assert cast.client(cast.liaison_b).post(url).status_code == 404
    assert cast.client(cast.office).post(url).status_code == 404  # drafts are the unit's own
    assert cast.client(cast.liaison_a).get(url).status_code == 403
    report.refresh_from_db()
    assert report.state == "draft"
