"""Deadline reminders: a plain function, called by Celery beat, `manage.py send_reminders` and tests.

Rules (working days on the platform calendar; reminders go out on working days only):

- ``before_N``: exactly N working days remain until an open assignment's deadline, for each N
  in FAZHI_REMINDER_WORKDAYS_BEFORE (default 3, 1, 0 — 0 is the deadline day itself);
- ``overdue``: the first working day after the deadline, then every
  FAZHI_OVERDUE_REMINDER_EVERY_WORKDAYS working days while the assignment stays open.

Idempotence: each reminder is claimed by inserting ReminderLog(assignment, rule, day), which has
a unique constraint, in the same transaction as its in-app notification. A second run on the same
day — or another worker running at the same moment — fails to insert (PostgreSQL makes it wait
for the first transaction, then reports the conflict) and sends nothing. Email and the webhook
digest go out only for the reminders this run claimed, after they are committed.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from fazhi.supervision.models import Notification, ReminderLog
from fazhi.supervision.notify import post_webhook, send_email
from fazhi.supervision.workcalendar import platform_calendar
from fazhi.workdays import Calendar

log = logging.getLogger(__name__)

OVERDUE = "overdue"


@dataclass
class ReminderRun:
    """What one run did: reminders it claimed and sent, and those another run had claimed."""

    day: dt.date
    claimed: int = 0
    already_claimed: int = 0
    skipped_day_off: bool = False
    warnings: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        if self.skipped_day_off:
            return f"{self.day}: 非工作日，不发送提醒"
        return f"{self.day}: 发送 {self.claimed} 条提醒，{self.already_claimed} 条此前已发送"


def rule_for(deadline: dt.date, on: dt.date, calendar: Calendar) -> str | None:
    """The reminder rule an open assignment due on `deadline` meets on working day `on`, if any."""
    if deadline < on:
        overdue_by = calendar.workdays_between(deadline, on, strict=False).value
        every = max(1, settings.FAZHI_OVERDUE_REMINDER_EVERY_WORKDAYS)
        return OVERDUE if overdue_by >= 1 and (overdue_by - 1) % every == 0 else None
    remaining = calendar.workdays_between(on, deadline, strict=False).value
    return f"before_{remaining}" if remaining in settings.FAZHI_REMINDER_WORKDAYS_BEFORE else None


def _text(assignment: object, rule: str, on: dt.date) -> tuple[str, str]:
    task = assignment.task  # type: ignore[attr-defined]
    deadline = assignment.deadline  # type: ignore[attr-defined]
    title = f"{task.number}. {task.display_title}"
    if rule == OVERDUE:
        kind = Notification.Kind.OVERDUE
        text = f"任务“{title}”已于{deadline:%Y年%m月%d日}到期，尚未完成，请尽快办理并报送进展。"
    elif rule == "before_0":
        kind = Notification.Kind.DUE_SOON
        text = f"任务“{title}”今天（{deadline:%Y年%m月%d日}）到期，请按时完成并报送进展。"
    else:
        kind = Notification.Kind.DUE_SOON
        n = rule.removeprefix("before_")
        text = f"任务“{title}”将于{deadline:%Y年%m月%d日}到期（还剩{n}个工作日），请按时完成。"
    return kind, text


def _claim(assignment: object, rule: str, on: dt.date) -> Notification | None:
    """Insert the claim and the in-app notification together; None when already claimed."""
    kind, text = _text(assignment, rule, on)
    try:
        with transaction.atomic():
            ReminderLog.objects.create(assignment=assignment, rule=rule, day=on)
            return Notification.objects.create(
                recipient_unit_id=assignment.unit_id,  # type: ignore[attr-defined]
                kind=kind,
                text=text,
                link=reverse("task-detail", args=[assignment.task_id]),  # type: ignore[attr-defined]
            )
    except IntegrityError:
        return None


def due_assignments(on: dt.date, calendar: Calendar):  # type: ignore[no-untyped-def]
    """Open assignments of dispatched plans that may meet a rule on `on` (overdue or due soon)."""
    from fazhi.ledger.models import Assignment

    horizon = max(settings.FAZHI_REMINDER_WORKDAYS_BEFORE, default=0)
    until = calendar.add_workdays(on, horizon, strict=False).value
    return (
        Assignment.objects.filter(
            done_at__isnull=True,
            task__done_at__isnull=True,
            task__plan__dispatched_at__isnull=False,
            deadline__isnull=False,
            deadline__lte=until,
        )
        .select_related("task", "unit")
        .order_by("deadline", "pk")
    )


def send_reminders(on: dt.date | None = None) -> ReminderRun:
    """Send today's (or `on`'s) reminders; safe to run any number of times, anywhere at once."""
    on = on or timezone.localdate()
    calendar = platform_calendar()
    run = ReminderRun(day=on)
    worked = calendar.is_workday(on, strict=False)
    run.warnings = [w.message for w in worked.warnings]
    if not worked.value:
        run.skipped_day_off = True
        return run
    rules: dict[dt.date, str | None] = {}  # many assignments share a deadline
    claimed: list[Notification] = []
    for assignment in due_assignments(on, calendar):
        deadline = assignment.deadline
        if deadline not in rules:
            rules[deadline] = rule_for(deadline, on, calendar)
        rule = rules[deadline]
        if rule is None:
            continue
        notification = _claim(assignment, rule, on)
        if notification is None:
            run.already_claimed += 1
        else:
            run.claimed += 1
            claimed.append(notification)
    _send_copies(claimed)
    log.info("send_reminders %s", run)
    return run


def _send_copies(claimed: list[Notification]) -> None:
    """Email each unit its reminders, and one digest to the group robot (if configured)."""
    by_unit: dict[int, list[str]] = {}
    for notification in claimed:
        by_unit.setdefault(notification.recipient_unit_id, []).append(notification.text)
    for unit_id, texts in by_unit.items():
        send_email("【依法治区工作平台】任务到期提醒", "\n\n".join(texts), unit_ids=[unit_id])
    if claimed and settings.FAZHI_WEBHOOK_URL:
        from fazhi.units.models import Unit

        names = dict(Unit.objects.filter(pk__in=by_unit).values_list("pk", "name"))
        lines = [f"{names.get(unit_id, '')}：{text}" for unit_id, texts in by_unit.items() for text in texts]
        post_webhook(f"任务到期提醒（{len(claimed)}条）\n" + "\n".join(lines))
