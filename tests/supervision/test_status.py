"""The traffic light, in one place: working days on the platform calendar, workdays.due_status
semantics, done-late told apart, the same answer per object and as a queryset filter, and unit
and plan aggregates in a bounded number of queries."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from fazhi.ledger.status import (
    COLOURS,
    FROM_STATUS,
    Light,
    assignment_light,
    assignment_light_q,
    due_window,
    light_for,
    plan_summaries,
    task_light,
    task_light_q,
    unit_summaries,
)
from fazhi.supervision.workcalendar import platform_calendar
from fazhi.workdays import Status

D = dt.date


@pytest.fixture(autouse=True)
def five_workdays(settings: Any) -> None:
    settings.FAZHI_DUE_SOON_WORKDAYS = 5


def _light(deadline: dt.date, on: dt.date) -> Light:
    return light_for(dispatched=True, done=False, deadline=deadline, on=on)


def test_yellow_counts_working_days_across_national_day(db: Any) -> None:
    # From Friday 2024-09-27: 9/29 (Sunday, 调休), 9/30, 10/8, 10/9, 10/10 are the next five
    # working days; 10/1–10/7 are off. So 10/10 is yellow although 13 calendar days away.
    on = D(2024, 9, 27)
    assert _light(D(2024, 10, 10), on) == Light.DUE_SOON
    assert _light(D(2024, 10, 11), on) == Light.ON_TRACK
    assert _light(on, on) == Light.DUE_SOON
    assert _light(D(2024, 9, 26), on) == Light.OVERDUE


def test_yellow_counts_working_days_across_spring_festival(db: Any) -> None:
    # From Thursday 2024-02-08: 2/9 (除夕, worked), 2/18 (Sunday, 调休), 2/19, 2/20, 2/21.
    on = D(2024, 2, 8)
    assert due_window(on) == (on, D(2024, 2, 22))
    assert _light(D(2024, 2, 21), on) == Light.DUE_SOON
    assert _light(D(2024, 2, 22), on) == Light.ON_TRACK


def test_it_agrees_with_workdays_due_status_day_by_day(db: Any) -> None:
    calendar = platform_calendar()
    on = D(2024, 9, 20)
    for offset in range(-3, 40):
        deadline = on + dt.timedelta(days=offset)
        expected = FROM_STATUS[calendar.due_status(deadline, on, warn_workdays=5)]
        assert _light(deadline, on) == expected, deadline


def test_done_late_is_told_apart_from_done_on_time() -> None:
    deadline = D(2024, 6, 30)
    on_time = dt.datetime(2024, 6, 30, 23, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))
    late = dt.datetime(2024, 7, 1, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))
    assert light_for(dispatched=True, done=True, deadline=deadline, done_on=on_time) == Light.DONE_ON_TIME
    assert light_for(dispatched=True, done=True, deadline=deadline, done_on=late) == Light.DONE_LATE
    assert light_for(dispatched=True, done=True, deadline=None, done_on=late) == Light.DONE_ON_TIME
    # Callers that only know "done" keep their old answer.
    assert light_for(dispatched=True, done=True, deadline=deadline) == Light.DONE


def test_colours_come_from_the_workdays_status() -> None:
    assert COLOURS[Light.OVERDUE] == Status.RED.colour
    assert COLOURS[Light.DUE_SOON] == Status.YELLOW.colour
    assert COLOURS[Light.ON_TRACK] == Status.GREEN.colour
    assert COLOURS[Light.DONE_LATE] == Status.DONE_LATE.colour
    assert set(COLOURS) == set(Light)


def test_the_filters_give_the_same_lights_as_the_objects(cast: Any, dispatched_000: Any) -> None:
    from fazhi.ledger.models import Assignment, Task

    on = D(2024, 9, 27)
    tasks = list(Task.objects.filter(plan=dispatched_000).order_by("position"))
    deadlines = [D(2024, 9, 1), on, D(2024, 10, 10), D(2024, 10, 11), None, D(2024, 12, 31)]
    for i, task in enumerate(tasks):
        task.deadline = deadlines[i % len(deadlines)]
        if i % 7 == 3:
            task.done_at = dt.datetime(2024, 10, 20, tzinfo=dt.UTC)
        task.save()
        task.assignments.update(deadline=task.deadline, done_at=task.done_at)
    for light in Light:
        by_q = set(
            Task.objects.filter(plan=dispatched_000)
            .filter(task_light_q(light, on))
            .values_list("pk", flat=True)
        )
        by_object = {t.pk for t in Task.objects.filter(plan=dispatched_000) if task_light(t, on) == light}
        if light == Light.DONE:
            by_object = {t.pk for t in tasks if t.done_at}
        assert by_q == by_object, light
        a_q = set(
            Assignment.objects.filter(task__plan=dispatched_000)
            .filter(assignment_light_q(light, on))
            .values_list("pk", flat=True)
        )
        a_obj = {
            a.pk
            for a in Assignment.objects.filter(task__plan=dispatched_000)
            if assignment_light(a, on) == light
        }
        if light == Light.DONE:
            a_obj = {
                a.pk for a in Assignment.objects.filter(task__plan=dispatched_000, done_at__isnull=False)
            }
        assert a_q == a_obj, light


def test_unit_and_plan_summaries_count_lights_and_open_rectifications(
    cast: Any, dispatched_000: Any, django_assert_max_num_queries: Any
) -> None:
    from fazhi.ledger.models import Assignment
    from fazhi.supervision.models import Finding, Inspection, RectificationItem
    from fazhi.units.models import Unit

    on = D(2024, 9, 27)
    Assignment.objects.filter(task__plan=dispatched_000).update(deadline=D(2024, 12, 31))
    first = Assignment.objects.filter(task__plan=dispatched_000, unit=cast.unit_a).order_by("pk").first()
    Assignment.objects.filter(pk=first.pk).update(deadline=D(2024, 9, 1))
    inspection = Inspection.objects.create(jurisdiction=cast.district, name="督察", date=on)
    finding = Finding.objects.create(inspection=inspection, unit=cast.unit_b, text="问题")
    RectificationItem.objects.create(finding=finding, unit=cast.unit_b, deadline=D(2024, 9, 20))
    units = Unit.objects.filter(jurisdiction=cast.district)
    with django_assert_max_num_queries(4):
        summaries = unit_summaries(units, on)
    a, b = summaries[cast.unit_a.pk], summaries[cast.unit_b.pk]
    assert a[Light.OVERDUE] == 1 and a.light == Light.OVERDUE
    assert b.overdue_rectifications == 1 and b.open_rectifications == 1 and b.light == Light.OVERDUE
    assert b[Light.OVERDUE] == 0
    from fazhi.plans.models import Plan

    with django_assert_max_num_queries(3):
        plans = plan_summaries(Plan.objects.filter(pk=dispatched_000.pk), on)
    assert plans[dispatched_000.pk].total == 18
    assert plans[dispatched_000.pk].light in (Light.ON_TRACK, Light.OVERDUE, Light.DUE_SOON)


@pytest.mark.parametrize(
    ("counts", "open_items", "late_items", "expected"),
    [
        ({}, 0, 0, Light.ON_TRACK),
        ({"done_on_time": 3}, 0, 0, Light.DONE_ON_TIME),
        ({"done_on_time": 3, "done_late": 1}, 0, 0, Light.DONE_LATE),
        ({"done_late": 1}, 1, 0, Light.ON_TRACK),
        ({"on_track": 2, "due_soon": 1}, 0, 0, Light.DUE_SOON),
        ({"on_track": 2}, 1, 1, Light.OVERDUE),
        ({"overdue": 1, "due_soon": 4}, 0, 0, Light.OVERDUE),
    ],
)
def test_a_unit_shows_its_worst_light(
    counts: dict[str, int], open_items: int, late_items: int, expected: Light
) -> None:
    from fazhi.ledger.status import Summary

    assert Summary(counts, open_items, late_items).light == expected
