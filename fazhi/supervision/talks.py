"""The 约谈 list: units whose lateness calls for a talk with their head.

A unit is listed when, on a given day, it has at least FAZHI_TALK_OVERDUE_THRESHOLD overdue items
(open assignments past their deadline plus open rectification items past theirs), or at least
FAZHI_TALK_UNANSWERED_THRESHOLD unanswered 督办单 (no reply and the reply deadline has passed).
Three grouped queries, whatever the number of units.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import Count, QuerySet
from django.utils import timezone

from fazhi.ledger.status import Light, assignment_light_q


@dataclass
class TalkRow:
    unit: Any
    overdue_assignments: int
    overdue_rectifications: int
    unanswered_notices: int

    @property
    def overdue_items(self) -> int:
        return self.overdue_assignments + self.overdue_rectifications

    @property
    def reasons(self) -> list[str]:
        found = []
        if self.overdue_items >= settings.FAZHI_TALK_OVERDUE_THRESHOLD:
            found.append(f"逾期事项{self.overdue_items}项")
        if self.unanswered_notices >= settings.FAZHI_TALK_UNANSWERED_THRESHOLD:
            found.append(f"督办单逾期未回复{self.unanswered_notices}件")
        return found


def _by_unit(qs: QuerySet) -> dict[int, int]:
    return dict(qs.order_by().values("unit_id").annotate(n=Count("pk")).values_list("unit_id", "n"))


def talk_list(units: QuerySet, on: dt.date | None = None) -> list[TalkRow]:
    """The units (from a queryset already scoped by access helpers) that belong on the 约谈 list,
    most overdue first."""
    from fazhi.ledger.models import Assignment
    from fazhi.supervision.models import Notice, RectificationItem

    on = on or timezone.localdate()
    ids = units.values("pk")
    late = _by_unit(
        Assignment.objects.filter(unit__in=ids, task__plan__dispatched_at__isnull=False).filter(
            assignment_light_q(Light.OVERDUE, on)
        )
    )
    late_items = _by_unit(
        RectificationItem.objects.filter(unit__in=ids, deadline__lt=on).exclude(
            state=RectificationItem.State.CLOSED
        )
    )
    unanswered = _by_unit(Notice.objects.filter(unit__in=ids, state=Notice.State.OPEN, reply_deadline__lt=on))
    candidates = set(late) | set(late_items) | set(unanswered)
    rows = [
        TalkRow(unit, late.get(unit.pk, 0), late_items.get(unit.pk, 0), unanswered.get(unit.pk, 0))
        for unit in units.filter(pk__in=candidates).select_related("jurisdiction")
    ]
    rows = [row for row in rows if row.reasons]
    rows.sort(key=lambda r: (-r.overdue_items, -r.unanswered_notices, r.unit.name))
    return rows
