"""Working-day arithmetic on the Chinese statutory calendar (法定节假日 and 调休 make-up working days).

Pure Python: never import Django here. The platform reads the office's overrides from its database
and passes them in; everything below is a function of its arguments.

Sources, per year (see docs/workdays.md)
----------------------------------------
1. **Office overrides** (`Override`: a date, "holiday" or "workday", a note) always win. Entering
   any override for a year, or naming the year in `covered_years`, marks that year as covered.
2. **chinesecalendar** is authoritative for every year it ships (2004–2026 in 1.11): a table
   transcribed from the State Council's yearly 放假安排 notices, with the 调休 working weekends
   listed explicitly, and it refuses years it does not know instead of guessing.
3. **python-holidays** (CN) is used only for years its static table of announced 调休 pairs holds
   and chinesecalendar does not (2001–2003 today; a future year if it is updated first). Its
   rule-based answers for unannounced years are never used: for 2027 it invents a 春节 with no
   make-up working days.
4. A year none of these covers has no answer: strict calls raise `UncoveredYearError`; lenient
   calls (``strict=False``) assume Monday–Friday working and return the warning with the result.

The last days of December (from 12月29日) also depend on the *next* year's notice: 调休 for 元旦
has made 2018-12-29 (Saturday) a working day and 2018-12-31 (Monday) a holiday. Such a date counts
as covered only when the next year is covered too (or the office entered that date itself).

Public API
----------
- `Calendar(overrides=(), covered_years=())`, with ``is_workday``, ``next_workday``,
  ``add_workdays``, ``workdays_between``, ``add_days`` and ``due_status``. Each takes
  ``strict=True`` (returns the plain value or raises `UncoveredYearError`) or ``strict=False``
  (returns `Checked(value, warnings)`, a named tuple, so ``day, warnings = ...`` works).
- `Status`: the traffic light, with its Chinese label and colour in one place.
- `library_source(year)`: which library answers for a year, or None.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Generic, Literal, NamedTuple, TypeVar, overload

from chinese_calendar import constants as _cc_constants
from holidays.countries import china as _ph_china

__all__ = [
    "Calendar",
    "Checked",
    "CoverageWarning",
    "Override",
    "OverrideKind",
    "Source",
    "Status",
    "UncoveredYearError",
    "library_source",
]

T = TypeVar("T")

OverrideKind = Literal["holiday", "workday"]
Source = Literal["chinesecalendar", "python-holidays", "office"]
Unit = Literal["calendar", "workday"]

# From this day of December on, whether a day is worked can depend on the next year's notice
# (元旦 调休). Every such case since 2001 fell on 12-29..12-31: 2001-12-29/30, 2005-12-31,
# 2006-12-30/31, 2007-12-29/31, 2011-12-31, 2018-12-29/31.
YEAR_END_WINDOW_START = (12, 29)


# --------------------------------------------------------------------------------------------
# Library layer


def _chinesecalendar_years() -> frozenset[int]:
    # chinesecalendar validates a date against the span of its holiday table's years.
    known = list(_cc_constants.holidays)
    return frozenset(range(min(known).year, max(known).year + 1)) if known else frozenset()


def _python_holidays_announced_years() -> frozenset[int]:
    # The years whose 调休 pairs python-holidays transcribed from a notice. Any other year it
    # answers from rules (weekend holidays moved to Monday), which is not the Chinese practice.
    # getattr: should a future release move the table, python-holidays just stops covering years.
    static = getattr(_ph_china, "ChinaStaticHolidays", None)
    table = getattr(static, "special_public_holidays", {})
    return frozenset(int(year) for year in table)


CHINESECALENDAR_YEARS = _chinesecalendar_years()
PYTHON_HOLIDAYS_YEARS = _python_holidays_announced_years()


def library_source(year: int) -> Literal["chinesecalendar", "python-holidays"] | None:
    """The library authoritative for `year`, or None when no library knows its notice."""
    if year in CHINESECALENDAR_YEARS:
        return "chinesecalendar"
    if year in PYTHON_HOLIDAYS_YEARS:
        return "python-holidays"
    return None


@functools.cache
def _python_holidays_for(year: int) -> _ph_china.China:
    return _ph_china.China(years=year)  # type: ignore[no-untyped-call]


def _library_is_workday(day: dt.date, years: frozenset[int]) -> bool | None:
    """The libraries' answer for `day`, `years` being the notices it depends on; None if unknown.

    1. The first library (chinesecalendar, then python-holidays) that knows all of `years`.
    2. Else the first that knows the day's own year (the office must cover the rest).
    """
    for wanted in (years, frozenset({day.year})):
        if wanted <= CHINESECALENDAR_YEARS:
            # chinese_calendar.is_workday's own rule, minus its range check (a scan of the whole
            # table on every call, which made counting about ten times slower).
            return day in _cc_constants.workdays or (day.weekday() < 5 and day not in _cc_constants.holidays)
        if wanted <= PYTHON_HOLIDAYS_YEARS:
            return _python_holidays_for(day.year).is_working_day(day)
    return None


# --------------------------------------------------------------------------------------------
# Values


@dataclass(frozen=True)
class Override:
    """An office's entry for one day; it wins over the libraries. `note` says why (e.g. 2027年春节)."""

    date: dt.date
    kind: OverrideKind
    note: str = ""

    def __post_init__(self) -> None:
        if self.kind not in ("holiday", "workday"):
            raise ValueError(f"override kind must be 'holiday' or 'workday', not {self.kind!r}")
        if isinstance(self.date, dt.datetime):
            object.__setattr__(self, "date", self.date.date())


