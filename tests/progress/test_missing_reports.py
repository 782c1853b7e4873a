"""missing_reports(plan, on): who lacks a submitted report for the current period of the cycle."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from fazhi.progress import periods


@pytest.mark.parametrize(
    ("cycle", "on", "key", "label"),
    [
        ("monthly", dt.date(2024, 6, 10), "2024-06", "2024年6月"),
        ("quarterly", dt.date(2024, 5, 1), "2024-Q2", "2024年第二季度"),
        ("quarterly", dt.date(2024, 12, 31), "2024-Q4", "2024年第四季度"),
        ("at_completion", dt.date(2024, 5, 1), "final", "完成时报送"),
    ],
)
def test_the_period_of_a_day(cycle: str, on: dt.date, key: str, label: str) -> None:
    period = periods.period_on(cycle, on)
    assert (period.key, period.label) == (key, label)
    assert periods.label_of(key) == label


def test_the_period_before_january_is_last_december() -> None:
    assert [p.key for p in periods.choices("monthly", dt.date(2025, 1, 5))] == ["2025-01", "2024-12"]
    assert [p.key for p in periods.choices("quarterly", dt.date(2025, 2, 5))] == ["2025-Q1", "2024-Q4"]
    assert [p.key for p in periods.choices("at_completion", dt.date(2025, 2, 5))] == ["final"]


def _set(plan: Any, cycle: str, user: Any) -> None:
    from fazhi.progress.services import set_cycle

    set_cycle(plan, cycle, user)


def test_monthly_a_submitted_report_clears_the_flag_a_draft_or_returned_does_not(
    cast: Any, dispatched_000: Any, a_part: Any, a_lead: Any, report_of: Any
) -> None:
    from fazhi.progress.services import missing_reports, return_report

    report_of(a_part, cast.liaison_a)
    report_of(a_lead, cast.liaison_a, submit=False)
    missing = set(missing_reports(dispatched_000).values_list("pk", flat=True))
    assert a_part.pk not in missing and a_lead.pk in missing
    return_report(report_of(a_lead, cast.liaison_a), cast.office, "重报")
    assert a_lead.pk in set(missing_reports(dispatched_000).values_list("pk", flat=True))


def test_last_months_report_does_not_count_for_this_month(
    cast: Any, dispatched_000: Any, a_part: Any, report_of: Any
) -> None:
    from fazhi.progress.models import ProgressReport
    from fazhi.progress.services import missing_reports

    report = report_of(a_part, cast.liaison_a)
    ProgressReport.objects.filter(pk=report.pk).update(period="2020-01")
    assert missing_reports(dispatched_000).filter(pk=a_part.pk).exists()


def test_quarterly_cycle(cast: Any, dispatched_000: Any, a_part: Any, report_of: Any) -> None:
    from fazhi.progress.services import missing_reports

    _set(dispatched_000, "quarterly", cast.office)
    report = report_of(a_part, cast.liaison_a)
    assert report.period.startswith(str(dt.date.today().year)) and "-Q" in report.period
    assert not missing_reports(dispatched_000).filter(pk=a_part.pk).exists()


def test_at_completion_only_after_the_deadline_and_a_final_report_clears_it(
    cast: Any, dispatched_000: Any, a_part: Any, report_of: Any
) -> None:
    from fazhi.progress.services import missing_reports

    _set(dispatched_000, "at_completion", cast.office)
    on_deadline = a_part.deadline
    before = on_deadline - dt.timedelta(days=1)
    assert not missing_reports(dispatched_000, before).filter(pk=a_part.pk).exists()
    assert missing_reports(dispatched_000, on_deadline).filter(pk=a_part.pk).exists()
    report_of(a_part, cast.liaison_a)  # 推进中 is not a final report
    assert missing_reports(dispatched_000, on_deadline).filter(pk=a_part.pk).exists()
    report_of(a_part, cast.liaison_a, status="done")
    assert not missing_reports(dispatched_000, on_deadline).filter(pk=a_part.pk).exists()


def test_done_assignments_are_never_missing(
    cast: Any, dispatched_000: Any, a_part: Any, report_of: Any
) -> None:
    from fazhi.progress.services import accept_report, missing_reports

    accept_report(report_of(a_part, cast.liaison_a, status="done"), cast.office)
    future = dt.date.today() + dt.timedelta(days=400)
    assert not missing_reports(dispatched_000, future).filter(pk=a_part.pk).exists()
