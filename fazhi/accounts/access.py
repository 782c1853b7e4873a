"""Who may see and change what. Every view and API endpoint gets its querysets from here.

Objects outside a user's scope are not found (404) rather than forbidden, so an outsider
cannot probe ids; actions their role may not perform at all are refused with 403.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import TYPE_CHECKING, Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, QuerySet
from django.http import HttpRequest, HttpResponse

from fazhi.accounts.models import Profile, Role

if TYPE_CHECKING:
    from fazhi.units.models import Jurisdiction


def profile_of(user: Any) -> Profile | None:
    if not user.is_authenticated:
        return None
    try:
        return user.profile
    except Profile.DoesNotExist:
        return None


def role_of(user: Any) -> str | None:
    if getattr(user, "is_superuser", False):
        return Role.OFFICE
    profile = profile_of(user)
    return profile.role if profile else None


def is_office(user: Any) -> bool:
    return role_of(user) == Role.OFFICE


def is_liaison(user: Any) -> bool:
    return role_of(user) == Role.LIAISON and not user.is_superuser


def jurisdiction_ids(user: Any) -> set[int] | None:
    """The jurisdictions a user sees: their own and everything below it; None means all."""
    if user.is_superuser:
        return None
    profile = profile_of(user)
    if profile is None:
        return set()
    cache = getattr(user, "_fazhi_jurisdiction_ids", None)
    if cache is None:
        cache = profile.jurisdiction.descendant_ids()
        user._fazhi_jurisdiction_ids = cache
    return cache


def home_jurisdiction(user: Any) -> Jurisdiction | None:
    """Where new plans and units of this office user go."""
    from fazhi.units.models import Jurisdiction

    profile = profile_of(user)
    if profile is not None:
        return profile.jurisdiction
    return Jurisdiction.objects.filter(parent__isnull=True).order_by("pk").first()


def _in_scope(qs: QuerySet, user: Any, field: str) -> QuerySet:
    ids = jurisdiction_ids(user)
    return qs if ids is None else qs.filter(**{f"{field}__in": ids})


def visible_units(user: Any) -> QuerySet:
    from fazhi.units.models import Unit

    qs = Unit.objects.all()
    if is_liaison(user):
        return qs.filter(pk=user.profile.unit_id)
    if role_of(user) is None:
        return qs.none()
    return _in_scope(qs, user, "jurisdiction")


def visible_groups(user: Any) -> QuerySet:
    from fazhi.units.models import UnitGroup

    if role_of(user) is None or is_liaison(user):
        return UnitGroup.objects.none()
    return _in_scope(UnitGroup.objects.all(), user, "jurisdiction")


def visible_assignments(user: Any) -> QuerySet:
    from fazhi.ledger.models import Assignment

    qs = Assignment.objects.all()
    if is_liaison(user):
        return qs.filter(unit_id=user.profile.unit_id)
    if role_of(user) is None:
        return qs.none()
    return _in_scope(qs, user, "task__plan__jurisdiction")


def visible_tasks(user: Any) -> QuerySet:
    from fazhi.ledger.models import Assignment, Task

    qs = Task.objects.all()
    if is_liaison(user):
        mine = Assignment.objects.filter(task=OuterRef("pk"), unit_id=user.profile.unit_id)
        return qs.filter(Exists(mine))
    if role_of(user) is None:
        return qs.none()
    return _in_scope(qs, user, "plan__jurisdiction")


def visible_plans(user: Any) -> QuerySet:
    from fazhi.ledger.models import Assignment
    from fazhi.plans.models import Plan

    qs = Plan.objects.all()
    if is_liaison(user):
        mine = Assignment.objects.filter(task__plan=OuterRef("pk"), unit_id=user.profile.unit_id)
        return qs.filter(Exists(mine))
    if role_of(user) is None:
        return qs.none()
    return _in_scope(qs, user, "jurisdiction")


def visible_import_jobs(user: Any) -> QuerySet:
    from fazhi.plans.models import ImportJob

    if not is_office(user):
        return ImportJob.objects.none()
    return _in_scope(ImportJob.objects.all(), user, "jurisdiction")


def office_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Only office staff may call this view (writes: import, dispatch, registry upkeep)."""

    @login_required
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not is_office(request.user):
            raise PermissionDenied("只有依法治办工作人员可以执行此操作")
        return view(request, *args, **kwargs)

    return wrapped


def member_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Any user with a role (office, leader, liaison, inspector) may call this view."""

    @login_required
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if role_of(request.user) is None:
            raise PermissionDenied("您的账号尚未分配角色，请联系依法治办")
        return view(request, *args, **kwargs)

    return wrapped


def context(request: HttpRequest) -> dict[str, Any]:
    """Template context: the user's role, for menus."""
    user = request.user
    role = role_of(user) if user.is_authenticated else None
    profile = profile_of(user) if user.is_authenticated else None
    return {
        "user_role": role,
        "user_is_office": role == Role.OFFICE,
        "user_is_liaison": user.is_authenticated and is_liaison(user),
        "user_profile": profile,
    }