def _uncovered_message(year: int, day: dt.date | None = None) -> str:
    message = f"{year}年的法定节假日安排尚未录入，请在系统中录入当年放假和调休安排"
    if day is not None and day.year != year:
        message += f"（{day.year}年{day.month}月{day.day}日是否上班取决于{year}年的元旦放假安排）"
    return message


class UncoveredYearError(LookupError):
    """A computation needed a year whose 放假安排 nobody has entered (no library, no office entry)."""

    def __init__(self, year: int, day: dt.date | None = None) -> None:
        self.year = year
        self.day = day
        super().__init__(_uncovered_message(year, day))


@dataclass(frozen=True)
class CoverageWarning:
    """A lenient result assumed Monday–Friday working for `year`: show `message` to the user."""

    year: int
    message: str

    def __str__(self) -> str:
        return self.message


class Checked(NamedTuple, Generic[T]):
    """A lenient result: the value and the warnings (empty when every year needed was covered)."""

    value: T
    warnings: tuple[CoverageWarning, ...]

    @property
    def ok(self) -> bool:
        return not self.warnings


class Status(StrEnum):
    """Traffic light of an assignment or a 督办 item; label and colour live in `_STATUS_STYLE`."""

    GREEN = "green"
    YELLOW = "yellow"
    RED = "red"
    DONE_ON_TIME = "done_on_time"
    DONE_LATE = "done_late"

    @property
    def label(self) -> str:
        return _STATUS_STYLE[self][0]

    @property
    def colour(self) -> str:
        return _STATUS_STYLE[self][1]

    @property
    def is_done(self) -> bool:
        return self in (Status.DONE_ON_TIME, Status.DONE_LATE)

    @classmethod
    def choices(cls) -> list[tuple[str, str]]:
        """(value, label) pairs, the shape Django model and form choices take."""
        return [(status.value, status.label) for status in cls]


# The one place the platform's status labels and colours are defined.
_STATUS_STYLE: dict[Status, tuple[str, str]] = {
    Status.GREEN: ("正常", "#2e7d32"),
    Status.YELLOW: ("临期", "#f9a825"),
    Status.RED: ("逾期", "#c62828"),
    Status.DONE_ON_TIME: ("按期完成", "#1565c0"),
    Status.DONE_LATE: ("逾期完成", "#8d6e63"),
}


# --------------------------------------------------------------------------------------------
# Calendar

# Years found uncovered during one lenient call, each with the first day that needed it.
_Missing = dict[int, dt.date]


def _as_date(value: dt.date) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if not isinstance(value, dt.date):
        raise TypeError(f"expected a date, got {type(value).__name__}")
    return value


def _required_years(day: dt.date) -> frozenset[int]:
    if (day.month, day.day) >= YEAR_END_WINDOW_START:
        return frozenset({day.year, day.year + 1})
    return frozenset({day.year})


_ONE_DAY = dt.timedelta(days=1)


