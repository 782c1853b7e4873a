"""The light filters the dashboard counts with agree with the ledger's per-object rule."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from fazhi.dashboard.figures import LIGHT_ORDER
from fazhi.dashboard.filters import assignment_light_q, task_light_q
from fazhi.ledger.models import Assignment, Task


def _base(light: str) -> str:
    return "done" if light.startswith("done") else light  # done on time / late are both done


@pytest.mark.parametrize("days", [-30, -1, 0, 1, 3, 5, 7, 10, 14, 15, 30, None])
@pytest.mark.parametrize("done", [False, True])
def test_each_task_and_assignment_falls_under_exactly_its_own_light(
    cast: Any, ledger: Any, on: dt.date, days: int | None, done: bool
) -> None:
    deadline = None if days is None else on + dt.timedelta(days=days)
    plan = ledger.plan(cast.district, "灯")
    finished = on if done else None
    task = ledger.task(plan, deadline=deadline, done_on=finished, units=[(cast.unit_a, "lead", finished)])
    assignment = Assignment.objects.get(task=task)
    task_lights = {light for light in LIGHT_ORDER if Task.objects.filter(task_light_q(light, on), pk=task.pk)}
    assignment_lights = {
        light
        for light in LIGHT_ORDER
        if Assignment.objects.filter(assignment_light_q(light, on), pk=assignment.pk)
    }
    assert task_lights == {_base(str(task.light))}
    assert assignment_lights == {_base(str(assignment.light))}
