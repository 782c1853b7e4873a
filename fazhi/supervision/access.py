"""Who may see and change supervision objects, on top of fazhi.accounts.access.

Every supervision view and endpoint takes its querysets from here. As elsewhere, objects outside
a user's scope are not found (404) and actions a role may not perform are refused (403):

| object            | sees                                                     | changes                       |
|-------------------|----------------------------------------------------------|-------------------------------|
| 督办单 Notice      | office/leader/inspector: their jurisdictions; liaison: own unit | office issues and closes; the unit's liaison replies |
| 督察 Inspection    | office, leader, inspector (jurisdictions); liaisons: 403 | office creates; office and inspectors record findings |
| 整改 item          | office/leader/inspector: jurisdictions; liaison: own unit | the unit's liaison submits; office closes (销号) or returns |
| notification      | its user, or every liaison of its unit                   | the same people mark it read  |
| holiday overrides | office                                                   | office                        |
| 约谈 list          | office, leader                                           | —                             |
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse

from fazhi.accounts.access import is_liaison, jurisdiction_ids, profile_of, role_of
from fazhi.accounts.models import Role

SUPERVISORS = (Role.OFFICE, Role.LEADER, Role.INSPECTOR)


def _scoped(qs: QuerySet, user: Any, field: str) -> QuerySet:
    ids = jurisdiction_ids(user)
    return qs if ids is None else qs.filter(**{f"{field}__in": ids})


def _unit_id(user: Any) -> int | None:
    profile = profile_of(user)
    return profile.unit_id if profile else None


def visible_notices(user: Any) -> QuerySet:
    from fazhi.supervision.models import Notice

    qs = Notice.objects.all()
    if is_liaison(user):
        return qs.filter(unit_id=_unit_id(user))
    if role_of(user) is None:
        return qs.none()
    return _scoped(qs, user, "jurisdiction")


def visible_inspections(user: Any) -> QuerySet:
    from fazhi.supervision.models import Inspection

    if role_of(user) not in SUPERVISORS:
        return Inspection.objects.none()
    return _scoped(Inspection.objects.all(), user, "jurisdiction")


def visible_findings(user: Any) -> QuerySet:
    from fazhi.supervision.models import Finding

    if role_of(user) not in SUPERVISORS:
        return Finding.objects.none()
    return _scoped(Finding.objects.all(), user, "inspection__jurisdiction")


def visible_rectifications(user: Any) -> QuerySet:
    from fazhi.supervision.models import RectificationItem

    qs = RectificationItem.objects.all()
    if is_liaison(user):
        return qs.filter(unit_id=_unit_id(user))
    if role_of(user) is None:
        return qs.none()
    return _scoped(qs, user, "finding__inspection__jurisdiction")


def visible_notice_replies(user: Any) -> QuerySet:
    from fazhi.supervision.models import NoticeReply

    return NoticeReply.objects.filter(notice__in=visible_notices(user).values("pk"))


def visible_notifications(user: Any) -> QuerySet:
    """A user's own notifications and, for a liaison, those addressed to their unit."""
    from fazhi.supervision.models import Notification

    if not user.is_authenticated:
        return Notification.objects.none()
    mine = Q(recipient_user=user)
    if is_liaison(user):
        mine |= Q(recipient_unit_id=_unit_id(user))
    return Notification.objects.filter(mine)


def can_reply(user: Any, unit_id: int) -> bool:
    """Only a liaison of the unit answers its 督办单 and 整改 items."""
    return is_liaison(user) and _unit_id(user) == unit_id


def can_record_findings(user: Any) -> bool:
    return role_of(user) in (Role.OFFICE, Role.INSPECTOR)


def roles_required(*roles: str) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """Only users with one of `roles` may call the view (others: 403, anonymous: login)."""

    def decorate(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @login_required
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if role_of(request.user) not in roles:
                raise PermissionDenied("您的角色无权访问此页面")
            return view(request, *args, **kwargs)

        return wrapped

    return decorate
