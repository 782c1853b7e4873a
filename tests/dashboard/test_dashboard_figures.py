"""The figures against the database: exact counts and rates of the worked example (`scene`)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fazhi.dashboard.figures import Counts, office_figures, unit_todo


def _counts(**kw: int) -> Counts:
    return Counts(**kw)


def test_tasks_are_counted_per_plan_with_both_rates(cast: Any, scene: Any) -> None:
    f = office_figures(cast.office, scene.on)
    by_plan = {p.plan_id: p for p in f.plans}
    assert set(by_plan) == {scene.plan.pk, scene.draft.pk}  # 红桥区 is outside the clerk's district
    assert by_plan[scene.plan.pk].counts == _counts(
        total=6, done=2, done_on_time=1, overdue=1, due_soon=1, on_track=2, pending=0
    )
    assert by_plan[scene.plan.pk].counts.completion_rate == 33.33
    assert by_plan[scene.plan.pk].counts.on_time_rate == 33.33  # 1 on time of 2 done + 1 overdue
    draft = by_plan[scene.draft.pk]
    assert draft.counts == _counts(total=2, pending=2)
    assert (draft.counts.completion_rate, draft.counts.on_time_rate, draft.dispatched) == (0.0, None, False)


def test_totals_and_the_light_distribution_add_up(cast: Any, scene: Any) -> None:
    f = office_figures(cast.office, scene.on)
    assert f.totals == _counts(total=8, done=2, done_on_time=1, overdue=1, due_soon=1, on_track=2, pending=2)
    assert [(s.light, s.count) for s in f.lights] == [
        ("done", 2),
        ("on_track", 2),
        ("due_soon", 1),
        ("overdue", 1),
        ("pending", 2),
    ]
    assert sum(s.count for s in f.lights) == f.totals.total


def test_tasks_are_counted_per_category_of_each_plan_in_ledger_order(cast: Any, scene: Any) -> None:
    f = office_figures(cast.office, scene.on)
    rows = [(c.plan_id, c.label, c.counts.total, c.counts.done, c.counts.overdue) for c in f.categories]
    assert rows == [
        (scene.draft.pk, "一、甲", 2, 0, 0),
        (scene.plan.pk, "一、甲", 3, 2, 1),
        (scene.plan.pk, "二、乙", 2, 0, 0),
        (scene.plan.pk, "（未分类）", 1, 0, 0),
    ]
    jia = f.categories[1]
    assert (jia.counts.completion_rate, jia.counts.on_time_rate) == (66.67, 33.33)
    assert f.categories[2].counts.due_soon == 1 and f.categories[2].counts.on_time_rate is None


def test_units_are_counted_by_their_assignments_most_overdue_first(cast: Any, scene: Any) -> None:
    f = office_figures(cast.office, scene.on)
    assert [u.unit_id for u in f.units] == [
        cast.unit_b.pk,
        cast.unit_a.pk,
    ]  # both 1 overdue; B has 1 due soon
    a = next(u for u in f.units if u.unit_id == cast.unit_a.pk)
    b = next(u for u in f.units if u.unit_id == cast.unit_b.pk)
    assert a.counts == _counts(total=5, done=2, done_on_time=1, overdue=1, due_soon=0, on_track=2)
    assert (a.counts.completion_rate, a.counts.on_time_rate) == (40.0, 33.33)
    assert b.counts == _counts(total=3, done=0, done_on_time=0, overdue=1, due_soon=1, on_track=1)
    assert (b.counts.completion_rate, b.counts.on_time_rate) == (0.0, 0.0)
    assert f.unit_totals.total == 8 and f.overdue_total == 2


def test_the_overdue_list_names_unit_task_and_days(cast: Any, scene: Any) -> None:
    f = office_figures(cast.office, scene.on)
    assert [(o.unit_id, o.task_number, o.days_overdue, o.role) for o in f.overdue] == [
        (cast.unit_b.pk, "1", 10, "责任"),
        (cast.unit_a.pk, "3", 10, "牵头"),
    ]
    assert f.overdue[0].url == f"/tasks/{scene.tasks[0].pk}/"


def test_the_figures_can_be_limited_to_one_plan(cast: Any, scene: Any) -> None:
    f = office_figures(cast.office, scene.on, plan_id=scene.draft.pk)
    assert [p.plan_id for p in f.plans] == [scene.draft.pk]
    assert f.totals.total == 2 and f.units == [] and f.overdue == []
    assert {p.plan_id for p in f.plan_choices} == {scene.plan.pk, scene.draft.pk}


def test_a_completion_late_in_the_evening_of_the_deadline_day_is_on_time(
    cast: Any, ledger: Any, on: dt.date
) -> None:
    from django.utils import timezone

    from fazhi.ledger.models import Assignment

    def local_noon(day: dt.date, hour: int, minute: int) -> dt.datetime:
        return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))

    plan = ledger.plan(cast.district, "边界")
    task = ledger.task(plan, deadline=on - dt.timedelta(days=2), units=[(cast.unit_a, "lead", None)])
    # 23:30 Beijing time is 15:30 UTC the same day; 00:30 the next day is late.
    Assignment.objects.filter(task=task).update(done_at=local_noon(task.deadline, 23, 30))
    assert office_figures(cast.office, on).units[0].counts.done_on_time == 1
    Assignment.objects.filter(task=task).update(
        done_at=local_noon(task.deadline + dt.timedelta(days=1), 0, 30)
    )
    assert office_figures(cast.office, on).units[0].counts.done_on_time == 0


def test_a_units_to_do_lists_open_assignments_overdue_first(cast: Any, scene: Any) -> None:
    todo = unit_todo(cast.liaison_b, cast.unit_b, scene.on)
    assert [(i.task_number, i.light, i.days_left) for i in todo.items] == [
        ("1", "overdue", -10),
        ("4", "due_soon", 1),
        ("5", "on_track", 60),
    ]
    todo = unit_todo(cast.liaison_a, cast.unit_a, scene.on)
    assert [(i.task_number, i.light) for i in todo.items] == [
        ("3", "overdue"),
        ("5", "on_track"),
        ("6", "on_track"),
    ]
    assert todo.items[-1].deadline is None and todo.counts.done == 2 and todo.counts.total == 5


def test_a_liaison_sees_no_other_units_assignments_in_a_to_do(cast: Any, scene: Any) -> None:
    # Asked for unit A's list, liaison B's scope leaves nothing (the views 404 before this).
    assert unit_todo(cast.liaison_b, cast.unit_a, scene.on).items == []


def test_an_office_of_another_district_counts_only_its_own(cast: Any, scene: Any, new_user: Any) -> None:
    from fazhi.accounts.models import Role

    f = office_figures(new_user("hq", Role.OFFICE, scene.other.jurisdiction), scene.on)
    assert [p.plan_id for p in f.plans] == [scene.other.pk]
    assert f.totals.overdue == 1 and len(f.units) == 1


def test_an_empty_database_gives_empty_figures(cast: Any, on: dt.date) -> None:
    f = office_figures(cast.office, on)
    assert f.plans == [] and f.units == [] and f.totals == Counts()
    assert f.totals.completion_rate is None and f.totals.on_time_rate is None
