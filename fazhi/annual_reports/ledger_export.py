"""Ledger exports (任务台账.xlsx) in the seed-003 layout: per plan, per unit, and the ledger
page's filtered view, with 进展情况 and 状态 columns.

The rows come from `export_rows` (plain data from the database); the workbook is written by
fazhi.docgen.ledger_xlsx, which only formats them.
"""

from __future__ import annotations

import io
from typing import Any

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone

from fazhi.docgen.ledger_xlsx import write_ledger
from fazhi.docgen.official import chinese_date
from fazhi.ledger.models import Assignment, Role, TaskUnit
from fazhi.ledger.status import Light, task_light_q
from fazhi.parsing.model import ParsedPlan
from fazhi.parsing.model import Task as ParsedTask

PROGRESS_HEADER = "进展情况"
STATUS_HEADER = "状态"


def filter_tasks(tasks: QuerySet, params: Any) -> QuerySet:
    """The ledger page's filters (category, unit, status, q), applied the same way."""
    category = params.get("category", "")
    unit_id = params.get("unit", "")
    light = params.get("status", "")
    q = (params.get("q") or "").strip()
    if category:
        tasks = tasks.filter(Q(category=category) | Q(subcategory=category))
    if unit_id.isdigit():
        tasks = tasks.filter(Exists(_named(unit_id)) | Exists(_assigned(unit_id)))
    if light in Light.values:
        tasks = tasks.filter(task_light_q(light))
    if q:
        tasks = tasks.filter(Q(title__contains=q) | Q(content__contains=q) | Q(number=q))
    return tasks


def _named(unit_id: Any) -> QuerySet:
    return TaskUnit.objects.filter(task=OuterRef("pk")).filter(
        Q(unit_id=unit_id) | Q(group__members__id=unit_id)
    )


def _assigned(unit_id: Any) -> QuerySet:
    return Assignment.objects.filter(task=OuterRef("pk"), unit_id=unit_id)


def tasks_of_unit(tasks: QuerySet, unit_id: int) -> QuerySet:
    """Tasks that name the unit (directly or through a group) or were dispatched to it."""
    return tasks.filter(Exists(_named(unit_id)) | Exists(_assigned(unit_id)))


def _progress_texts(task_ids: list[int]) -> dict[int, str]:
    """The latest accepted progress report of each task, once fazhi.progress provides them."""
    from fazhi.annual_reports.figures import accepted_progress_texts

    return accepted_progress_texts(task_ids)


def export_rows(tasks: QuerySet) -> tuple[list[ParsedTask], list[str], list[str]]:
    """The tasks as ledger rows (parser Task objects, as write_ledger takes them) with their
    进展情况 and 状态 values, in ledger order. Three queries."""
    rows = list(
        tasks.select_related("plan")
        .prefetch_related(Prefetch("task_units", queryset=TaskUnit.objects.order_by("position")))
        .order_by("plan_id", "position")
    )
    texts = _progress_texts([t.pk for t in rows])
    parsed, progress, status = [], [], []
    for t in rows:
        links = list(t.task_units.all())
        parsed.append(
            ParsedTask(
                number=t.number,
                level=t.level or "row",
                heading_path=[h for h in (t.category, t.subcategory) if h],
                title=t.title or None,
                content=t.content,
                lead_units=[x.printed_name for x in links if x.role == Role.LEAD],
                responsible_units=[x.printed_name for x in links if x.role == Role.RESPONSIBLE],
                deadline=t.deadline.isoformat() if t.deadline else None,
                deadline_text=t.deadline_text or None,
            )
        )
        done = f"已于{chinese_date(timezone.localtime(t.done_at).date())}完成" if t.done_at else ""
        progress.append(texts.get(t.pk) or done)
        status.append(t.light.label)
    return parsed, progress, status


def ledger_workbook(title: str, year: int | None, tasks: QuerySet) -> bytes:
    """The tasks as a ledger workbook (.xlsx bytes)."""
    parsed, progress, status = export_rows(tasks)
    plan = ParsedPlan(title=title, issuer=None, date=None, year=year, tasks=parsed)
    out = io.BytesIO()
    write_ledger(plan, out, extra_columns={PROGRESS_HEADER: progress, STATUS_HEADER: status})
    return out.getvalue()


def plan_tasks(user: Any, plan: Any) -> QuerySet:
    from fazhi.accounts.access import visible_tasks

    return visible_tasks(user).filter(plan=plan)


__all__ = ["export_rows", "filter_tasks", "ledger_workbook", "plan_tasks", "tasks_of_unit"]
