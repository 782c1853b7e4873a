"""Who may see and write progress reports, built on fazhi.accounts.access.

Drafts are seen by their own unit only. A lead unit's liaison also sees the submitted reports of
the responsible units on the tasks it leads (to write the consolidated report). Office, leaders
and inspectors see the submitted reports of their jurisdictions. Outsiders do not find a report
(404); a role that may not write is refused (403).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet

from fazhi.accounts.access import is_liaison, is_office, role_of, visible_assignments
from fazhi.ledger.models import Assignment, Role
from fazhi.progress.models import ProgressReport, State


def led_task_ids(user: Any) -> QuerySet:
    """Ids of the tasks the user's unit leads (empty for anyone but a liaison)."""
    if not is_liaison(user):
        return Assignment.objects.none().values("task_id")
    return Assignment.objects.filter(unit_id=user.profile.unit_id, role=Role.LEAD).values("task_id")


def visible_reports(user: Any) -> QuerySet:
    """The progress reports a user may read."""
    qs = ProgressReport.objects.all()
    if role_of(user) is None:
        return qs.none()
    if is_liaison(user):
        own = Q(assignment__unit_id=user.profile.unit_id)
        led = Q(assignment__task_id__in=led_task_ids(user)) & ~Q(state=State.DRAFT)
        return qs.filter(own | led)
    return qs.filter(assignment__in=visible_assignments(user)).exclude(state=State.DRAFT)


def task_assignments(user: Any, task: Any) -> QuerySet:
    """The assignments of a task whose reports a user follows: all of them for the office and
    leaders (in scope) and for the lead unit's liaison; a responsible unit's liaison its own."""
    qs = visible_assignments(user).filter(task=task)
    if is_liaison(user) and qs.filter(role=Role.LEAD).exists():
        return Assignment.objects.filter(task=task)
    return qs


def reporting_assignments(user: Any) -> QuerySet:
    """The assignments a user may report on: their own unit's (liaisons only)."""
    if not is_liaison(user):
        return Assignment.objects.none()
    return visible_assignments(user).filter(unit_id=user.profile.unit_id)


def require_reporter(user: Any, assignment: Assignment) -> None:
    """Only the liaison of the assignment's unit writes its reports (403 for other roles)."""
    if not is_liaison(user) or assignment.unit_id != user.profile.unit_id:
        raise PermissionDenied("只有本单位联络员可以填报进展")


def require_reviewer(user: Any) -> None:
    if not is_office(user):
        raise PermissionDenied("只有依法治办工作人员可以审核进展报告")
