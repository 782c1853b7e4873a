"""The ledger pages: a plan's task table, dispatch, and one task with its history."""

from __future__ import annotations

from itertools import chain
from typing import Any

from django import forms
from django.contrib import messages
from django.db.models import Count, Exists, OuterRef, Prefetch, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from fazhi.accounts.access import (
    member_required,
    office_required,
    visible_assignments,
    visible_plans,
    visible_tasks,
    visible_units,
)
from fazhi.ledger import dispatch as dispatching
from fazhi.ledger.models import Assignment, Task, TaskUnit
from fazhi.ledger.status import COLOURS, Light, task_light_q


@member_required
def plan_ledger(request: HttpRequest, pk: int) -> HttpResponse:
    """The plan as a ledger table, filtered by category, unit, status and a search term."""
    plan = get_object_or_404(visible_plans(request.user).select_related("jurisdiction"), pk=pk)
    tasks = visible_tasks(request.user).filter(plan=plan)
    all_tasks = tasks
    category = request.GET.get("category", "")
    unit_id = request.GET.get("unit", "")
    light = request.GET.get("status", "")
    q = request.GET.get("q", "").strip()
    if category:
        tasks = tasks.filter(Q(category=category) | Q(subcategory=category))
    if unit_id.isdigit():
        named = TaskUnit.objects.filter(task=OuterRef("pk")).filter(
            Q(unit_id=unit_id) | Q(group__members__id=unit_id)
        )
        assigned = Assignment.objects.filter(task=OuterRef("pk"), unit_id=unit_id)
        tasks = tasks.filter(Exists(named) | Exists(assigned))
    if light in Light.values:
        tasks = tasks.filter(task_light_q(light))
    if q:
        tasks = tasks.filter(Q(title__contains=q) | Q(content__contains=q) | Q(number=q))
    tasks = (
        tasks.select_related("plan")
        .prefetch_related(
            Prefetch(
                "task_units", queryset=TaskUnit.objects.select_related("unit", "group").order_by("position")
            )
        )
        .annotate(n_assignments=Count("assignments"))
        .order_by("position")
    )
    categories = list(
        dict.fromkeys(
            chain.from_iterable(
                (c, s) for c, s in all_tasks.order_by("position").values_list("category", "subcategory")
            )
        )
    )
    units = visible_units(request.user).filter(jurisdiction=plan.jurisdiction).order_by("name")
    return render(
        request,
        "ledger/plan_ledger.html",
        {
            "plan": plan,
            "tasks": tasks,
            "categories": [c for c in categories if c],
            "units": units.only("pk", "name"),
            "lights": Light.choices,
            "colours": COLOURS,
            "f": {"category": category, "unit": unit_id, "status": light, "q": q},
            "total": all_tasks.count(),
        },
    )


@office_required
def plan_dispatch(request: HttpRequest, pk: int) -> HttpResponse:
    """GET: each unit's count of tasks before dispatch; POST: dispatch."""
    plan = get_object_or_404(visible_plans(request.user), pk=pk)
    if request.method == "POST":
        created = dispatching.dispatch(plan, request.user)
        messages.success(request, f"已下发：新增 {created} 条任务分派")
        return redirect("plan-ledger", pk=plan.pk)
    loads = dispatching.unit_loads(plan)
    dispatched = Assignment.objects.filter(task__plan=plan).count()
    return render(
        request,
        "ledger/plan_dispatch.html",
        {"plan": plan, "loads": loads, "dispatched": dispatched, "planned": sum(x.total for x in loads)},
    )


def _diff_rows(records: list[Any], label: str) -> list[dict[str, Any]]:
    """Turn history records (newest first) into display rows with per-field before/after."""
    rows = []
    for i, record in enumerate(records):
        changes = []
        older = records[i + 1] if i + 1 < len(records) else None
        if older is not None and record.history_type == "~":
            delta = record.diff_against(older)
            for change in delta.changes:
                field = record.instance_type._meta.get_field(change.field)
                changes.append({"field": field.verbose_name, "old": change.old, "new": change.new})
        rows.append(
            {
                "when": record.history_date,
                "who": record.history_user,
                "what": {"+": "创建", "~": "修改", "-": "删除"}[record.history_type],
                "object": label,
                "changes": changes,
            }
        )
    return rows


@member_required
def task_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One task: its content, units, assignments and the history of all of them."""
    task = get_object_or_404(visible_tasks(request.user).select_related("plan__jurisdiction"), pk=pk)
    links = task.task_units.select_related("unit", "group").order_by("role", "position")
    assignments = visible_assignments(request.user).filter(task=task).select_related("unit", "dispatched_by")
    history = _diff_rows(list(task.history.select_related("history_user").order_by("-history_date")), "任务")
    # Assignment history, limited to the assignments this user may see.
    per_assignment: dict[int, list[Any]] = {}
    for record in (
        Assignment.history.filter(task_id=task.pk, unit_id__in=assignments.values("unit_id"))
        .select_related("history_user", "unit")
        .order_by("-history_date")
    ):
        per_assignment.setdefault(record.id, []).append(record)
    for records in per_assignment.values():
        history += _diff_rows(records, f"分派：{records[0].unit.name}")
    history.sort(key=lambda row: row["when"], reverse=True)
    return render(
        request,
        "ledger/task_detail.html",
        {"task": task, "links": links, "assignments": assignments, "history": history, "colours": COLOURS},
    )


class TaskForm(forms.ModelForm):
    done = forms.BooleanField(label="已完成", required=False)

    class Meta:
        model = Task
        fields = ["number", "category", "subcategory", "title", "content", "deadline", "deadline_text"]
        widgets = {"deadline": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}


@office_required
def task_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Edit a confirmed task; assignments that inherited its deadline follow the change."""
    task = get_object_or_404(visible_tasks(request.user).select_related("plan"), pk=pk)
    old_deadline = task.deadline
    form = TaskForm(request.POST or None, instance=task, initial={"done": task.done_at is not None})
    if request.method == "POST" and form.is_valid():
        task = form.save(commit=False)
        if form.cleaned_data["done"] != (task.done_at is not None):
            task.done_at = timezone.now() if form.cleaned_data["done"] else None
        task.save()
        if task.deadline != old_deadline:
            for assignment in task.assignments.filter(deadline=old_deadline):
                assignment.deadline = task.deadline
                assignment.save()
        messages.success(request, "任务已保存")
        return redirect("task-detail", pk=task.pk)
    return render(request, "ledger/task_form.html", {"form": form, "task": task})
