"""Statutory deadlines of the annual report (法治政府建设与责任落实督察工作规定, 2019).

Departments report to their government before 3月1日, governments before 4月1日, and the report
is made public before 4月1日, all of the year after the one reported on. "Before 3月1日" means
the last day to hand it in is the day before; the countdown counts to that day.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings

# Days before a deadline when a report still in draft shows a warning.
WARN_DAYS_DEFAULT = 30


def warn_days() -> int:
    return int(getattr(settings, "FAZHI_REPORT_WARN_DAYS", WARN_DAYS_DEFAULT))


@dataclass(frozen=True)
class Deadline:
    label: str  # 报送 / 向社会公开
    before: dt.date  # the statutory "before" date: 3月1日 or 4月1日
    days_left: int  # days from today to the last allowed day (negative once passed)

    @property
    def last_day(self) -> dt.date:
        return self.before - dt.timedelta(days=1)

    @property
    def passed(self) -> bool:
        return self.days_left < 0

    @property
    def text(self) -> str:
        return f"{self.before.year}年{self.before.month}月{self.before.day}日前"


def deadlines(kind: str, year: int, today: dt.date) -> list[Deadline]:
    """The report's deadlines for the year reported on: submission, then public release."""
    submit = dt.date(year + 1, 3, 1) if kind == "department" else dt.date(year + 1, 4, 1)
    label = "部门向本级政府报送" if kind == "department" else "政府向上级报送"
    release = dt.date(year + 1, 4, 1)
    out = [Deadline(label, submit, (submit - dt.timedelta(days=1) - today).days)]
    out.append(Deadline("向社会公开", release, (release - dt.timedelta(days=1) - today).days))
    return out


def warning(
    status: str | None, kind: str, year: int, today: dt.date, within: int | None = None
) -> str | None:
    """The office's warning when a report is not ready and its submission deadline is near or
    passed; None when the report is ready or approved, or the deadline is far. `status` None
    means no draft exists yet."""
    if status in ("ready", "approved"):
        return None
    within = warn_days() if within is None else within
    submit = deadlines(kind, year, today)[0]
    state = "尚未起草" if status is None else "仍在起草中，尚未定稿"
    if submit.passed:
        return f"{year}年度报告{state}，法定报送期限（{submit.text}）已过 {-submit.days_left} 天"
    if submit.days_left <= within:
        return f"{year}年度报告{state}，距法定报送期限（{submit.text}）仅剩 {submit.days_left} 天"
    return None


def reporting_year(today: dt.date) -> int:
    """The year whose report is being prepared: last year's, until its release deadline passes
    (4月1日); after that the office is already collecting the current year."""
    return today.year - 1 if today < dt.date(today.year, 4, 1) else today.year
