"""The platform's working-day calendar: fazhi.workdays plus the office's HolidayOverride rows.

`platform_calendar()` is what every deadline computation in the platform uses. It is built once
per process and kept for FAZHI_CALENDAR_CACHE_SECONDS; saving or deleting an override drops the
copy of the process that made the change at once (other processes, e.g. Celery workers, pick the
change up when their copy expires).
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Iterable

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from fazhi.workdays import Calendar, Override

_lock = threading.Lock()
_cached: tuple[float, Calendar] | None = None


def platform_calendar() -> Calendar:
    """The statutory calendar with the office's entries winning over the libraries (cached)."""
    global _cached
    cached = _cached
    now = time.monotonic()
    if cached is not None and now - cached[0] < settings.FAZHI_CALENDAR_CACHE_SECONDS:
        return cached[1]
    from fazhi.supervision.models import HolidayOverride

    with _lock:
        rows = HolidayOverride.objects.values_list("date", "kind", "note")
        calendar = Calendar(overrides=[Override(date, kind, note) for date, kind, note in rows])
        _cached = (now, calendar)
    return calendar


def invalidate_calendar() -> None:
    """Forget this process's copy; the next `platform_calendar()` reads the database again."""
    global _cached
    _cached = None


def coverage_warnings(days: Iterable[dt.date | None]) -> list[str]:
    """The UncoveredYearError messages for these days (deadlines), one per uncovered year.

    Shown as a warning banner wherever such a deadline is displayed or computed: a date in a
    year nobody has entered is never a silently wrong answer.
    """
    calendar = platform_calendar()
    messages: dict[int, str] = {}
    for day in {d for d in days if d is not None}:
        for warning in calendar.is_workday(day, strict=False).warnings:
            messages.setdefault(warning.year, warning.message)
    return [messages[year] for year in sorted(messages)]


@receiver(post_save, sender="supervision.HolidayOverride")
@receiver(post_delete, sender="supervision.HolidayOverride")
def _override_changed(**kwargs: object) -> None:
    invalidate_calendar()
    # Again after commit: a reader between the write and the commit may have cached the old rows.
    transaction.on_commit(invalidate_calendar)
