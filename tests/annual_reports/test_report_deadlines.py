"""Statutory deadlines (3月1日 / 4月1日) and the office's warning when a draft is late."""

from __future__ import annotations

import datetime as dt

import pytest

from fazhi.annual_reports.deadlines import deadlines, reporting_year, warning


def test_departments_report_before_march_and_governments_before_april() -> None:
    dep = deadlines("department", 2024, dt.date(2025, 2, 1))
    gov = deadlines("government", 2024, dt.date(2025, 2, 1))
    assert [(d.before, d.days_left) for d in dep] == [(dt.date(2025, 3, 1), 27), (dt.date(2025, 4, 1), 58)]
    assert gov[0].before == dt.date(2025, 4, 1) and gov[0].text == "2025年4月1日前"
    assert gov[1].label == "向社会公开" and gov[1].last_day == dt.date(2025, 3, 31)


@pytest.mark.parametrize(
    ("status", "kind", "today", "expected"),
    [
        ("draft", "department", dt.date(2025, 1, 1), None),  # 59 days left: no warning yet
        ("draft", "department", dt.date(2025, 2, 10), "距法定报送期限（2025年3月1日前）仅剩 18 天"),
        ("draft", "department", dt.date(2025, 2, 28), "仅剩 0 天"),
        ("draft", "department", dt.date(2025, 3, 3), "已过 3 天"),
        ("ready", "department", dt.date(2025, 3, 3), None),
        ("approved", "government", dt.date(2025, 3, 30), None),
        ("draft", "government", dt.date(2025, 3, 30), "2024年度报告仍在起草中"),
        (None, "government", dt.date(2025, 3, 30), "2024年度报告尚未起草"),
    ],
)
def test_a_report_not_ready_near_or_after_its_deadline_is_warned_about(
    status: str | None, kind: str, today: dt.date, expected: str | None
) -> None:
    got = warning(status, kind, 2024, today, within=30)
    assert (got is None) if expected is None else (got is not None and expected in got), got


@pytest.mark.parametrize(
    ("today", "year"),
    [(dt.date(2025, 1, 5), 2024), (dt.date(2025, 3, 31), 2024), (dt.date(2025, 4, 1), 2025)],
)
def test_the_reporting_year_is_last_year_until_april(today: dt.date, year: int) -> None:
    assert reporting_year(today) == year
