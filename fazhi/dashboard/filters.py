"""The record filters shared by the dashboard figures and the pages their links open.

A figure counts the records a `RecordFilter` selects, and links to a page that lists the records
the same filter selects, so the number on the dashboard and the length of the list it opens agree
by construction. Where the plan ledger already has the filter (plan, category, status), figures
link to the ledger itself; otherwise to the dashboard's own list pages (`dashboard-tasks`,
`dashboard-assignments`).

Traffic lights come from `fazhi.ledger.status` (the one place of the rule): tasks through
`task_light_q`, assignments through the same rule re-rooted on Assignment (`assignment_light_q`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import urlencode

from django.db.models import F, Q
from django.db.models.expressions import Combinable
from django.urls import reverse

from fazhi.ledger import status
from fazhi.ledger.status import Light

# Task fields the task rule uses, and what each is called from an Assignment. An assignment exists
# only once its plan is dispatched, has its own deadline and its own completion.
_TASK_TO_ASSIGNMENT = {"done_at": "done_at", "deadline": "deadline", "plan": "task__plan"}


def _reroot(node: Any, mapping: dict[str, str]) -> Any:
    """A copy of a Q (or F) tree written for Task, with its field paths rewritten for another model."""
    if isinstance(node, Q):
        copy = Q()
        copy.connector, copy.negated = node.connector, node.negated
        copy.children = [_reroot(child, mapping) for child in node.children]
        return copy
    if isinstance(node, tuple):
        key, value = node
        return (_map_path(key, mapping), _reroot(value, mapping))
    if isinstance(node, F):
        return F(_map_path(node.name, mapping))
    if isinstance(node, Combinable) and hasattr(node, "get_source_expressions"):
        copy = node.copy()
        copy.set_source_expressions([_reroot(e, mapping) for e in node.get_source_expressions()])
        return copy
    return node


def _map_path(path: str, mapping: dict[str, str]) -> str:
    head, sep, rest = path.partition("__")
    if head not in mapping:
        raise ValueError(f"the task light rule uses a field the dashboard cannot map: {path}")
    return mapping[head] + sep + rest


def task_light_q(light: str, on: dt.date) -> Q:
    """Tasks showing this light on day `on` (the ledger's rule)."""
    return status.task_light_q(light, on)


def assignment_light_q(light: str, on: dt.date) -> Q:
    """Assignments showing this light on day `on`: the ledger's rule applied to the assignment.

    status.py owns the rule; when it offers an assignment filter of its own, that one is used."""
    own = getattr(status, "assignment_light_q", None)
    if own is not None:
        return own(light, on)
    return _reroot(status.task_light_q(light, on), _TASK_TO_ASSIGNMENT)


def done_on_time_q(on: dt.date) -> Q:
    """Done by the deadline (the day of completion, in local time, is not after it); done items
    without a deadline count as on time. The same fields exist on Task and Assignment.

    When status.py knows the light DONE_ON_TIME, its rule is used."""
    if "done_on_time" in Light.values:
        return task_light_q("done_on_time", on)
    return Q(done_at__isnull=False) & (Q(deadline__isnull=True) | Q(done_at__date__lte=F("deadline")))


def missing_report_q(on: dt.date) -> Q | None:
    """Assignments whose progress report for the current period is missing (the progress app's
    rule), or None while the progress app does not provide it."""
    try:
        from fazhi.progress.services import missing_filter
    except ImportError:
        return None
    return missing_filter(on)


@dataclass(frozen=True)
class RecordFilter:
    """Which tasks or assignments a figure counts. None means "any"."""

    plan: int | None = None
    category: str | None = None  # a task's 一级指标, exactly; "" selects tasks without one
    unit: int | None = None  # assignments only
    light: str | None = None
    on_time: bool = False  # only items done by their deadline
    missing_report: bool = False  # assignments only: this period's progress report is missing

    def but(self, **changes: Any) -> RecordFilter:
        return replace(self, **changes)

    def task_q(self, on: dt.date) -> Q:
        q = Q()
        if self.plan is not None:
            q &= Q(plan_id=self.plan)
        if self.category is not None:
            q &= Q(category=self.category)
        if self.unit is not None:
            q &= Q(assignments__unit_id=self.unit)
        if self.light:
            q &= task_light_q(self.light, on)
        if self.on_time:
            q &= done_on_time_q(on)
        return q

    def assignment_q(self, on: dt.date) -> Q:
        q = Q()
        if self.plan is not None:
            q &= Q(task__plan_id=self.plan)
        if self.category is not None:
            q &= Q(task__category=self.category)
        if self.unit is not None:
            q &= Q(unit_id=self.unit)
        if self.light:
            q &= assignment_light_q(self.light, on)
        if self.on_time:
            q &= done_on_time_q(on)
        if self.missing_report:
            q &= missing_report_q(on) or Q(pk__in=[])
        return q

    def params(self) -> dict[str, str]:
        """The query string of the dashboard list pages."""
        out: dict[str, str] = {}
        if self.plan is not None:
            out["plan"] = str(self.plan)
        if self.category is not None:
            if self.category:
                out["category"] = self.category
            else:
                out["uncategorised"] = "1"
        if self.unit is not None:
            out["unit"] = str(self.unit)
        if self.light:
            out["light"] = self.light
        if self.on_time:
            out["on_time"] = "1"
        if self.missing_report:
            out["missing_report"] = "1"
        return out

    @classmethod
    def from_params(cls, params: Any) -> RecordFilter:
        """The filter of a list page's query string; unknown or malformed values are ignored."""
        plan, unit = params.get("plan", ""), params.get("unit", "")
        light = params.get("light", "")
        category: str | None = params.get("category") or None
        if params.get("uncategorised") == "1":
            category = ""
        return cls(
            plan=int(plan) if plan.isdigit() else None,
            category=category,
            unit=int(unit) if unit.isdigit() else None,
            light=light if light in Light.values else None,
            on_time=params.get("on_time") == "1",
            missing_report=params.get("missing_report") == "1",
        )

    def tasks_url(self) -> str:
        """Where the tasks this filter selects are listed: the plan ledger when its filters say
        the same thing (one plan, a named category, a light), else the dashboard's task list."""
        if self.plan is not None and self.unit is None and not self.on_time and self.category != "":
            params = {}
            if self.category:
                params["category"] = self.category
            if self.light:
                params["status"] = self.light
            return _with_query(reverse("plan-ledger", args=[self.plan]), params)
        return _with_query(reverse("dashboard-tasks"), self.params())

    def assignments_url(self) -> str:
        """Where the assignments this filter selects are listed."""
        return _with_query(reverse("dashboard-assignments"), self.params())


def _with_query(url: str, params: dict[str, str]) -> str:
    return f"{url}?{urlencode(params)}" if params else url
