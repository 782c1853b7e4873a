"""A task's reports: the lead unit sees its responsible units' submitted reports."""

from __future__ import annotations

from typing import Any

from django.urls import reverse


def test_the_lead_unit_sees_responsible_reports_but_not_their_drafts(
    cast: Any, a_lead: Any, b_part: Any, report_of: Any, django_assert_max_num_queries: Any
) -> None:
    submitted = report_of(b_part, cast.liaison_b)
    draft = report_of(b_part, cast.liaison_b, submit=False)
    c = cast.client(cast.liaison_a)
    with django_assert_max_num_queries(12):
        response = c.get(reverse("progress-task", args=[a_lead.task_id]))
    assert response.status_code == 200 and response.context["is_lead"]
    shown = [r.pk for g in response.context["groups"] for r in g["reports"]]
    assert submitted.pk in shown and draft.pk not in shown
    assert "填报汇总报告" in response.content.decode()


def test_a_responsible_unit_sees_only_its_own_part(
    cast: Any, a_lead: Any, b_part: Any, report_of: Any
) -> None:
    lead_report = report_of(a_lead, cast.liaison_a)
    response = cast.client(cast.liaison_b).get(reverse("progress-task", args=[b_part.task_id]))
    assert [g["assignment"].pk for g in response.context["groups"]] == [b_part.pk]
    assert lead_report.pk not in [r.pk for g in response.context["groups"] for r in g["reports"]]


def test_the_office_sees_every_assignment_in_bounded_queries(
    cast: Any, a_lead: Any, b_part: Any, report_of: Any, django_assert_max_num_queries: Any
) -> None:
    report_of(a_lead, cast.liaison_a)
    report_of(b_part, cast.liaison_b)
    c = cast.client(cast.office)
    with django_assert_max_num_queries(10):
        response = c.get(reverse("progress-task", args=[a_lead.task_id]))
    assert len(response.context["groups"]) == a_lead.task.assignments.count()


def test_liaison_b_does_not_find_unit_as_task(cast: Any, a_part: Any) -> None:
    assert cast.client(cast.liaison_b).get(reverse("progress-task", args=[a_part.task_id])).status_code == 404
