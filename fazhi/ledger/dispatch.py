"""Dispatch (下发): turn a confirmed plan's tasks into one assignment per (task, unit).

1. Each TaskUnit names a unit or a group; a group expands to its active members.
2. A unit named as lead anywhere on a task is lead for that task (lead beats responsible).
3. The assignment inherits the task's deadline.
4. Assignments that already exist are left alone, so dispatching again only adds what is new.
The query count does not grow with the number of tasks or units.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.db.models import Prefetch
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from fazhi.ledger.models import Assignment, Role, Task, TaskUnit
from fazhi.plans.models import Plan
from fazhi.units.models import Unit


@dataclass
class UnitLoad:
    """How many tasks of the plan a unit receives, for the pre-dispatch overview."""

    unit: Unit
    lead: int = 0
    responsible: int = 0
    via_groups: set[str] = field(default_factory=set)

    @property
    def total(self) -> int:
        return self.lead + self.responsible


def planned(plan: Plan) -> tuple[dict[tuple[int, int], str], dict[int, Task], dict[int, UnitLoad]]:
    """The assignments the plan should have: (task id, unit id) → role; plus per-unit loads."""
    tasks = {
        t.pk: t
        for t in Task.objects.filter(plan=plan).prefetch_related(
            Prefetch(
                "task_units",
                queryset=TaskUnit.objects.select_related("unit", "group").prefetch_related(
                    Prefetch("group__members", queryset=Unit.objects.filter(active=True))
                ),
            )
        )
    }
    roles: dict[tuple[int, int], str] = {}
    loads: dict[int, UnitLoad] = {}
    for task in tasks.values():
        for link in task.task_units.all():
            members = [link.unit] if link.unit_id else list(link.group.members.all())
            for unit in members:
                key = (task.pk, unit.pk)
                if roles.get(key) != Role.LEAD:
                    roles[key] = link.role
                load = loads.setdefault(unit.pk, UnitLoad(unit))
                if link.group_id:
                    load.via_groups.add(link.group.name)
    for (_, unit_id), role in roles.items():
        if role == Role.LEAD:
            loads[unit_id].lead += 1
        else:
            loads[unit_id].responsible += 1
    return roles, tasks, loads


def unit_loads(plan: Plan) -> list[UnitLoad]:
    _, _, loads = planned(plan)
    return sorted(loads.values(), key=lambda load: (-load.total, load.unit.name))


@transaction.atomic
def dispatch(plan: Plan, user: Any) -> int:
    """Create the plan's missing assignments; returns how many were created."""
    Plan.objects.select_for_update().filter(pk=plan.pk).first()  # one dispatch per plan at a time
    roles, tasks, _ = planned(plan)
    existing = set(Assignment.objects.filter(task__plan=plan).values_list("task_id", "unit_id"))
    now = timezone.now()
    new = [
        Assignment(
            task_id=task_id,
            unit_id=unit_id,
            role=role,
            deadline=tasks[task_id].deadline,
            dispatched_by=user,
            dispatched_at=now,
        )
        for (task_id, unit_id), role in sorted(roles.items())
        if (task_id, unit_id) not in existing
    ]
    bulk_create_with_history(new, Assignment, default_user=user)
    if plan.dispatched_at is None:
        plan.dispatched_at = now
        plan.save(update_fields=["dispatched_at"])
    return len(new)