class Calendar:
    """The statutory calendar as one office sees it: the libraries plus the office's overrides.

    `overrides` win over the libraries and mark their years as covered; `covered_years` marks
    years as covered without entries (an office that entered a year's notice as overrides of
    only the weekdays that change may list the year here too). Conflicting overrides for one
    date are refused. Instances are immutable and safe to share between threads.
    """

    def __init__(self, overrides: Iterable[Override] = (), covered_years: Iterable[int] = ()) -> None:
        by_date: dict[dt.date, Override] = {}
        for override in overrides:
            previous = by_date.get(override.date)
            if previous is not None and previous.kind != override.kind:
                raise ValueError(
                    f"conflicting overrides for {override.date.isoformat()}: {previous.kind} and {override.kind}"
                )
            by_date[override.date] = override
        self._overrides = by_date
        self._office_years = frozenset(covered_years) | {day.year for day in by_date}

    # ---- coverage

    @property
    def overrides(self) -> tuple[Override, ...]:
        return tuple(sorted(self._overrides.values(), key=lambda o: o.date))

    def source_of(self, year: int) -> Source | None:
        """Who answers for `year`: a library, else the office, else nobody (None).

        A library year may also carry office overrides; they still win day by day.
        """
        return library_source(year) or ("office" if year in self._office_years else None)

    def covers_year(self, year: int) -> bool:
        return self.source_of(year) is not None

    # ---- public API (strict returns the value, lenient returns Checked)

    @overload
    def is_workday(self, day: dt.date, *, strict: Literal[True] = ...) -> bool: ...
    @overload
    def is_workday(self, day: dt.date, *, strict: Literal[False]) -> Checked[bool]: ...
    @overload
    def is_workday(self, day: dt.date, *, strict: bool) -> bool | Checked[bool]: ...
    def is_workday(self, day: dt.date, *, strict: bool = True) -> bool | Checked[bool]:
        """Whether `day` is a working day (调休 weekends included, statutory holidays excluded)."""
        day = _as_date(day)
        return self._run(lambda missing: self._is_workday(day, missing), strict)

    @overload
    def next_workday(self, day: dt.date, *, strict: Literal[True] = ...) -> dt.date: ...
    @overload
    def next_workday(self, day: dt.date, *, strict: Literal[False]) -> Checked[dt.date]: ...
    @overload
    def next_workday(self, day: dt.date, *, strict: bool) -> dt.date | Checked[dt.date]: ...
    def next_workday(self, day: dt.date, *, strict: bool = True) -> dt.date | Checked[dt.date]:
        """The first working day ON OR AFTER `day` (`day` itself when it is worked).

        For the first working day strictly after `day`, use ``add_workdays(day, 1)``.
        """
        day = _as_date(day)
        return self._run(lambda missing: self._next_workday(day, missing), strict)

    @overload
    def add_workdays(self, day: dt.date, n: int, *, strict: Literal[True] = ...) -> dt.date: ...
    @overload
    def add_workdays(self, day: dt.date, n: int, *, strict: Literal[False]) -> Checked[dt.date]: ...
    @overload
    def add_workdays(self, day: dt.date, n: int, *, strict: bool) -> dt.date | Checked[dt.date]: ...
    def add_workdays(self, day: dt.date, n: int, *, strict: bool = True) -> dt.date | Checked[dt.date]:
        """The `n`-th working day after `day` (before it when `n` < 0); `day` itself never counts.

        "7个工作日内" from 2024-09-27 ends on ``add_workdays(2024-09-27, 7)`` = 2024-10-12: the
        start day is not counted, 9月29日(日) and 10月12日(六) are 调休 working days and 10月1–7日
        are not. ``n == 0`` returns `day` unchanged, worked or not.
        """
        day = _as_date(day)
        return self._run(lambda missing: self._add_workdays(day, n, missing), strict)

    @overload
    def workdays_between(self, start: dt.date, end: dt.date, *, strict: Literal[True] = ...) -> int: ...
    @overload
    def workdays_between(self, start: dt.date, end: dt.date, *, strict: Literal[False]) -> Checked[int]: ...
    @overload
    def workdays_between(self, start: dt.date, end: dt.date, *, strict: bool) -> int | Checked[int]: ...
    def workdays_between(self, start: dt.date, end: dt.date, *, strict: bool = True) -> int | Checked[int]:
        """Working days met walking from `start` to `end`: `start` not counted, `end` counted.

        Negative when `end` is before `start` (then the days counted are ``end <= d < start``), so
        that ``workdays_between(d, add_workdays(d, n)) == n`` for every `n`. Not antisymmetric:
        ``workdays_between(a, b)`` and ``-workdays_between(b, a)`` differ when exactly one of
        `a` and `b` is a working day.
        """
        start, end = _as_date(start), _as_date(end)
        return self._run(lambda missing: self._workdays_between(start, end, missing), strict)

    @overload
    def add_days(
        self,
        day: dt.date,
        n: int,
        unit: Unit = ...,
        *,
        roll_forward: bool = ...,
        strict: Literal[True] = ...,
    ) -> dt.date: ...
    @overload
    def add_days(
        self, day: dt.date, n: int, unit: Unit = ..., *, roll_forward: bool = ..., strict: Literal[False]
    ) -> Checked[dt.date]: ...
    @overload
    def add_days(
        self, day: dt.date, n: int, unit: Unit = ..., *, roll_forward: bool = ..., strict: bool
    ) -> dt.date | Checked[dt.date]: ...
    def add_days(
        self,
        day: dt.date,
        n: int,
        unit: Unit = "calendar",
        *,
        roll_forward: bool = False,
        strict: bool = True,
    ) -> dt.date | Checked[dt.date]:
        """A deadline `n` days after `day`, counted in calendar days or working days.

        `unit` "workday" is `add_workdays`. With "calendar", `roll_forward=True` moves a result
        that falls on a non-working day to the next working day, as statutory periods do
        (民事诉讼法: 期间届满的最后一日是法定休假日的,以法定休假日后的第一日为期间届满的日期).
        Plain calendar arithmetic needs no calendar coverage and never warns.
        """
        day = _as_date(day)
        if unit == "workday":
            return self.add_workdays(day, n, strict=strict)
        if unit != "calendar":
            raise ValueError(f"unit must be 'calendar' or 'workday', not {unit!r}")
        end = day + dt.timedelta(days=n)
        if roll_forward:
            return self.next_workday(end, strict=strict)
        return end if strict else Checked(end, ())

    @overload
    def due_status(
        self,
        deadline: dt.date,
        today: dt.date,
        done_on: dt.date | None = ...,
        warn_workdays: int = ...,
        *,
        strict: Literal[True] = ...,
    ) -> Status: ...
    @overload
    def due_status(
        self,
        deadline: dt.date,
        today: dt.date,
        done_on: dt.date | None = ...,
        warn_workdays: int = ...,
        *,
        strict: Literal[False],
    ) -> Checked[Status]: ...
    @overload
    def due_status(
        self,
        deadline: dt.date,
        today: dt.date,
        done_on: dt.date | None = ...,
        warn_workdays: int = ...,
        *,
        strict: bool,
    ) -> Status | Checked[Status]: ...
    def due_status(
        self,
        deadline: dt.date,
        today: dt.date,
        done_on: dt.date | None = None,
        warn_workdays: int = 3,
        *,
        strict: bool = True,
    ) -> Status | Checked[Status]:
        """The traffic light of something due on `deadline`, as seen on `today`.

        1. Done (`done_on` given): DONE_ON_TIME if done on or before the deadline, else DONE_LATE.
        2. Not done and `today` is after the deadline: RED.
        3. Not done and at most `warn_workdays` working days remain (counted as in
           `workdays_between(today, deadline)`, so a deadline today leaves 0): YELLOW.
        4. Otherwise GREEN. Counting stops after `warn_workdays` + 1 working days, so a distant
           deadline in a year nobody has entered yet does not raise.
        """
        if warn_workdays < 0:
            raise ValueError("warn_workdays must be >= 0")
        deadline, today = _as_date(deadline), _as_date(today)
        done = _as_date(done_on) if done_on is not None else None
        return self._run(
            lambda missing: self._due_status(deadline, today, done, warn_workdays, missing), strict
        )

    # ---- internals: `missing` is None in strict mode, else it collects uncovered years

    def _run(self, compute: Callable[[_Missing | None], T], strict: bool) -> T | Checked[T]:
        if strict:
            return compute(None)
        missing: _Missing = {}
        value = compute(missing)
        warnings = tuple(
            CoverageWarning(year, _uncovered_message(year, day)) for year, day in sorted(missing.items())
        )
        return Checked(value, warnings)

    def _is_workday(self, day: dt.date, missing: _Missing | None) -> bool:
        override = self._overrides.get(day)
        if override is not None:
            return override.kind == "workday"
        years = _required_years(day)
        for year in sorted(years):
            if not self.covers_year(year):
                if missing is None:
                    raise UncoveredYearError(year, day)
                missing.setdefault(year, day)
        known = _library_is_workday(day, years)
        if known is not None:
            return known
        # An office-covered year without a library, or a lenient guess: the weekly rhythm.
        return day.weekday() < 5

    def _next_workday(self, day: dt.date, missing: _Missing | None) -> dt.date:
        while not self._is_workday(day, missing):
            day += _ONE_DAY
        return day

    def _add_workdays(self, day: dt.date, n: int, missing: _Missing | None) -> dt.date:
        step = _ONE_DAY if n > 0 else -_ONE_DAY
        remaining = abs(n)
        while remaining:
            day += step
            if self._is_workday(day, missing):
                remaining -= 1
        return day

    def _workdays_between(self, start: dt.date, end: dt.date, missing: _Missing | None) -> int:
        if end >= start:
            first, last, sign = start + _ONE_DAY, end, 1
        else:
            first, last, sign = end, start - _ONE_DAY, -1
        count = 0
        day = first
        while day <= last:
            count += self._is_workday(day, missing)
            day += _ONE_DAY
        return sign * count

    def _due_status(
        self,
        deadline: dt.date,
        today: dt.date,
        done_on: dt.date | None,
        warn_workdays: int,
        missing: _Missing | None,
    ) -> Status:
        if done_on is not None:
            return Status.DONE_ON_TIME if done_on <= deadline else Status.DONE_LATE
        if today > deadline:
            return Status.RED
        remaining = 0
        day = today + _ONE_DAY
        while day <= deadline:
            remaining += self._is_workday(day, missing)
            if remaining > warn_workdays:
                return Status.GREEN
            day += _ONE_DAY
        return Status.YELLOW
