"""Celery tasks of supervision. They take plain values; the work is in reminders.py."""

from __future__ import annotations

import datetime as dt
import logging

from celery import shared_task

from fazhi.supervision.reminders import send_reminders

log = logging.getLogger(__name__)


@shared_task
def send_reminders_task(on: str | None = None) -> dict[str, object]:
    """The daily reminder job (Celery beat); `on` is an ISO date, today by default."""
    run = send_reminders(dt.date.fromisoformat(on) if on else None)
    # Logged at WARNING so a worker's default log level shows what each run claimed.
    log.warning("send_reminders %s claimed=%d already_claimed=%d", run.day, run.claimed, run.already_claimed)
    return {"day": run.day.isoformat(), "claimed": run.claimed, "already_claimed": run.already_claimed}
