"""The platform calendar: the office's entries from the database win over the libraries, an
uncovered year is a warning (never a silent answer), and the holiday screens are the office's."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse

from fazhi.supervision.models import HolidayOverride
from fazhi.supervision.workcalendar import coverage_warnings, platform_calendar
from fazhi.workdays import UncoveredYearError

D = dt.date


def test_the_library_answers_for_2024_spring_festival_and_national_day(db: Any) -> None:
    calendar = platform_calendar()
    assert calendar.is_workday(D(2024, 2, 4)) is True  # 春节调休: Sunday worked
    assert calendar.is_workday(D(2024, 2, 12)) is False  # 春节 Monday off
    assert calendar.add_workdays(D(2024, 9, 27), 7) == D(2024, 10, 12)  # 国庆 and its two 调休 days


def test_an_office_entry_wins_over_the_library(db: Any) -> None:
    assert platform_calendar().is_workday(D(2025, 10, 9)) is True
    HolidayOverride.objects.create(date=D(2025, 10, 9), kind="holiday", note="地方调整")
    assert platform_calendar().is_workday(D(2025, 10, 9)) is False


def test_a_year_nobody_entered_raises_and_entering_it_covers_it(db: Any) -> None:
    with pytest.raises(UncoveredYearError, match="2031年的法定节假日安排尚未录入"):
        platform_calendar().add_workdays(D(2031, 1, 5), 3)
    # 2031 春节 (as an office would enter it from the notice): 1月22日–28日 off, 1月19日(日) worked.
    for day in range(22, 29):
        HolidayOverride.objects.create(date=D(2031, 1, day), kind="holiday", note="2031年春节")
    HolidayOverride.objects.create(date=D(2031, 1, 19), kind="workday", note="2031年春节调休")
    calendar = platform_calendar()
    assert calendar.covers_year(2031)
    assert calendar.is_workday(D(2031, 1, 19)) is True
    # From Tuesday 1月21日: 1月29日 is the first working day after the festival week.
    assert calendar.add_workdays(D(2031, 1, 21), 1) == D(2031, 1, 29)


def test_coverage_warnings_name_each_uncovered_year_once(db: Any) -> None:
    warnings = coverage_warnings([D(2031, 3, 1), D(2031, 9, 1), D(2024, 5, 6), None])
    assert warnings == ["2031年的法定节假日安排尚未录入，请在系统中录入当年放假和调休安排"]
    assert coverage_warnings([D(2024, 5, 6)]) == []


def test_deleting_an_entry_drops_the_cached_calendar(db: Any) -> None:
    entry = HolidayOverride.objects.create(date=D(2025, 10, 9), kind="holiday")
    assert platform_calendar().is_workday(D(2025, 10, 9)) is False
    entry.delete()
    assert platform_calendar().is_workday(D(2025, 10, 9)) is True


def test_the_office_enters_a_range_of_holidays(cast: Any) -> None:
    c = cast.client(cast.office)
    response = c.post(
        reverse("holiday-list"),
        {"start": "2031-01-22", "end": "2031-01-28", "kind": "holiday", "note": "2031年春节"},
    )
    assert response.status_code == 302
    assert HolidayOverride.objects.filter(date__year=2031, kind="holiday").count() == 7
    page = c.get(reverse("holiday-list"), {"year": 2031}).content.decode()
    assert "2031年春节" in page
    # Entering the same day again changes it rather than duplicating it.
    c.post(reverse("holiday-list"), {"start": "2031-01-28", "kind": "workday", "note": "更正"})
    assert HolidayOverride.objects.get(date=D(2031, 1, 28)).kind == "workday"
    entry = HolidayOverride.objects.get(date=D(2031, 1, 22))
    assert c.post(reverse("holiday-delete", args=[entry.pk])).status_code == 302
    assert not HolidayOverride.objects.filter(pk=entry.pk).exists()


def test_a_bad_range_is_refused_and_nothing_is_stored(cast: Any) -> None:
    c = cast.client(cast.office)
    response = c.post(
        reverse("holiday-list"), {"start": "2031-02-10", "end": "2031-02-01", "kind": "holiday"}
    )
    assert response.status_code == 400
    assert "结束日期早于开始日期" in response.content.decode()
    response = c.post(
        reverse("holiday-list"), {"start": "2031-01-01", "end": "2031-03-01", "kind": "holiday"}
    )
    assert response.status_code == 400 and "一次最多录入31天" in response.content.decode()
    assert not HolidayOverride.objects.exists()


@pytest.mark.parametrize("who", ["leader", "liaison_a", "liaison_b"])
def test_only_the_office_enters_holidays(cast: Any, who: str) -> None:
    entry = HolidayOverride.objects.create(date=D(2031, 1, 22), kind="holiday")
    c = cast.client(getattr(cast, who))
    assert c.get(reverse("holiday-list")).status_code == 403
    assert c.post(reverse("holiday-list"), {"start": "2031-01-23", "kind": "holiday"}).status_code == 403
    assert c.post(reverse("holiday-delete", args=[entry.pk])).status_code == 403
    assert c.get("/api/holidays/").status_code == 403
    assert HolidayOverride.objects.count() == 1


def test_a_deadline_in_an_uncovered_year_shows_a_warning_banner(cast: Any, item_a: Any) -> None:
    item_a.deadline = D(2031, 6, 30)
    item_a.save()
    page = cast.client(cast.liaison_a).get(reverse("rectification-detail", args=[item_a.pk])).content.decode()
    assert "2031年的法定节假日安排尚未录入" in page
