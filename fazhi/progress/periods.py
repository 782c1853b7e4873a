"""Reporting periods: monthly (2024-06), quarterly (2024-Q2) or once at completion (final)."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

FINAL = "final"


@dataclass(frozen=True)
class Period:
    key: str
    label: str
    start: dt.date | None
    end: dt.date | None


def _month(year: int, month: int) -> Period:
    last = calendar.monthrange(year, month)[1]
    return Period(
        f"{year}-{month:02d}", f"{year}年{month}月", dt.date(year, month, 1), dt.date(year, month, last)
    )


def _quarter(year: int, q: int) -> Period:
    first = 3 * (q - 1) + 1
    last_month = first + 2
    end = dt.date(year, last_month, calendar.monthrange(year, last_month)[1])
    return Period(f"{year}-Q{q}", f"{year}年第{'一二三四'[q - 1]}季度", dt.date(year, first, 1), end)


FINAL_PERIOD = Period(FINAL, "完成时报送", None, None)


def period_on(cycle: str, on: dt.date) -> Period:
    """The period of a cycle that contains the day `on`."""
    if cycle == "monthly":
        return _month(on.year, on.month)
    if cycle == "quarterly":
        return _quarter(on.year, (on.month - 1) // 3 + 1)
    return FINAL_PERIOD


def previous(cycle: str, period: Period) -> Period | None:
    """The period before `period` (None for the single at-completion period)."""
    if period.start is None:
        return None
    return period_on(cycle, period.start - dt.timedelta(days=1))


def choices(cycle: str, on: dt.date) -> list[Period]:
    """The periods a report may be filed for on `on`: the current one and the one before."""
    current = period_on(cycle, on)
    before = previous(cycle, current)
    return [current] + ([before] if before else [])


def label_of(key: str) -> str:
    """The Chinese label of a period key (the key itself when it is not one)."""
    if key == FINAL:
        return FINAL_PERIOD.label
    try:
        year_s, rest = key.split("-", 1)
        year = int(year_s)
        if rest.startswith("Q"):
            return _quarter(year, int(rest[1:])).label
        return _month(year, int(rest)).label
    except (ValueError, IndexError):
        return key
