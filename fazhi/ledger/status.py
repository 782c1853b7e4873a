"""Traffic-light status of assignments, tasks, rectification items, units and plans: one place.

The rule is `fazhi.workdays.Calendar.due_status` on the platform calendar (office overrides
win over the holiday libraries), with N = FAZHI_DUE_SOON_WORKDAYS:

1. done: DONE_ON_TIME when done on or before the deadline (or there is none), else DONE_LATE;
   DONE when only "done" is known (callers that pass no completion date);
2. not dispatched: PENDING (tasks only);
3. no deadline: ON_TRACK;
4. the deadline has passed: OVERDUE (red);
5. at most N working days left, the deadline day counted: DUE_SOON (yellow);
6. otherwise ON_TRACK (green).

Rule 5 is the window ``today <= deadline < add_workdays(today, N + 1)`` (`due_window`): the
same set of days as due_status's count, computed once per day, so the per-object functions and
the queryset filters (`task_light_q`, `assignment_light_q`) cannot disagree. A window reaching
into a year nobody has entered assumes Monday–Friday working; pages show the warning from
`fazhi.supervision.workcalendar.coverage_warnings` next to such deadlines.

Colours come from `fazhi.workdays.Status`, the one definition of the traffic-light colours.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Count, F, Q, QuerySet
from django.utils import timezone

from fazhi.workdays import Calendar, Status


class Light(models.TextChoices):
    PENDING = "pending", "待下发"
    ON_TRACK = "on_track", "正常推进"
    DUE_SOON = "due_soon", "即将到期"
    OVERDUE = "overdue", "已逾期"
    DONE = "done", "已完成"
    DONE_ON_TIME = "done_on_time", "按期完成"
    DONE_LATE = "done_late", "逾期完成"


# workdays.Status → Light, and back: the ledger speaks Light, the calendar speaks Status.
FROM_STATUS = {
    Status.GREEN: Light.ON_TRACK,
    Status.YELLOW: Light.DUE_SOON,
    Status.RED: Light.OVERDUE,
    Status.DONE_ON_TIME: Light.DONE_ON_TIME,
    Status.DONE_LATE: Light.DONE_LATE,
}

COLOURS = {
    Light.PENDING: "#8c8c8c",
    Light.DONE: Status.DONE_ON_TIME.colour,
    **{light: status.colour for status, light in FROM_STATUS.items()},
}

DONE_LIGHTS = (Light.DONE, Light.DONE_ON_TIME, Light.DONE_LATE)
# Worst first: a unit or plan shows the worst light among its open items.
SEVERITY = [Light.OVERDUE, Light.DUE_SOON, Light.ON_TRACK, Light.PENDING, Light.DONE_LATE, Light.DONE_ON_TIME]


def today() -> dt.date:
    return timezone.localdate()


def due_soon_workdays() -> int:
    return settings.FAZHI_DUE_SOON_WORKDAYS


def due_window(on: dt.date | None = None) -> tuple[dt.date, dt.date]:
    """(first, end): a deadline d is DUE_SOON on `on` when first <= d < end, OVERDUE when d < first."""
    from fazhi.supervision.workcalendar import platform_calendar

    on = on or today()
    return on, _window_end(platform_calendar(), on, due_soon_workdays())


@functools.lru_cache(maxsize=64)
def _window_end(calendar: Calendar, on: dt.date, n: int) -> dt.date:
    # Keyed on the calendar object: a changed override builds a new Calendar, so no stale answer.
    return calendar.add_workdays(on, n + 1, strict=False).value


def _local_date(value: dt.datetime | dt.date | None) -> dt.date | None:
    if value is None or not isinstance(value, dt.datetime):
        return value
    return timezone.localdate(value) if timezone.is_aware(value) else value.date()


def light_for(
    *,
    dispatched: bool,
    done: bool,
    deadline: dt.date | None,
    on: dt.date | None = None,
    done_on: dt.date | dt.datetime | None = None,
) -> Light:
    """The light of one task, assignment or item on a given day (today by default).

    Pass `done_on` (the completion date or time) to tell DONE_ON_TIME from DONE_LATE; without
    it a finished item is just DONE.
    """
    if done:
        finished = _local_date(done_on)
        if finished is None:
            return Light.DONE
        return Light.DONE_LATE if deadline is not None and finished > deadline else Light.DONE_ON_TIME
    if not dispatched:
        return Light.PENDING
    if deadline is None:
        return Light.ON_TRACK
    first, end = due_window(on)
    if deadline < first:
        return Light.OVERDUE
    if deadline < end:
        return Light.DUE_SOON
    return Light.ON_TRACK


def task_light(task: Any, on: dt.date | None = None) -> Light:
    """A ledger.Task's light, done-late told apart from done-on-time."""
    return light_for(
        dispatched=task.plan.dispatched_at is not None,
        done=task.done_at is not None,
        deadline=task.deadline,
        on=on,
        done_on=task.done_at,
    )


def assignment_light(assignment: Any, on: dt.date | None = None) -> Light:
    """A ledger.Assignment's light, done-late told apart from done-on-time."""
    return light_for(
        dispatched=True,
        done=assignment.done_at is not None,
        deadline=assignment.deadline,
        on=on,
        done_on=assignment.done_at,
    )


def rectification_light(item: Any, on: dt.date | None = None) -> Light:
    """A supervision.RectificationItem's light: done means closed (销号) by the office."""
    closed = item.state == "closed"
    return light_for(dispatched=True, done=closed, deadline=item.deadline, on=on, done_on=item.closed_at)


