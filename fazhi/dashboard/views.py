"""Dashboard pages: the office's, the leader's (read-only, with the ranking), a unit's to-do list,
and the two lists the figures link to (tasks, assignments) where the plan ledger has no filter.
All of them only read: other methods are refused (405)."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_safe

from fazhi.accounts.access import (
    is_liaison,
    is_office,
    member_required,
    office_required,
    role_of,
    visible_assignments,
    visible_plans,
    visible_tasks,
    visible_units,
)
from fazhi.dashboard import charts, figures
from fazhi.dashboard.filters import RecordFilter
from fazhi.dashboard.ranking import RankingWeights
from fazhi.ledger.status import COLOURS, Light, today

PAGE_SIZE = 100


def oversight_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Office, leaders and inspectors: everyone who oversees units rather than acting for one."""

    @login_required
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if role_of(request.user) is None or is_liaison(request.user):
            raise PermissionDenied("工作看板仅供依法治办和领导查看")
        return view(request, *args, **kwargs)

    return wrapped


def _plan_param(request: HttpRequest) -> int | None:
    """The ?plan= the dashboard is limited to; a plan outside the user's scope is not found."""
    value = request.GET.get("plan", "")
    if not value:
        return None
    if not value.isdigit() or not visible_plans(request.user).filter(pk=value).exists():
        raise Http404("没有这个计划")
    return int(value)


@require_safe
@member_required
def dashboard(request: HttpRequest) -> HttpResponse:
    """/dashboard/: each role's own dashboard."""
    if is_liaison(request.user):
        return redirect("dashboard-unit", pk=request.user.profile.unit_id)
    if is_office(request.user):
        return redirect("dashboard-office")
    return redirect("dashboard-leader")


@require_safe
@office_required
def office_dashboard(request: HttpRequest) -> HttpResponse:
    f = figures.office_figures(request.user, plan_id=_plan_param(request))
    return render(
        request,
        "dashboard/office.html",
        {"f": f, "charts": charts.office_charts(f), "lights": _light_legend()},
    )


@require_safe
@oversight_required
def leader_dashboard(request: HttpRequest) -> HttpResponse:
    lf = figures.leader_figures(request.user, plan_id=_plan_param(request))
    return render(
        request,
        "dashboard/leader.html",
        {
            "f": lf.office,
            "ranking": lf.ranking,
            "weights": RankingWeights(),
            "charts": charts.leader_charts(lf),
            "lights": _light_legend(),
        },
    )


@require_safe
@member_required
def unit_todo(request: HttpRequest, pk: int) -> HttpResponse:
    """A unit's open assignments, most urgent first (a liaison's own to-do list)."""
    unit = get_object_or_404(visible_units(request.user), pk=pk)
    return render(
        request,
        "dashboard/unit_todo.html",
        {"todo": figures.unit_todo(request.user, unit), "colours": COLOURS},
    )


def _record_filter(request: HttpRequest) -> tuple[RecordFilter, dict[str, Any]]:
    """The list pages' filter from the query string; plans and units outside the scope are not
    found, so an outsider cannot probe them through a filter."""
    f = RecordFilter.from_params(request.GET)
    described: dict[str, Any] = {}
    if f.plan is not None:
        described["plan"] = get_object_or_404(visible_plans(request.user).only("pk", "title"), pk=f.plan)
    if f.unit is not None:
        described["unit"] = get_object_or_404(visible_units(request.user).only("pk", "name"), pk=f.unit)
    return f, described


def _light_legend() -> list[dict[str, str]]:
    return [
        {"light": light, "label": Light(light).label, "colour": COLOURS[Light(light)]}
        for light in figures.LIGHT_ORDER
    ]


@require_safe
@member_required
def task_list(request: HttpRequest) -> HttpResponse:
    """The tasks a dashboard figure counts (filters: plan, category, unit, light, on_time)."""
    f, described = _record_filter(request)
    on = today()
    tasks = (
        visible_tasks(request.user)
        .filter(f.task_q(on))
        .select_related("plan")
        .order_by("-plan__created_at", "plan_id", "position")
    )
    page = Paginator(tasks, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "dashboard/task_list.html",
        {"page": page, "f": f, "described": described, "query": _query_without_page(request)},
    )


@require_safe
@member_required
def assignment_list(request: HttpRequest) -> HttpResponse:
    """The assignments a dashboard figure counts (filters: plan, category, unit, light, on_time)."""
    f, described = _record_filter(request)
    on = today()
    assignments = (
        visible_assignments(request.user)
        .filter(f.assignment_q(on))
        .select_related("task__plan", "unit")
        .order_by("deadline", "unit__name", "task__plan_id", "task__position")
    )
    page = Paginator(assignments, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "dashboard/assignment_list.html",
        {"page": page, "f": f, "described": described, "query": _query_without_page(request)},
    )


def _query_without_page(request: HttpRequest) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()
