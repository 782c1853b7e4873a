"""The office's queue of submitted reports (leaders read it; liaisons are refused)."""

from __future__ import annotations

from typing import Any

from django.urls import reverse


def test_the_office_sees_submitted_reports_not_drafts(
    cast: Any, a_part: Any, a_lead: Any, b_part: Any, report_of: Any, django_assert_max_num_queries: Any
) -> None:
    submitted = [report_of(a_part, cast.liaison_a), report_of(b_part, cast.liaison_b)]
    report_of(a_lead, cast.liaison_a, submit=False)
    c = cast.client(cast.office)
    with django_assert_max_num_queries(10):
        response = c.get(reverse("progress-review"))
    assert response.status_code == 200
    assert [r.pk for r in response.context["reports"]] == [r.pk for r in submitted]


def test_the_query_count_is_bounded(
    cast: Any, a_part: Any, b_part: Any, report_of: Any, django_assert_max_num_queries: Any
) -> None:
    for _ in range(4):
        report_of(a_part, cast.liaison_a)
        report_of(b_part, cast.liaison_b)
    c = cast.client(cast.office)
    with django_assert_max_num_queries(10):
        response = c.get(reverse("progress-review"))
    assert len(response.context["reports"]) == 8


def test_it_filters_returned_and_accepted(cast: Any, a_part: Any, report_of: Any) -> None:
    from fazhi.progress.services import accept_report, return_report

    accepted = accept_report(report_of(a_part, cast.liaison_a), cast.office)
    returned = return_report(report_of(a_part, cast.liaison_a), cast.office, "补充材料")
    c = cast.client(cast.leader)
    assert [r.pk for r in c.get(reverse("progress-review"), {"state": "accepted"}).context["reports"]] == [
        accepted.pk
    ]
    assert [r.pk for r in c.get(reverse("progress-review"), {"state": "returned"}).context["reports"]] == [
        returned.pk
    ]


def test_liaisons_are_refused(cast: Any) -> None:
    assert cast.client(cast.liaison_a).get(reverse("progress-review")).status_code == 403
    assert cast.client(cast.liaison_b).get(reverse("progress-review")).status_code == 403