def _light_q(
    light: str,
    on: dt.date | None,
    *,
    done: Q,
    done_late: Q,
    dispatched: Q | None = None,
) -> Q:
    first, end = due_window(on)
    open_ = ~done
    if dispatched is not None and light != Light.PENDING:
        open_ &= dispatched
    match light:
        case Light.DONE:
            return done
        case Light.DONE_ON_TIME:
            return done & ~done_late
        case Light.DONE_LATE:
            return done & done_late
        case Light.PENDING:
            return ~done & ~dispatched if dispatched is not None else Q(pk__in=[])
        case Light.OVERDUE:
            return open_ & Q(deadline__lt=first)
        case Light.DUE_SOON:
            return open_ & Q(deadline__gte=first, deadline__lt=end)
        case Light.ON_TRACK:
            return open_ & (Q(deadline__isnull=True) | Q(deadline__gte=end))
    raise ValueError(light)


_LATE = Q(deadline__isnull=False, done_at__date__gt=F("deadline"))


def task_light_q(light: str, on: dt.date | None = None) -> Q:
    """The same rule as `light_for`, as a filter on ledger.Task, for list pages."""
    return _light_q(
        light,
        on,
        done=Q(done_at__isnull=False),
        done_late=_LATE,
        dispatched=Q(plan__dispatched_at__isnull=False),
    )


def assignment_light_q(light: str, on: dt.date | None = None, prefix: str = "") -> Q:
    """The same rule as `light_for`, as a filter on ledger.Assignment (or, with `prefix` such as
    "assignments__", on a model that reaches assignments through a relation)."""
    q = _light_q(light, on, done=Q(done_at__isnull=False), done_late=_LATE)
    return _prefixed(q, prefix) if prefix else q


def rectification_light_q(light: str, on: dt.date | None = None, prefix: str = "") -> Q:
    """The same rule as `rectification_light`, as a filter on supervision.RectificationItem."""
    late = Q(closed_at__date__gt=F("deadline"))
    q = _light_q(light, on, done=Q(state="closed"), done_late=late)
    return _prefixed(q, prefix) if prefix else q


def _prefixed(q: Q, prefix: str) -> Q:
    """The filter `q` with every lookup (and F reference) moved under a relation `prefix`."""
    clone = Q()
    clone.connector, clone.negated = q.connector, q.negated
    for child in q.children:
        if isinstance(child, Q):
            clone.children.append(_prefixed(child, prefix))
        else:
            key, value = child
            if isinstance(value, F):
                value = F(prefix + value.name)
            clone.children.append((prefix + key, value))
    return clone


# --------------------------------------------------------------------------------------------
# Aggregates: units and plans


@dataclass
class Summary:
    """Counts by light of one unit's or plan's items, and the light the whole shows."""

    counts: dict[str, int] = field(default_factory=dict)
    open_rectifications: int = 0
    overdue_rectifications: int = 0

    def __getitem__(self, light: str) -> int:
        return self.counts.get(light, 0)

    @property
    def overdue(self) -> int:
        return self[Light.OVERDUE] + self.overdue_rectifications

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def light(self) -> Light:
        """The worst light among the items; DONE_* only when everything is done."""
        if self.overdue:
            return Light.OVERDUE
        for light in (Light.DUE_SOON, Light.ON_TRACK, Light.PENDING):
            if self[light]:
                return light
        if self.open_rectifications or not self.total:
            return Light.ON_TRACK  # open items on track, or nothing to do at all
        return Light.DONE_LATE if self[Light.DONE_LATE] else Light.DONE_ON_TIME

    @property
    def colour(self) -> str:
        return COLOURS[self.light]


_ITEM_LIGHTS = (Light.ON_TRACK, Light.DUE_SOON, Light.OVERDUE, Light.DONE_ON_TIME, Light.DONE_LATE)


def _counts(qs: QuerySet, group_by: str, q_for: Any, lights: tuple[Light, ...]) -> dict[int, dict[str, int]]:
    aggregates = {light.value: Count("pk", filter=q_for(light)) for light in lights}
    return {
        row[group_by]: {light.value: row[light.value] for light in lights}
        for row in qs.order_by().values(group_by).annotate(**aggregates)
    }


def unit_summaries(units: QuerySet, on: dt.date | None = None) -> dict[int, Summary]:
    """Each unit's assignments by light plus its open rectification items (two queries).

    `units` is a queryset of units.Unit (already limited by fazhi.accounts.access)."""
    from fazhi.ledger.models import Assignment
    from fazhi.supervision.models import RectificationItem

    on = on or today()
    ids = units.values("pk")
    by_unit = _counts(
        Assignment.objects.filter(unit__in=ids),
        "unit_id",
        lambda light: assignment_light_q(light, on),
        _ITEM_LIGHTS,
    )
    open_items = RectificationItem.objects.filter(unit__in=ids).exclude(state="closed")
    rect = {
        row["unit_id"]: row
        for row in open_items.order_by()
        .values("unit_id")
        .annotate(n=Count("pk"), late=Count("pk", filter=Q(deadline__lt=on)))
    }
    result = {}
    for pk in units.values_list("pk", flat=True):
        row = rect.get(pk, {})
        result[pk] = Summary(by_unit.get(pk, {}), row.get("n", 0), row.get("late", 0))
    return result


def plan_summaries(plans: QuerySet, on: dt.date | None = None) -> dict[int, Summary]:
    """Each plan's tasks by light (one query). `plans` is a queryset of plans.Plan."""
    from fazhi.ledger.models import Task

    lights = (Light.PENDING, *_ITEM_LIGHTS)
    by_plan = _counts(
        Task.objects.filter(plan__in=plans.values("pk")),
        "plan_id",
        lambda light: task_light_q(light, on),
        lights,
    )
    return {pk: Summary(by_plan.get(pk, {})) for pk in plans.values_list("pk", flat=True)}
