"""Dashboard figures: the database turned into plain dataclasses (STYLE habit 13).

Pages, charts and the JSON API only format what these functions return. Every count is aggregated
in the database, in a fixed number of queries whatever the number of plans, tasks or units, and
every count carries the URL of the page that lists the records it counts (see `filters.py`).

What is counted:
- by plan, by category (一级指标) and the light distribution count ledger tasks (`ledger.Task`);
- by unit, the ranking, the overdue list and a unit's to-do count assignments (`ledger.Assignment`):
  a unit answers for its own assignments.

Rates, in percent with two decimals, None when there is nothing to divide by:
- completion rate 完成率 = done / total;
- on-time rate 按时完成率 = done on time / (done + overdue): of everything finished or already
  late, the share finished by its deadline (a done item without a deadline counts as on time).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Case, Count, F, IntegerField, Min, QuerySet, Value, When
from django.urls import NoReverseMatch, reverse

from fazhi.accounts.access import visible_assignments, visible_plans, visible_tasks
from fazhi.dashboard import supervision as supervision_figures
from fazhi.dashboard.filters import (
    RecordFilter,
    assignment_light_q,
    done_on_time_q,
    missing_report_q,
    task_light_q,
)
from fazhi.ledger.status import COLOURS, Light, today

# Lights in the order the charts stack them (finished first, late last).
LIGHT_ORDER = [Light.DONE, Light.ON_TRACK, Light.DUE_SOON, Light.OVERDUE, Light.PENDING]
# The overdue list shows the longest-overdue assignments; the rest are one link away.
OVERDUE_LIST_SIZE = 30
UNCATEGORISED = "（未分类）"


def rate(numerator: int, denominator: int) -> float | None:
    """A percentage with two decimals (96.97), or None when the denominator is zero."""
    return round(100 * numerator / denominator, 2) if denominator else None


@dataclass(frozen=True)
class Counts:
    """How many tasks (or assignments) a figure covers, by state, with the two rates."""

    total: int = 0
    done: int = 0
    done_on_time: int = 0
    overdue: int = 0
    due_soon: int = 0
    on_track: int = 0
    pending: int = 0
    completion_rate: float | None = field(init=False)
    on_time_rate: float | None = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "completion_rate", rate(self.done, self.total))
        object.__setattr__(self, "on_time_rate", rate(self.done_on_time, self.done + self.overdue))

    @classmethod
    def of(cls, row: dict[str, Any]) -> Counts:
        return cls(**{name: row.get(name) or 0 for name in COUNT_FIELDS})

    def by_light(self, light: str) -> int:
        return int(getattr(self, light))


COUNT_FIELDS = ["total", "done", "done_on_time", "overdue", "due_soon", "on_track", "pending"]


@dataclass(frozen=True)
class CountLinks:
    """The list page of each count of a figure (same names as `Counts`)."""

    total: str
    done: str
    done_on_time: str
    overdue: str
    due_soon: str
    on_track: str
    pending: str

    def by_light(self, light: str) -> str:
        return str(getattr(self, light))


def _links(base: RecordFilter, kind: str) -> CountLinks:
    url = (lambda f: f.tasks_url()) if kind == "task" else (lambda f: f.assignments_url())
    return CountLinks(
        total=url(base),
        done=url(base.but(light=Light.DONE)),
        done_on_time=url(base.but(on_time=True)),
        overdue=url(base.but(light=Light.OVERDUE)),
        due_soon=url(base.but(light=Light.DUE_SOON)),
        on_track=url(base.but(light=Light.ON_TRACK)),
        pending=url(base.but(light=Light.PENDING)),
    )


def _task_counts(on: dt.date) -> dict[str, Any]:
    """Aggregates for Task rows (annotate or aggregate)."""
    return {
        "total": Count("pk"),
        "done_on_time": Count("pk", filter=done_on_time_q(on)),
        **{light: Count("pk", filter=task_light_q(light, on)) for light in LIGHT_ORDER},
    }


def _assignment_counts(on: dt.date) -> dict[str, Any]:
    """Aggregates for Assignment rows (annotate or aggregate)."""
    return {
        "total": Count("pk"),
        "done_on_time": Count("pk", filter=done_on_time_q(on)),
        **{light: Count("pk", filter=assignment_light_q(light, on)) for light in LIGHT_ORDER},
    }


@dataclass(frozen=True)
class PlanFigure:
    plan_id: int
    title: str
    year: int | None
    dispatched: bool
    counts: Counts
    links: CountLinks
    ledger_url: str


@dataclass(frozen=True)
class CategoryFigure:
    plan_id: int
    plan_title: str
    category: str  # as printed; "" for tasks without a 一级指标
    label: str  # what the page shows
    counts: Counts
    links: CountLinks


@dataclass(frozen=True)
class UnitFigure:
    unit_id: int
    name: str
    short_name: str
    counts: Counts
    links: CountLinks
    todo_url: str
    missing_reports: int  # open assignments without this period's progress report
    missing_reports_url: str

    @property
    def label(self) -> str:
        return self.short_name or self.name


@dataclass(frozen=True)
class LightSlice:
    light: str
    label: str
    colour: str
    count: int
    url: str


@dataclass(frozen=True)
class OverdueItem:
    """One overdue assignment: which unit owes which task, and for how long."""

    assignment_id: int
    task_id: int
    task_number: str
    task_title: str
    plan_id: int
    plan_title: str
    unit_id: int
    unit_name: str
    role: str
    deadline: dt.date
    days_overdue: int
    url: str


@dataclass(frozen=True)
class PlanChoice:
    plan_id: int
    title: str


@dataclass(frozen=True)
class OfficeFigures:
    """Everything the office dashboard shows (the leader's adds a ranking, see `leader_figures`)."""

    on: dt.date
    plan_id: int | None  # the plan the figures are limited to, if any
    plan_choices: list[PlanChoice]
    totals: Counts  # tasks
    totals_links: CountLinks
    lights: list[LightSlice]  # tasks by light
    plans: list[PlanFigure]
    categories: list[CategoryFigure]
    unit_totals: Counts  # assignments
    unit_totals_links: CountLinks
    units: list[UnitFigure]
    overdue: list[OverdueItem]  # the longest overdue first, at most OVERDUE_LIST_SIZE
    overdue_total: int
    overdue_url: str
    supervision: supervision_figures.SupervisionFigures
    reports_available: bool  # the progress app is there to count missing reports
    missing_reports: int  # open assignments without this period's progress report
    missing_reports_url: str


def _scoped_tasks(user: Any, plan_id: int | None) -> QuerySet:
    tasks = visible_tasks(user)
    return tasks if plan_id is None else tasks.filter(plan_id=plan_id)


def _scoped_assignments(user: Any, plan_id: int | None) -> QuerySet:
    assignments = visible_assignments(user)
    return assignments if plan_id is None else assignments.filter(task__plan_id=plan_id)


def plan_choices(user: Any) -> list[PlanChoice]:
    """The plans a user may limit the dashboard to (one query)."""
    return [
        PlanChoice(pk, title)
        for pk, title in visible_plans(user).order_by("-year", "-created_at").values_list("pk", "title")
    ]


def light_slices(counts: Counts, links: CountLinks) -> list[LightSlice]:
    return [
        LightSlice(
            light, Light(light).label, COLOURS[Light(light)], counts.by_light(light), links.by_light(light)
        )
        for light in LIGHT_ORDER
    ]


def plan_figures(user: Any, on: dt.date, plan_id: int | None = None) -> list[PlanFigure]:
    """Task counts per plan (one query), newest plan first."""
    rows = (
        _scoped_tasks(user, plan_id)
        .values("plan_id", "plan__title", "plan__year", "plan__dispatched_at", "plan__created_at")
        .annotate(**_task_counts(on))
        .order_by("-plan__year", "-plan__created_at", "plan_id")
    )
    return [
        PlanFigure(
            plan_id=row["plan_id"],
            title=row["plan__title"],
            year=row["plan__year"],
            dispatched=row["plan__dispatched_at"] is not None,
            counts=Counts.of(row),
            links=_links(RecordFilter(plan=row["plan_id"]), "task"),
            ledger_url=reverse("plan-ledger", args=[row["plan_id"]]),
        )
        for row in rows
    ]


def category_figures(user: Any, on: dt.date, plan_id: int | None = None) -> list[CategoryFigure]:
    """Task counts per plan and 一级指标 (one query), in ledger order."""
    rows = (
        _scoped_tasks(user, plan_id)
        .values("plan_id", "plan__title", "plan__created_at", "category")
        .annotate(first=Min("position"), **_task_counts(on))
        .order_by("-plan__created_at", "plan_id", "first")
    )
    return [
        CategoryFigure(
            plan_id=row["plan_id"],
            plan_title=row["plan__title"],
            category=row["category"],
            label=row["category"] or UNCATEGORISED,
            counts=Counts.of(row),
            links=_links(RecordFilter(plan=row["plan_id"], category=row["category"]), "task"),
        )
        for row in rows
    ]


def _missing_count(on: dt.date) -> dict[str, Any]:
    missing = missing_report_q(on)
    return {"missing_reports": Count("pk", filter=missing)} if missing is not None else {}


def unit_figures(user: Any, on: dt.date, plan_id: int | None = None) -> list[UnitFigure]:
    """Assignment counts per unit (one query): most overdue first, then by name."""
    rows = (
        _scoped_assignments(user, plan_id)
        .values("unit_id", "unit__name", "unit__short_name")
        .annotate(**_assignment_counts(on), **_missing_count(on))
        .order_by("-overdue", "-due_soon", "unit__name")
    )
    return [
        UnitFigure(
            unit_id=row["unit_id"],
            name=row["unit__name"],
            short_name=row["unit__short_name"],
            counts=Counts.of(row),
            links=_links(RecordFilter(plan=plan_id, unit=row["unit_id"]), "assignment"),
            todo_url=reverse("dashboard-unit", args=[row["unit_id"]]),
            missing_reports=row.get("missing_reports", 0),
            missing_reports_url=RecordFilter(
                plan=plan_id, unit=row["unit_id"], missing_report=True
            ).assignments_url(),
        )
        for row in rows
    ]


def overdue_items(
    user: Any, on: dt.date, plan_id: int | None = None, limit: int = OVERDUE_LIST_SIZE
) -> list[OverdueItem]:
    """The longest-overdue assignments (one query)."""
    rows = (
        _scoped_assignments(user, plan_id)
        .filter(assignment_light_q(Light.OVERDUE, on))
        .select_related("task__plan", "unit")
        .order_by("deadline", "task__plan_id", "task__position", "unit__name")[:limit]
    )
    return [
        OverdueItem(
            assignment_id=a.pk,
            task_id=a.task_id,
            task_number=a.task.number,
            task_title=a.task.display_title,
            plan_id=a.task.plan_id,
            plan_title=a.task.plan.title,
            unit_id=a.unit_id,
            unit_name=a.unit.name,
            role=a.get_role_display(),
            deadline=a.deadline,
            days_overdue=(on - a.deadline).days,
            url=reverse("task-detail", args=[a.task_id]),
        )
        for a in rows
    ]


def _sum_counts(figures: list[Any]) -> Counts:
    return Counts(**{name: sum(getattr(f.counts, name) for f in figures) for name in COUNT_FIELDS})


def office_figures(user: Any, on: dt.date | None = None, plan_id: int | None = None) -> OfficeFigures:
    """The office dashboard: counts by plan, category and unit, lights, the overdue list and the
    open supervision items, within what `user` may see (optionally one plan)."""
    on = on or today()
    plans = plan_figures(user, on, plan_id)
    units = unit_figures(user, on, plan_id)
    # Totals are sums of the per-plan and per-unit rows: no extra query, and they always agree.
    totals, unit_totals = _sum_counts(plans), _sum_counts(units)
    totals_links = _links(RecordFilter(plan=plan_id), "task")
    unit_totals_links = _links(RecordFilter(plan=plan_id), "assignment")
    return OfficeFigures(
        on=on,
        plan_id=plan_id,
        plan_choices=plan_choices(user),
        totals=totals,
        totals_links=totals_links,
        lights=light_slices(totals, totals_links),
        plans=plans,
        categories=category_figures(user, on, plan_id),
        unit_totals=unit_totals,
        unit_totals_links=unit_totals_links,
        units=units,
        overdue=overdue_items(user, on, plan_id),
        overdue_total=unit_totals.overdue,
        overdue_url=unit_totals_links.overdue,
        supervision=supervision_figures.supervision_figures(user, on),
        reports_available=missing_report_q(on) is not None,
        missing_reports=sum(u.missing_reports for u in units),
        missing_reports_url=RecordFilter(plan=plan_id, missing_report=True).assignments_url(),
    )


@dataclass(frozen=True)
class LeaderFigures:
    """The leader dashboard: the office's figures, read-only, plus the unit ranking."""

    office: OfficeFigures
    ranking: list[Any]  # ranking.RankedUnit


def leader_figures(user: Any, on: dt.date | None = None, plan_id: int | None = None) -> LeaderFigures:
    from fazhi.dashboard.ranking import rank_units

    office = office_figures(user, on, plan_id)
    return LeaderFigures(office=office, ranking=rank_units(office.units))


# --- a unit's to-do list -------------------------------------------------------------------------


@dataclass(frozen=True)
class TodoItem:
    """One open assignment of the unit, with its light."""

    assignment_id: int
    task_id: int
    task_number: str
    task_title: str
    plan_id: int
    plan_title: str
    role: str
    deadline: dt.date | None
    days_left: int | None  # negative: days overdue
    light: str
    light_label: str
    colour: str
    url: str
    report_missing: bool  # this period's progress report is still to be sent
    report_url: str  # where the unit reports on this assignment ("" without the progress app)


@dataclass(frozen=True)
class UnitTodo:
    """A unit's to-do list: open assignments, most urgent first, and its open supervision items."""

    on: dt.date
    unit_id: int
    unit_name: str
    counts: Counts
    links: CountLinks
    items: list[TodoItem]
    supervision: supervision_figures.UnitSupervision
    missing_reports: int
    missing_reports_url: str


def _light_case(on: dt.date) -> Case:
    return Case(
        *[When(assignment_light_q(light, on), then=Value(light)) for light in LIGHT_ORDER],
        default=Value(""),
    )


def unit_todo(user: Any, unit: Any, on: dt.date | None = None) -> UnitTodo:
    """The open assignments of `unit` that `user` may see, ordered by urgency: overdue first (the
    longest overdue at the top), then due soon, then on track by deadline, then those without one.
    The caller has checked that `user` may see `unit` (`visible_units`)."""
    on = on or today()
    mine = visible_assignments(user).filter(unit=unit)
    counts = Counts.of(mine.aggregate(**_assignment_counts(on)))
    urgency = Case(
        When(assignment_light_q(Light.OVERDUE, on), then=Value(0)),
        When(assignment_light_q(Light.DUE_SOON, on), then=Value(1)),
        default=Value(2),
        output_field=IntegerField(),
    )
    missing = missing_report_q(on)
    report_missing = Case(When(missing, then=Value(True)), default=Value(False)) if missing else Value(False)
    rows = (
        mine.filter(done_at__isnull=True)
        .select_related("task__plan")
        .annotate(state=_light_case(on), urgency=urgency, report_missing=report_missing)
        .order_by("urgency", F("deadline").asc(nulls_last=True), "task__plan_id", "task__position")
    )
    items = []
    for a in rows:
        light = Light(a.state) if a.state else Light.ON_TRACK
        items.append(
            TodoItem(
                assignment_id=a.pk,
                task_id=a.task_id,
                task_number=a.task.number,
                task_title=a.task.display_title,
                plan_id=a.task.plan_id,
                plan_title=a.task.plan.title,
                role=a.get_role_display(),
                deadline=a.deadline,
                days_left=(a.deadline - on).days if a.deadline else None,
                light=light.value,
                light_label=light.label,
                colour=COLOURS[light],
                url=reverse("task-detail", args=[a.task_id]),
                report_missing=bool(a.report_missing),
                report_url=_report_url(a),
            )
        )
    return UnitTodo(
        on=on,
        unit_id=unit.pk,
        unit_name=unit.name,
        counts=counts,
        links=_links(RecordFilter(unit=unit.pk), "assignment"),
        items=items,
        supervision=supervision_figures.unit_supervision(user, unit, on),
        missing_reports=sum(item.report_missing for item in items),
        missing_reports_url=RecordFilter(unit=unit.pk, missing_report=True).assignments_url(),
    )


def _report_url(assignment: Any) -> str:
    """The progress page of one assignment, or "" while the progress app has none."""
    try:
        return reverse("progress-assignment", args=[assignment.task_id, assignment.unit_id])
    except NoReverseMatch:
        return ""
