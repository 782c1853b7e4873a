"""A liaison's list of assignments with their latest reports and this period's missing flags."""

from __future__ import annotations

from typing import Any

from django.urls import reverse


def test_the_liaison_sees_only_their_units_assignments_flagged(
    cast: Any, a_part: Any, a_lead: Any, report_of: Any, django_assert_max_num_queries: Any
) -> None:
    report_of(a_part, cast.liaison_a)
    c = cast.client(cast.liaison_a)
    with django_assert_max_num_queries(12):
        response = c.get(reverse("progress-mine"))
    rows = response.context["rows"]
    assert {r["assignment"].unit_id for r in rows} == {cast.unit_a.pk}
    flags = {r["assignment"].pk: r["missing"] for r in rows}
    assert flags[a_part.pk] is False and flags[a_lead.pk] is True
    assert response.context["n_missing"] == len(rows) - 1
    assert "未报送" in response.content.decode()


def test_the_query_count_does_not_grow_with_reports(
    cast: Any, a_part: Any, a_lead: Any, report_of: Any, django_assert_max_num_queries: Any
) -> None:
    for _ in range(3):
        report_of(a_part, cast.liaison_a, submit=False)
        report_of(a_lead, cast.liaison_a, submit=False)
    c = cast.client(cast.liaison_a)
    with django_assert_max_num_queries(12):
        c.get(reverse("progress-mine"))


def test_liaison_b_does_not_see_unit_as_reports(cast: Any, a_part: Any, report_of: Any) -> None:
    report = report_of(a_part, cast.liaison_a)
    response = cast.client(cast.liaison_b).get(reverse("progress-mine"))
    assert response.status_code == 200
    assert all(r["assignment"].unit_id == cast.unit_b.pk for r in response.context["rows"])
    assert reverse("progress-report", args=[report.pk]) not in response.content.decode()


def test_other_roles_go_to_the_review_queue(cast: Any) -> None:
    response = cast.client(cast.office).get(reverse("progress-mine"))
    assert response.status_code == 302 and response["Location"] == reverse("progress-review")
