"""Dispatch: each unit's count before, one assignment per (task, unit) after, bounded queries."""

from __future__ import annotations

from typing import Any

from django.urls import reverse


def test_the_office_sees_each_units_count_before_dispatch(cast: Any, plan_000: Any) -> None:
    from fazhi.ledger.models import Assignment

    response = cast.client(cast.office).get(reverse("plan-dispatch", args=[plan_000.pk]))
    assert response.status_code == 200
    loads = {load.unit.name: load for load in response.context["loads"]}
    # 区委依法治区办 leads tasks 1-4 of seed 000 (and is in 区各部门 elsewhere).
    assert loads["天桥区委全面依法治区委员会办公室"].lead >= 4
    # 各街道 expands to every street; a street is never lead in seed 000.
    street = loads["天桥区天桥东街街道办事处"]
    assert street.lead == 0 and street.responsible > 0 and "各街道" in street.via_groups
    assert Assignment.objects.count() == 0


def test_dispatch_creates_one_assignment_per_task_and_unit(cast: Any, plan_000: Any) -> None:
    from fazhi.ledger.models import Assignment, Task

    response = cast.client(cast.office).post(reverse("plan-dispatch", args=[plan_000.pk]))
    assert response.status_code == 302
    first = Task.objects.get(plan=plan_000, position=1)
    roles = dict(Assignment.objects.filter(task=first).values_list("unit__name", "role"))
    assert roles == {
        "天桥区委全面依法治区委员会办公室": "lead",
        "天桥区委办公室": "responsible",
        "天桥区人民政府办公室": "responsible",
        "天桥区委宣传部": "responsible",
        "天桥区委党校": "responsible",
    }
    assert {a.deadline for a in Assignment.objects.filter(task=first)} == {first.deadline}
    # A unit both named as lead and inside a responsible group is lead, once.
    second = Task.objects.get(plan=plan_000, position=2)
    lead = Assignment.objects.filter(task=second, unit__name="天桥区委全面依法治区委员会办公室")
    assert [a.role for a in lead] == ["lead"]
    pairs = list(Assignment.objects.values_list("task_id", "unit_id"))
    assert len(pairs) == len(set(pairs))
    plan_000.refresh_from_db()
    assert plan_000.dispatched_at is not None


def test_dispatching_again_adds_nothing(cast: Any, dispatched_000: Any) -> None:
    from fazhi.ledger.dispatch import dispatch
    from fazhi.ledger.models import Assignment

    before = Assignment.objects.count()
    assert dispatch(dispatched_000, cast.office) == 0
    assert Assignment.objects.count() == before


def test_inactive_units_are_left_out_of_groups(cast: Any, plan_000: Any) -> None:
    from fazhi.ledger.dispatch import dispatch
    from fazhi.ledger.models import Assignment
    from fazhi.units.models import Unit

    Unit.objects.filter(name="天桥区北园街道办事处").update(active=False)
    dispatch(plan_000, cast.office)
    assert not Assignment.objects.filter(unit__name="天桥区北园街道办事处").exists()


def test_assignments_are_recorded_in_history_with_the_dispatcher(cast: Any, dispatched_000: Any) -> None:
    from fazhi.ledger.models import Assignment

    record = Assignment.history.first()
    assert record.history_type == "+" and record.history_user == cast.office


def test_dispatch_queries_do_not_grow_with_the_plan(
    cast: Any, plan_000: Any, django_assert_max_num_queries: Any, django_capture_on_commit_callbacks: Any
) -> None:
    from fazhi.ledger.models import Assignment

    c = cast.client(cast.office)
    with django_assert_max_num_queries(20):
        c.get(reverse("plan-dispatch", args=[plan_000.pk]))
    with django_assert_max_num_queries(25):
        c.post(reverse("plan-dispatch", args=[plan_000.pk]))
    assert Assignment.objects.count() > 400


def test_the_liaison_sees_the_dispatched_tasks_of_their_unit_only(cast: Any, dispatched_000: Any) -> None:
    from fazhi.ledger.models import Assignment

    page = cast.client(cast.liaison_a).get(reverse("unit-detail", args=[cast.unit_a.pk]))
    shown = {a.task_id for a in page.context["assignments"]}
    assert shown == set(Assignment.objects.filter(unit=cast.unit_a).values_list("task_id", flat=True))
    assert shown
