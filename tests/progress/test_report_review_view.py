"""The office accepts or returns a submitted report; every step is recorded."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse


def _review(c: Any, report: Any, action: str, comment: str = "") -> Any:
    return c.post(reverse("progress-report-review", args=[report.pk]), {"action": action, "comment": comment})


def test_accepting_a_done_report_marks_the_assignment_done(cast: Any, a_part: Any, report_of: Any) -> None:
    report = report_of(a_part, cast.liaison_a, status="done")
    response = _review(cast.client(cast.office), report, "accept", "材料齐全")
    assert response.status_code == 302
    report.refresh_from_db()
    a_part.refresh_from_db()
    assert (
        report.state == "accepted"
        and report.reviewed_by == cast.office
        and report.review_comment == "材料齐全"
    )
    assert a_part.done_at is not None and a_part.task.done_at is None  # a responsible part only
    assert [e.action for e in report.events.all()][-1] == "accepted"


def test_accepting_the_leads_consolidated_done_report_marks_the_task_done(
    cast: Any, a_lead: Any, b_part: Any, report_of: Any
) -> None:
    part = report_of(b_part, cast.liaison_b)
    report = report_of(a_lead, cast.liaison_a, status="done", includes=[part.pk])
    assert report.consolidated and list(report.includes.all()) == [part]
    _review(cast.client(cast.office), report, "accept")
    a_lead.refresh_from_db()
    a_lead.task.refresh_from_db()
    assert a_lead.done_at is not None and a_lead.task.done_at is not None


def test_accepting_an_in_progress_report_leaves_the_assignment_open(
    cast: Any, a_part: Any, report_of: Any
) -> None:
    report = report_of(a_part, cast.liaison_a)
    _review(cast.client(cast.office), report, "accept")
    a_part.refresh_from_db()
    assert a_part.done_at is None


def test_returning_needs_a_comment_and_goes_back_to_the_liaison(
    cast: Any, a_part: Any, report_of: Any
) -> None:
    report = report_of(a_part, cast.liaison_a)
    c = cast.client(cast.office)
    response = _review(c, report, "return")
    assert response.status_code == 400 and "退回时请填写审核意见" in response.content.decode()
    report.refresh_from_db()
    assert report.state == "submitted"
    _review(c, report, "return", "请补充照片")
    report.refresh_from_db()
    assert report.state == "returned" and report.review_comment == "请补充照片"
    page = cast.client(cast.liaison_a).get(reverse("progress-report", args=[report.pk])).content.decode()
    assert "请补充照片" in page and "退回修改" in page


def test_an_accepted_report_is_not_reviewed_again(cast: Any, a_part: Any, report_of: Any) -> None:
    from fazhi.progress.services import accept_report

    report = accept_report(report_of(a_part, cast.liaison_a), cast.office)
    response = _review(cast.client(cast.office), report, "return", "再改改")
    assert response.status_code == 409 and "已审核通过" in response.content.decode()
    report.refresh_from_db()
    assert report.state == "accepted"


@pytest.mark.parametrize(("who", "code"), [("leader", 403), ("liaison_a", 403), ("liaison_b", 403)])
def test_only_the_office_reviews(cast: Any, a_part: Any, report_of: Any, who: str, code: int) -> None:
    report = report_of(a_part, cast.liaison_a)
    assert _review(cast.client(getattr(cast, who)), report, "accept").status_code == code
    report.refresh_from_db()
    assert report.state == "submitted"


def test_an_office_of_another_district_does_not_find_the_report(
    cast: Any, a_part: Any, report_of: Any, new_user: Any
) -> None:
    from fazhi.accounts.models import Role
    from fazhi.units.models import Jurisdiction

    report = report_of(a_part, cast.liaison_a)
    other = cast.client(new_user("hq", Role.OFFICE, Jurisdiction.objects.get(name="红桥区")))
    assert _review(other, report, "accept").status_code == 404
    assert other.get(reverse("progress-report", args=[report.pk])).status_code == 404
