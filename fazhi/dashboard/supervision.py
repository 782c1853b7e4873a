"""Supervision figures of the dashboards: open 督办单 (notices) and 整改 (rectification items).

The supervision app is built alongside the dashboard, so everything here imports it lazily: when
its models are missing the figures come back empty with `available=False`, and the dashboards
keep working. Querysets come from `fazhi.supervision.access` (or, before it exists, from the
assignments and units `fazhi.accounts.access` lets the user see).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.urls import NoReverseMatch, reverse

from fazhi.accounts import access

# The open items listed on a dashboard, most urgent first; the rest are one link away.
LIST_SIZE = 10


def _models() -> tuple[Any, Any] | None:
    """(Notice, RectificationItem), or None while the supervision app has no models."""
    try:
        from fazhi.supervision.models import Notice, RectificationItem
    except ImportError:
        return None
    return Notice, RectificationItem


def _url(name: str, *args: Any, query: str = "") -> str:
    """A supervision page's URL, or "" while that page does not exist yet."""
    try:
        url = reverse(name, args=args)
    except NoReverseMatch:
        return ""
    return f"{url}?{query}" if query else url


def _notices(user: Any) -> QuerySet:
    try:
        from fazhi.supervision.access import visible_notices
    except ImportError:  # until the supervision app has its access helpers
        from fazhi.supervision.models import Notice

        return Notice.objects.filter(assignment__in=access.visible_assignments(user).values("pk"))
    return visible_notices(user)


def _rectifications(user: Any) -> QuerySet:
    try:
        from fazhi.supervision.access import visible_rectifications
    except ImportError:
        from fazhi.supervision.models import RectificationItem

        return RectificationItem.objects.filter(unit__in=access.visible_units(user).values("pk"))
    return visible_rectifications(user)


@dataclass(frozen=True)
class OpenItem:
    """One open notice or rectification item, for the lists on the dashboards."""

    kind: str  # "notice" or "rectification"
    label: str  # 督办〔2024〕3号 / the finding
    unit_id: int
    unit_name: str
    state: str
    state_label: str
    deadline: dt.date
    days_left: int  # negative: days late
    url: str


@dataclass(frozen=True)
class SupervisionFigures:
    """Open 督办单 and 整改 within a user's scope."""

    available: bool = False
    notices_awaiting_reply: int = 0  # 待回复
    notices_reply_late: int = 0  # 待回复 and the reply deadline has passed
    notices_awaiting_close: int = 0  # 已回复, not yet 办结
    notices_url: str = ""
    rectifications_open: int = 0  # 整改中
    rectifications_late: int = 0  # 整改中 and past the deadline
    rectifications_submitted: int = 0  # 待销号
    rectifications_url: str = ""
    items: list[OpenItem] = field(default_factory=list)  # the most urgent open items

    @property
    def open_notices(self) -> int:
        return self.notices_awaiting_reply + self.notices_awaiting_close

    @property
    def open_rectifications(self) -> int:
        return self.rectifications_open + self.rectifications_submitted


def _notice_item(n: Any, on: dt.date) -> OpenItem:
    return OpenItem(
        kind="notice",
        label=n.code,
        unit_id=n.unit_id,
        unit_name=n.unit.name,
        state=n.state,
        state_label=n.get_state_display(),
        deadline=n.reply_deadline,
        days_left=(n.reply_deadline - on).days,
        url=_url("notice-detail", n.pk) or reverse("task-detail", args=[n.assignment.task_id]),
    )


def _rectification_item(r: Any, on: dt.date) -> OpenItem:
    return OpenItem(
        kind="rectification",
        label=r.finding.text[:60],
        unit_id=r.unit_id,
        unit_name=r.unit.name,
        state=r.state,
        state_label=r.get_state_display(),
        deadline=r.deadline,
        days_left=(r.deadline - on).days,
        url=_url("rectification-detail", r.pk),
    )


def supervision_figures(user: Any, on: dt.date) -> SupervisionFigures:
    """Counts of open notices and rectification items (two queries) and the most urgent of each
    (two queries), within what `user` may see."""
    models = _models()
    if models is None:
        return SupervisionFigures()
    Notice, Rect = models
    notices = _notices(user)
    n = notices.aggregate(
        awaiting_reply=Count("pk", filter=Q(state=Notice.State.OPEN)),
        reply_late=Count("pk", filter=Q(state=Notice.State.OPEN, reply_deadline__lt=on)),
        awaiting_close=Count("pk", filter=Q(state=Notice.State.REPLIED)),
    )
    rects = _rectifications(user)
    r = rects.aggregate(
        open=Count("pk", filter=Q(state=Rect.State.OPEN)),
        late=Count("pk", filter=Q(state=Rect.State.OPEN, deadline__lt=on)),
        submitted=Count("pk", filter=Q(state=Rect.State.SUBMITTED)),
    )
    open_notices = (
        notices.filter(state=Notice.State.OPEN)
        .select_related("unit", "assignment")
        .order_by("reply_deadline", "pk")[:LIST_SIZE]
    )
    open_rects = (
        rects.filter(state=Rect.State.OPEN)
        .select_related("unit", "finding")
        .order_by("deadline", "pk")[:LIST_SIZE]
    )
    items = [_notice_item(x, on) for x in open_notices] + [_rectification_item(x, on) for x in open_rects]
    items.sort(key=lambda item: (item.deadline, item.kind))
    return SupervisionFigures(
        available=True,
        notices_awaiting_reply=n["awaiting_reply"],
        notices_reply_late=n["reply_late"],
        notices_awaiting_close=n["awaiting_close"],
        notices_url=_url("notice-list"),
        rectifications_open=r["open"],
        rectifications_late=r["late"],
        rectifications_submitted=r["submitted"],
        rectifications_url=_url("rectification-list"),
        items=items,
    )


@dataclass(frozen=True)
class UnitSupervision:
    """What a unit must answer: notices awaiting its reply, rectification items still open."""

    available: bool = False
    items: list[OpenItem] = field(default_factory=list)


def unit_supervision(user: Any, unit: Any, on: dt.date) -> UnitSupervision:
    """The unit's notices awaiting a reply and its open rectification items, earliest deadline
    first (two queries; all of them: a unit's open items are few)."""
    models = _models()
    if models is None:
        return UnitSupervision()
    Notice, Rect = models
    notices = (
        _notices(user)
        .filter(unit=unit, state=Notice.State.OPEN)
        .select_related("unit", "assignment")
        .order_by("reply_deadline", "pk")
    )
    rects = (
        _rectifications(user)
        .filter(unit=unit, state=Rect.State.OPEN)
        .select_related("unit", "finding")
        .order_by("deadline", "pk")
    )
    items = [_notice_item(x, on) for x in notices] + [_rectification_item(x, on) for x in rects]
    items.sort(key=lambda item: (item.deadline, item.kind))
    return UnitSupervision(available=True, items=items)
