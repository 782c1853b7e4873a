"""Traffic-light status of tasks and assignments, with display colours, in one place."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone


class Light(models.TextChoices):
    PENDING = "pending", "待下发"
    ON_TRACK = "on_track", "正常推进"
    DUE_SOON = "due_soon", "即将到期"
    OVERDUE = "overdue", "已逾期"
    DONE = "done", "已完成"


COLOURS = {
    Light.PENDING: "#8c8c8c",
    Light.ON_TRACK: "#2e9e44",
    Light.DUE_SOON: "#d89614",
    Light.OVERDUE: "#cf1322",
    Light.DONE: "#1d5fbf",
}


def today() -> dt.date:
    return timezone.localdate()


def light_for(*, dispatched: bool, done: bool, deadline: dt.date | None, on: dt.date | None = None) -> Light:
    """The light of one task or assignment on a given day (today by default)."""
    on = on or today()
    if done:
        return Light.DONE
    if not dispatched:
        return Light.PENDING
    if deadline is None:
        return Light.ON_TRACK
    if deadline < on:
        return Light.OVERDUE
    if deadline <= on + dt.timedelta(days=settings.FAZHI_DUE_SOON_DAYS):
        return Light.DUE_SOON
    return Light.ON_TRACK


def task_light_q(light: str, on: dt.date | None = None) -> Q:
    """The same rule as `light_for`, as a filter on ledger.Task, for list pages."""
    on = on or today()
    soon = on + dt.timedelta(days=settings.FAZHI_DUE_SOON_DAYS)
    dispatched = Q(plan__dispatched_at__isnull=False)
    open_ = Q(done_at__isnull=True)
    match light:
        case Light.DONE:
            return Q(done_at__isnull=False)
        case Light.PENDING:
            return open_ & ~dispatched
        case Light.OVERDUE:
            return open_ & dispatched & Q(deadline__lt=on)
        case Light.DUE_SOON:
            return open_ & dispatched & Q(deadline__gte=on, deadline__lte=soon)
        case Light.ON_TRACK:
            return open_ & dispatched & (Q(deadline__isnull=True) | Q(deadline__gt=soon))
    raise ValueError(light)
