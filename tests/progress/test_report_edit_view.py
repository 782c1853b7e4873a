"""Editing a draft or a returned report; nothing changes once a report is submitted or accepted."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse


def _post(report: Any, **extra: Any) -> dict[str, Any]:
    data = {"period": report.period, "status": "done", "text": "全部完成"}
    data.update(extra)
    return data


def test_the_liaison_edits_a_draft_and_submits_it(cast: Any, a_part: Any, report_of: Any) -> None:
    report = report_of(a_part, cast.liaison_a, submit=False)
    c = cast.client(cast.liaison_a)
    assert c.get(reverse("progress-report-edit", args=[report.pk])).status_code == 200
    response = c.post(reverse("progress-report-edit", args=[report.pk]), _post(report, action="submit"))
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.state == "submitted" and report.status == "done" and report.text == "全部完成"
    assert [e.action for e in report.events.all()] == ["created", "saved", "submitted"]
    assert report.history.count() >= 2


def test_a_returned_report_is_edited_and_resubmitted(cast: Any, a_part: Any, report_of: Any) -> None:
    from fazhi.progress.services import return_report

    report = return_report(report_of(a_part, cast.liaison_a), cast.office, "请补充佐证材料")
    c = cast.client(cast.liaison_a)
    page = c.get(reverse("progress-report-edit", args=[report.pk])).content.decode()
    assert "请补充佐证材料" in page
    c.post(reverse("progress-report-edit", args=[report.pk]), _post(report, action="submit"))
    report.refresh_from_db()
    assert report.state == "submitted"


@pytest.mark.parametrize("accepted", [True, False])
def test_a_submitted_or_accepted_report_cannot_be_changed(
    cast: Any, a_part: Any, report_of: Any, accepted: bool
) -> None:
    from fazhi.progress.services import accept_report

    report = report_of(a_part, cast.liaison_a)
    if accepted:
        report = accept_report(report, cast.office)
    c = cast.client(cast.liaison_a)
    url = reverse("progress-report-edit", args=[report.pk])
    response = c.post(url, _post(report, text="改过的内容"))
    assert response.status_code == 409
    assert ("已审核通过，不能再修改" if accepted else "正在审核，暂不能修改") in response.content.decode()
    report.refresh_from_db()
    assert report.text == "已召开专题会议"
    assert c.get(url).status_code == 409


def test_it_refuses_a_past_proposed_date_on_edit(cast: Any, a_part: Any, report_of: Any) -> None:
    report = report_of(a_part, cast.liaison_a, submit=False)
    response = cast.client(cast.liaison_a).post(
        reverse("progress-report-edit", args=[report.pk]),
        _post(report, status="delayed", reason="人手不足", proposed_date="2020-01-01"),
    )
    assert response.status_code == 400 and "预计完成日期不能早于今天" in response.content.decode()
    report.refresh_from_db()
    assert report.status == "in_progress" and report.proposed_date is None


def test_only_the_reporting_unit_edits(cast: Any, a_lead: Any, b_part: Any, report_of: Any) -> None:
    report = report_of(b_part, cast.liaison_b)  # submitted, so the lead unit (A) reads it
    url = reverse("progress-report-edit", args=[report.pk])
    assert cast.client(cast.liaison_a).get(url).status_code == 403
    assert cast.client(cast.liaison_a).post(url, _post(report)).status_code == 403
    assert cast.client(cast.office).post(url, _post(report)).status_code == 403
    draft = report_of(b_part, cast.liaison_b, submit=False)
    assert (
        cast.client(cast.liaison_a).get(reverse("progress-report-edit", args=[draft.pk])).status_code == 404
    )
