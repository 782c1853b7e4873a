"""Table-driven tests for fazhi.workdays: the statutory calendar, office overrides, due status.

Where the expected dates come from
----------------------------------
The 2024–2026 rows below are the State Council General Office's yearly notices
(国务院办公厅关于20XX年部分节假日安排的通知), as published on gov.cn (the 2024 notice of
2023-10-25, the 2025 notice of 2024-11-12, the 2026 notice of 2025-11), read against both
libraries: chinesecalendar 1.11 and python-holidays 0.109 (CN, whose static 调休 table cites
the same gov.cn pages) agree with every row, and `test_the_libraries_agree_on_every_day` pins
their one disagreement over 2004–2026.

    2024 春节 2月10日–17日 off; 2月4日(日), 2月18日(日) worked; 除夕 2月9日(五) worked
    2024 国庆 10月1日–7日 off; 9月29日(日), 10月12日(六) worked
    2025 春节 1月28日–2月4日 off; 1月26日(日), 2月8日(六) worked
    2025 国庆·中秋 10月1日–8日 off; 9月28日(日), 10月11日(六) worked
    2026 元旦 1月1日–3日 off; 1月4日(日) worked
    2026 春节 2月15日–23日 off; 2月14日(六), 2月28日(六) worked
    2026 国庆 10月1日–7日 off; 9月20日(日), 10月10日(六) worked
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys

import chinese_calendar  # type: ignore[import-untyped]
import pytest
from holidays.countries.china import China as PythonHolidaysChina
from hypothesis import given
from hypothesis import strategies as st

from fazhi.workdays import (
    Calendar,
    Checked,
    CoverageWarning,
    Override,
    Status,
    UncoveredYearError,
    library_source,
)

D = dt.date
LIBRARY = Calendar()

# --------------------------------------------------------------------------------------------
# The statutory calendar


STATUTORY_DAYS = [
    # (day, worked?, why)
    (D(2024, 2, 4), True, "2024春节调休: 星期日上班"),
    (D(2024, 2, 9), True, "2024除夕(星期五)不放假"),
    (D(2024, 2, 10), False, "2024春节首日"),
    (D(2024, 2, 12), False, "2024春节(星期一)"),
    (D(2024, 2, 16), False, "2024春节(星期五)"),
    (D(2024, 2, 17), False, "2024春节末日"),
    (D(2024, 2, 18), True, "2024春节调休: 星期日上班"),
    (D(2024, 2, 19), True, "2024春节后首个星期一"),
    (D(2024, 9, 28), False, "普通星期六"),
    (D(2024, 9, 29), True, "2024国庆调休: 星期日上班"),
    (D(2024, 10, 1), False, "2024国庆"),
    (D(2024, 10, 4), False, "2024国庆(星期五)"),
    (D(2024, 10, 7), False, "2024国庆末日(星期一)"),
    (D(2024, 10, 8), True, "2024国庆后首日"),
    (D(2024, 10, 12), True, "2024国庆调休: 星期六上班"),
    (D(2024, 10, 13), False, "普通星期日"),
    (D(2025, 1, 26), True, "2025春节调休: 星期日上班"),
    (D(2025, 1, 27), True, "2025春节前星期一"),
    (D(2025, 1, 28), False, "2025除夕放假"),
    (D(2025, 2, 4), False, "2025春节末日(星期二)"),
    (D(2025, 2, 5), True, "2025春节后首日"),
    (D(2025, 2, 8), True, "2025春节调休: 星期六上班"),
    (D(2025, 9, 28), True, "2025国庆调休: 星期日上班"),
    (D(2025, 10, 6), False, "2025中秋(星期一)"),
    (D(2025, 10, 8), False, "2025国庆·中秋末日(星期三)"),
    (D(2025, 10, 9), True, "2025国庆后首日"),
    (D(2025, 10, 11), True, "2025国庆调休: 星期六上班"),
    (D(2026, 1, 2), False, "2026元旦(星期五)"),
    (D(2026, 1, 4), True, "2026元旦调休: 星期日上班"),
    (D(2026, 2, 14), True, "2026春节调休: 星期六上班"),
    (D(2026, 2, 15), False, "2026春节首日(星期日)"),
    (D(2026, 2, 23), False, "2026春节末日(星期一)"),
    (D(2026, 2, 24), True, "2026春节后首日"),
    (D(2026, 2, 28), True, "2026春节调休: 星期六上班"),
    (D(2026, 9, 20), True, "2026国庆调休: 星期日上班"),
    (D(2026, 10, 1), False, "2026国庆"),
    (D(2026, 10, 7), False, "2026国庆末日(星期三)"),
    (D(2026, 10, 8), True, "2026国庆后首日"),
    (D(2026, 10, 10), True, "2026国庆调休: 星期六上班"),
]


@pytest.mark.parametrize(("day", "worked", "why"), STATUTORY_DAYS)
def test_the_calendar_follows_the_state_council_notices(day: dt.date, worked: bool, why: str) -> None:
    assert LIBRARY.is_workday(day) is worked, why


@pytest.mark.parametrize(("day", "worked", "why"), STATUTORY_DAYS)
def test_both_libraries_agree_with_the_notices(day: dt.date, worked: bool, why: str) -> None:
    assert chinese_calendar.is_workday(day) is worked, f"chinesecalendar: {why}"
    other = PythonHolidaysChina(years=day.year)  # type: ignore[no-untyped-call]
    assert other.is_working_day(day) is worked, f"python-holidays: {why}"


def test_the_libraries_agree_on_every_day() -> None:
    # Also: the Calendar's fast path gives chinesecalendar's own answer on every library day.
    # The one disagreement over 2004–2026: the 2006 notice made 2005-12-31 (Saturday) a working
    # day for 元旦; python-holidays has it, chinesecalendar does not. chinesecalendar stays
    # authoritative for 2005 (an office override would fix it); a library upgrade that changes
    # this set fails here and asks for a review.
    known = {D(2005, 12, 31)}
    disagreements: set[dt.date] = set()
    for year in range(2004, 2027):
        other = PythonHolidaysChina(years=year)  # type: ignore[no-untyped-call]
        day = D(year, 1, 1)
        while day.year == year:
            primary = chinese_calendar.is_workday(day)
            if primary != other.is_working_day(day):
                disagreements.add(day)
            if day < D(2026, 12, 29):  # later days wait for 2027 (see the year-end test)
                assert LIBRARY.is_workday(day) is primary, day
            day += dt.timedelta(days=1)
    assert disagreements == known


SOURCES = [
    (2004, "chinesecalendar"),
    (2024, "chinesecalendar"),
    (2026, "chinesecalendar"),
    (2003, "python-holidays"),  # before chinesecalendar's table; python-holidays has the notice
    (2001, "python-holidays"),
    (2000, None),
    (2027, None),  # python-holidays answers 2027 from rules only: never used
]


@pytest.mark.parametrize(("year", "source"), SOURCES)
def test_each_year_has_one_authoritative_library(year: int, source: str | None) -> None:
    assert library_source(year) == source
    assert LIBRARY.source_of(year) == source


def test_python_holidays_answers_the_years_chinesecalendar_lacks() -> None:
    # 2003 春节: 2月1日–7日 off, 2月8日(六) and 2月9日(日) worked.
    assert LIBRARY.is_workday(D(2003, 2, 5)) is False
    assert LIBRARY.is_workday(D(2003, 2, 8)) is True
    with pytest.raises(NotImplementedError):
        chinese_calendar.is_workday(D(2003, 2, 8))


# --------------------------------------------------------------------------------------------
# Counting working days

ADD_WORKDAYS = [
    # (start, n, expected, why)
    (D(2024, 2, 8), 1, D(2024, 2, 9), "除夕 2024 is worked"),
    (D(2024, 2, 9), 1, D(2024, 2, 18), "the whole 春节 skipped, the 调休 Sunday counts"),
    (D(2024, 2, 9), 2, D(2024, 2, 19), ""),
    (D(2024, 2, 2), 1, D(2024, 2, 4), "the 调休 Sunday before 春节"),
    (D(2024, 9, 27), 7, D(2024, 10, 12), "7个工作日内 across 国庆, both 调休 days count"),
    (D(2024, 9, 30), 1, D(2024, 10, 8), ""),
    (D(2024, 10, 1), 1, D(2024, 10, 8), "starting on a holiday"),
    (D(2025, 1, 24), 1, D(2025, 1, 26), ""),
    (D(2025, 1, 24), 3, D(2025, 2, 5), ""),
    (D(2025, 9, 26), 4, D(2025, 10, 9), "国庆·中秋 8 days in 2025"),
    (D(2026, 2, 13), 1, D(2026, 2, 14), ""),
    (D(2026, 2, 13), 2, D(2026, 2, 24), ""),
    (D(2026, 9, 30), 3, D(2026, 10, 10), ""),
    (D(2025, 12, 31), 1, D(2026, 1, 4), "into the next year: 元旦 2026 and its 调休 Sunday"),
    (D(2024, 10, 1), 0, D(2024, 10, 1), "n = 0 leaves the day alone, even a holiday"),
    # negative n: the n-th working day before the start
    (D(2024, 2, 19), -1, D(2024, 2, 18), ""),
    (D(2024, 2, 19), -2, D(2024, 2, 9), ""),
    (D(2024, 10, 8), -1, D(2024, 9, 30), ""),
    (D(2024, 10, 8), -2, D(2024, 9, 29), ""),
    (D(2024, 10, 13), -1, D(2024, 10, 12), ""),
    (D(2025, 2, 5), -1, D(2025, 1, 27), ""),
    (D(2026, 1, 5), -1, D(2026, 1, 4), ""),
]


@pytest.mark.parametrize(("start", "n", "expected", "why"), ADD_WORKDAYS)
def test_add_workdays_counts_from_the_day_after_the_start(
    start: dt.date, n: int, expected: dt.date, why: str
) -> None:
    assert LIBRARY.add_workdays(start, n) == expected, why
    assert LIBRARY.add_days(start, n, unit="workday") == expected
    assert LIBRARY.workdays_between(start, expected) == n


WORKDAYS_BETWEEN = [
    # (start, end, expected)
    (D(2024, 2, 9), D(2024, 2, 18), 1),
    (D(2024, 9, 27), D(2024, 10, 12), 7),
    (D(2024, 10, 12), D(2024, 9, 27), -7),
    (D(2024, 10, 1), D(2024, 10, 7), 0),
    (D(2024, 10, 5), D(2024, 10, 5), 0),
    # Not antisymmetric when exactly one end is worked: the start never counts, the end does.
    (D(2024, 10, 5), D(2024, 10, 8), 1),
    (D(2024, 10, 8), D(2024, 10, 5), 0),
    (D(2024, 1, 1), D(2024, 12, 31), 251),  # 262 weekdays - 19 weekday holidays + 8 调休 days
]


@pytest.mark.parametrize(("start", "end", "expected"), WORKDAYS_BETWEEN)
def test_workdays_between(start: dt.date, end: dt.date, expected: int) -> None:
    assert LIBRARY.workdays_between(start, end) == expected


NEXT_WORKDAY = [
    (D(2024, 10, 1), D(2024, 10, 8)),
    (D(2024, 10, 8), D(2024, 10, 8)),  # a working day is its own next working day
    (D(2024, 9, 29), D(2024, 9, 29)),  # so is a 调休 Sunday
    (D(2026, 2, 21), D(2026, 2, 24)),
]


@pytest.mark.parametrize(("day", "expected"), NEXT_WORKDAY)
def test_next_workday_is_on_or_after_the_day(day: dt.date, expected: dt.date) -> None:
    assert LIBRARY.next_workday(day) == expected


ADD_DAYS = [
    # (start, n, unit, roll_forward, expected)
    (D(2024, 9, 21), 10, "calendar", False, D(2024, 10, 1)),
    (D(2024, 9, 21), 10, "calendar", True, D(2024, 10, 8)),  # last day a holiday: next working day
    (D(2024, 9, 20), 9, "calendar", True, D(2024, 9, 29)),  # a 调休 Sunday is worked: no roll
    (D(2024, 3, 1), -1, "calendar", False, D(2024, 2, 29)),
    (D(2024, 9, 27), 7, "workday", False, D(2024, 10, 12)),
]


@pytest.mark.parametrize(("start", "n", "unit", "roll_forward", "expected"), ADD_DAYS)
def test_add_days(start: dt.date, n: int, unit: str, roll_forward: bool, expected: dt.date) -> None:
    assert LIBRARY.add_days(start, n, unit, roll_forward=roll_forward) == expected  # type: ignore[call-overload]


def test_add_days_refuses_an_unknown_unit() -> None:
    with pytest.raises(ValueError):
        LIBRARY.add_days(D(2024, 1, 1), 1, "week")  # type: ignore[call-overload]


def test_calendar_arithmetic_needs_no_coverage() -> None:
    assert LIBRARY.add_days(D(2028, 1, 1), 30) == D(2028, 1, 31)
    assert LIBRARY.add_days(D(2028, 1, 1), 30, strict=False) == Checked(D(2028, 1, 31), ())


def test_datetimes_are_read_as_their_date() -> None:
    assert LIBRARY.add_workdays(dt.datetime(2024, 9, 27, 17, 30), 7) == D(2024, 10, 12)


# --------------------------------------------------------------------------------------------
# Years nobody covers, and office overrides

# A plausible 2027 春节 as an office would enter it before any library knows 2027. INVENTED for
# the test (除夕 is 2027-02-05, a Friday), not the State Council's notice.
SPRING_FESTIVAL_2027 = [
    *(Override(D(2027, 2, day), "holiday", "2027年春节") for day in range(5, 14)),
    Override(D(2027, 2, 14), "workday", "2027年春节调休(星期日上班)"),
    Override(D(2027, 2, 20), "workday", "2027年春节调休(星期六上班)"),
]
OFFICE_2027 = Calendar(overrides=SPRING_FESTIVAL_2027)


def test_a_year_nobody_covers_raises_with_a_chinese_message() -> None:
    with pytest.raises(UncoveredYearError) as raised:
        LIBRARY.add_workdays(D(2027, 2, 1), 5)
    assert raised.value.year == 2027
    assert str(raised.value) == "2027年的法定节假日安排尚未录入，请在系统中录入当年放假和调休安排"
    with pytest.raises(UncoveredYearError, match="2028年"):
        LIBRARY.is_workday(D(2028, 3, 1))


def test_the_office_entry_covers_the_year() -> None:
    assert OFFICE_2027.source_of(2027) == "office"
    assert OFFICE_2027.add_workdays(D(2027, 2, 1), 5) == D(2027, 2, 15)
    assert OFFICE_2027.add_workdays(D(2027, 2, 4), 1) == D(2027, 2, 14)
    assert OFFICE_2027.add_workdays(D(2027, 2, 15), -1) == D(2027, 2, 14)
    assert OFFICE_2027.is_workday(D(2027, 2, 20)) is True
    # Outside the entries the weekly rhythm holds.
    assert OFFICE_2027.is_workday(D(2027, 3, 1)) is True
    assert OFFICE_2027.is_workday(D(2027, 3, 6)) is False


def test_covered_years_marks_a_year_without_entries() -> None:
    assert Calendar(covered_years={2027}).add_workdays(D(2027, 2, 1), 5) == D(2027, 2, 8)


def test_lenient_calls_assume_monday_to_friday_and_warn() -> None:
    result = LIBRARY.add_workdays(D(2027, 2, 1), 5, strict=False)
    assert result.value == D(2027, 2, 8)
    assert not result.ok
    assert result.warnings == (
        CoverageWarning(2027, "2027年的法定节假日安排尚未录入，请在系统中录入当年放假和调休安排"),
    )
    day, warnings = LIBRARY.add_workdays(D(2024, 9, 27), 7, strict=False)
    assert (day, warnings) == (D(2024, 10, 12), ())


def test_a_lenient_walk_across_two_uncovered_years_warns_once_per_year() -> None:
    result = LIBRARY.workdays_between(D(2027, 12, 1), D(2028, 1, 31), strict=False)
    assert [w.year for w in result.warnings] == [2027, 2028]
    assert result.value == 43


def test_the_last_days_of_december_wait_for_the_next_years_notice() -> None:
    # 元旦 调休 reaches back into December (2018-12-29 worked, 2018-12-31 off, from the 2019 notice).
    assert LIBRARY.is_workday(D(2018, 12, 29)) is True
    assert LIBRARY.is_workday(D(2018, 12, 31)) is False
    # So 2026-12-29..31 stay open until 2027 is covered.
    assert LIBRARY.is_workday(D(2026, 12, 28)) is True
    with pytest.raises(UncoveredYearError, match="2026年12月30日是否上班取决于2027年") as raised:
        LIBRARY.is_workday(D(2026, 12, 30))
    assert raised.value.year == 2027
    assert Calendar(covered_years={2027}).is_workday(D(2026, 12, 30)) is True
    entered = Calendar(overrides=[Override(D(2026, 12, 30), "workday", "按2027年元旦安排")])
    assert entered.is_workday(D(2026, 12, 30)) is True
    assert LIBRARY.is_workday(D(2026, 12, 30), strict=False) == Checked(
        True, (CoverageWarning(2027, str(raised.value)),)
    )


def test_an_office_override_beats_the_library() -> None:
    office = Calendar(
        overrides=[
            Override(D(2025, 6, 3), "holiday", "区政府统一安排停止办公"),  # a library working day
            Override(D(2024, 10, 7), "workday", "值班"),  # a library holiday
        ]
    )
    assert LIBRARY.is_workday(D(2025, 6, 3)) is True
    assert office.is_workday(D(2025, 6, 3)) is False
    assert office.add_workdays(D(2025, 6, 2), 1) == D(2025, 6, 4)
    assert office.is_workday(D(2024, 10, 7)) is True
    assert office.add_workdays(D(2024, 9, 30), 1) == D(2024, 10, 7)
    # The library still answers for its years.
    assert office.source_of(2025) == "chinesecalendar"


def test_conflicting_overrides_are_refused() -> None:
    same = [Override(D(2027, 2, 5), "holiday"), Override(D(2027, 2, 5), "holiday", "重复录入")]
    assert Calendar(overrides=same).is_workday(D(2027, 2, 5)) is False
    with pytest.raises(ValueError, match="conflicting"):
        Calendar(overrides=[Override(D(2027, 2, 5), "holiday"), Override(D(2027, 2, 5), "workday")])


def test_an_override_kind_is_holiday_or_workday() -> None:
    with pytest.raises(ValueError):
        Override(D(2027, 2, 5), "rest")  # type: ignore[arg-type]


# --------------------------------------------------------------------------------------------
# Due status

DUE_STATUS = [
    # (deadline, today, done_on, warn_workdays, expected)
    (D(2024, 11, 29), D(2024, 11, 1), None, 3, Status.GREEN),
    (D(2024, 11, 29), D(2024, 11, 25), None, 3, Status.GREEN),  # 4 working days left
    (D(2024, 11, 29), D(2024, 11, 26), None, 3, Status.YELLOW),  # 3 left
    (D(2024, 11, 29), D(2024, 11, 29), None, 3, Status.YELLOW),  # due today
    (D(2024, 11, 29), D(2024, 11, 30), None, 3, Status.RED),
    (D(2024, 10, 9), D(2024, 9, 30), None, 3, Status.YELLOW),  # 国庆 in between: 10月8日, 9日 left
    (D(2024, 10, 9), D(2024, 9, 27), None, 3, Status.GREEN),  # 9月29日(调休), 30日, 10月8日, 9日
    (D(2024, 11, 29), D(2024, 11, 28), None, 0, Status.GREEN),
    (D(2024, 11, 29), D(2024, 11, 29), None, 0, Status.YELLOW),
    (D(2024, 11, 29), D(2024, 12, 10), D(2024, 11, 29), 3, Status.DONE_ON_TIME),
    (D(2024, 11, 29), D(2024, 11, 20), D(2024, 11, 15), 3, Status.DONE_ON_TIME),
    (D(2024, 11, 29), D(2024, 12, 10), D(2024, 12, 2), 3, Status.DONE_LATE),
]


@pytest.mark.parametrize(("deadline", "today", "done_on", "warn", "expected"), DUE_STATUS)
def test_due_status(
    deadline: dt.date, today: dt.date, done_on: dt.date | None, warn: int, expected: Status
) -> None:
    assert LIBRARY.due_status(deadline, today, done_on, warn_workdays=warn) is expected


def test_a_distant_deadline_in_an_uncovered_year_is_still_green() -> None:
    # Only the next warn_workdays + 1 working days are looked at.
    assert LIBRARY.due_status(D(2027, 6, 30), D(2026, 6, 1)) is Status.GREEN


def test_due_status_near_an_uncovered_deadline_warns_when_lenient() -> None:
    with pytest.raises(UncoveredYearError):
        LIBRARY.due_status(D(2027, 3, 3), D(2027, 3, 1))
    assert LIBRARY.due_status(D(2027, 3, 3), D(2027, 3, 1), strict=False) == Checked(
        Status.YELLOW,
        (CoverageWarning(2027, "2027年的法定节假日安排尚未录入，请在系统中录入当年放假和调休安排"),),
    )


STATUS_STYLE = [
    (Status.GREEN, "正常"),
    (Status.YELLOW, "临期"),
    (Status.RED, "逾期"),
    (Status.DONE_ON_TIME, "按期完成"),
    (Status.DONE_LATE, "逾期完成"),
]


@pytest.mark.parametrize(("status", "label"), STATUS_STYLE)
def test_each_status_carries_its_label_and_colour(status: Status, label: str) -> None:
    assert status.label == label
    assert re.fullmatch(r"#[0-9a-f]{6}", status.colour)


def test_status_choices_and_colours_are_distinct() -> None:
    assert Status.choices() == [(s.value, label) for s, label in STATUS_STYLE]
    assert len({s.colour for s in Status}) == len(Status)


# --------------------------------------------------------------------------------------------
# Properties and purity

# Start days whose walks stay inside the libraries' years (2004–2026, before 2026-12-29).
COVERED_STARTS = st.dates(min_value=D(2005, 1, 1), max_value=D(2025, 6, 30))


@given(day=COVERED_STARTS, n=st.integers(min_value=-250, max_value=250))
def test_workdays_between_undoes_add_workdays(day: dt.date, n: int) -> None:
    end = LIBRARY.add_workdays(day, n)
    assert LIBRARY.workdays_between(day, end) == n
    if n:
        assert LIBRARY.is_workday(end)
        assert (end > day) == (n > 0)


@given(day=st.dates(min_value=D(2027, 1, 1), max_value=D(2027, 9, 30)), n=st.integers(-60, 60))
def test_the_property_holds_on_an_office_covered_year(day: dt.date, n: int) -> None:
    office = Calendar(overrides=SPRING_FESTIVAL_2027, covered_years={2027})
    result = office.add_workdays(day, n, strict=False)
    assert result.ok
    assert office.workdays_between(day, result.value) == n


def test_the_module_imports_no_django() -> None:
    code = "import sys, fazhi.workdays; sys.exit('django' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
