"""Who may read and change annual reports, on top of fazhi.accounts.access.

Reports are the office's work: the office drafts and edits, leaders read and approve; liaisons
and inspectors are refused (403), and reports of other jurisdictions are not found (404).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse

from fazhi.accounts.access import jurisdiction_ids, role_of
from fazhi.accounts.models import Role

READERS = (Role.OFFICE, Role.LEADER)


def can_read_reports(user: Any) -> bool:
    return user.is_authenticated and role_of(user) in READERS


def _scoped(qs: QuerySet, user: Any, field: str = "jurisdiction") -> QuerySet:
    if not can_read_reports(user):
        return qs.none()
    ids = jurisdiction_ids(user)
    return qs if ids is None else qs.filter(**{f"{field}__in": ids})


def visible_reports(user: Any) -> QuerySet:
    from fazhi.annual_reports.models import AnnualReport

    return _scoped(AnnualReport.objects.all(), user)


def visible_past_reports(user: Any) -> QuerySet:
    from fazhi.annual_reports.models import PastReport

    return _scoped(PastReport.objects.all(), user)


def visible_jurisdictions(user: Any) -> QuerySet:
    from fazhi.units.models import Jurisdiction

    return _scoped(Jurisdiction.objects.all(), user, "pk")


def scoped_records(user: Any, model: Any) -> QuerySet:
    """Records a figure counts, limited to what the user may see (by the model's jurisdiction)."""
    from fazhi.accounts import access

    label = model._meta.label
    if label == "ledger.Task":
        return access.visible_tasks(user).select_related("plan")
    if label == "units.Unit":
        return access.visible_units(user)
    if label == "evidence.EvidenceFile":
        # Evidence has no jurisdiction of its own: it is scoped by the reports that own it.
        from django.apps import apps
        from django.contrib.contenttypes.models import ContentType

        owner = apps.get_model("progress", "ProgressReport")
        return model.objects.filter(
            owner_type=ContentType.objects.get_for_model(owner),
            owner_id__in=scoped_records(user, owner).values("pk"),
        )
    paths = {
        "progress.ProgressReport": "assignment__task__plan__jurisdiction",
        "supervision.ReminderLog": "assignment__task__plan__jurisdiction",
        "supervision.Finding": "inspection__jurisdiction",
        "supervision.RectificationItem": "finding__inspection__jurisdiction",
    }
    field = paths.get(label, "jurisdiction")
    return _scoped(model.objects.all(), user, field)


def reader_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Office staff and leaders only."""

    @login_required
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not can_read_reports(request.user):
            raise PermissionDenied("年度报告仅供依法治办工作人员和领导查看")
        return view(request, *args, **kwargs)

    return wrapped
