"""Fixtures of the annual-report tests: the platform's shared cast and seed fixtures, reused
from tests/platform/conftest.py, plus a year of ledger data with known figures."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

import pytest

PLATFORM = Path(__file__).resolve().parents[1] / "platform"
if str(PLATFORM) not in sys.path:
    sys.path.insert(0, str(PLATFORM))  # platform_seeds, as the platform tests import it

_spec = importlib.util.spec_from_file_location("platform_conftest", PLATFORM / "conftest.py")
assert _spec and _spec.loader
platform_conftest = importlib.util.module_from_spec(_spec)
sys.modules["platform_conftest"] = platform_conftest  # dataclasses look their module up there
_spec.loader.exec_module(platform_conftest)

# The shared cast and seed fixtures (pytest registers fixtures found in this module).
django_db_setup = platform_conftest.django_db_setup
parse_inline = platform_conftest.parse_inline
cast = platform_conftest.cast
new_user = platform_conftest.new_user
job_000 = platform_conftest.job_000
plan_000 = platform_conftest.plan_000
dispatched_000 = platform_conftest.dispatched_000
revised_job = platform_conftest.revised_job
Cast = platform_conftest.Cast
make_user = platform_conftest.make_user


@pytest.fixture
def year_2024(cast: Any, dispatched_000: Any) -> Any:
    """Seed 000 (天桥区, 18 tasks) as the 2024 plan with a known state on 2025-02-10:

    tasks 1-6 done (1-4 on time, 5-6 late), 7-9 overdue (deadline in 2024, open), 10-18 open
    with a 2025 deadline (unfinished, not overdue).
    """
    import datetime as dt

    from fazhi.ledger.models import Task

    plan = dispatched_000
    plan.year = 2024
    plan.save()
    tz = dt.UTC
    for t in Task.objects.filter(plan=plan):
        n = t.position
        t.deadline = dt.date(2024, 6, 30) if n <= 9 else dt.date(2025, 6, 30)
        t.done_at = None
        if n <= 4:
            t.done_at = dt.datetime(2024, 6, 1, 8, tzinfo=tz)
        elif n <= 6:
            t.done_at = dt.datetime(2024, 8, 1, 8, tzinfo=tz)
        t.save()
    return plan


def office_of(district: str) -> Any:
    """An office clerk of another district of the demo registry."""
    from fazhi.accounts.models import Role
    from fazhi.units.models import Jurisdiction

    return make_user(f"office_{district}", Role.OFFICE, Jurisdiction.objects.get(name=district))


def resolve_leftovers(job: Any) -> None:
    """What the demo loader does (and the office in the preview)."""
    from fazhi.plans.services import resolve_leftovers as resolve

    resolve(job)


@pytest.fixture
def hongqiao(cast: Any, django_capture_on_commit_callbacks: Any) -> Any:
    """Seed 003 (红桥区 2020 ledger, 94 tasks) imported by 红桥区's office, confirmed and
    dispatched; `plan.office` is that clerk."""
    from platform_seeds import SEED_003, import_seed

    from fazhi.ledger.dispatch import dispatch
    from fazhi.plans.services import confirm_import
    from fazhi.units.models import Jurisdiction

    office = office_of("红桥区")
    job = import_seed(
        SEED_003, office, Jurisdiction.objects.get(name="红桥区"), django_capture_on_commit_callbacks
    )
    resolve_leftovers(job)
    plan = confirm_import(job, office)
    dispatch(plan, office)
    plan.refresh_from_db()
    plan.office = office
    return plan


@pytest.fixture
def progress_2024(cast: Any, year_2024: Any, settings: Any, tmp_path: Path) -> dict[str, Any]:
    """Progress reports on the 2024 plan, through the progress services:

    task 11 (two targets, lead 区司法局): done, figures 100 (met) and 0 (unmet), one PDF, accepted;
    task 12 (one target): 无法按期完成 with a reason, submitted but not accepted;
    task 8 (overdue): 无法按期完成 with a reason, accepted.
    """
    import datetime as dt

    from django.core.files.uploadedfile import SimpleUploadedFile

    from fazhi.ledger.models import Assignment
    from fazhi.progress import services

    settings.FAZHI_EVIDENCE_ROOT = tmp_path / "evidence"

    def lead(number: str) -> Any:
        return Assignment.objects.get(task__plan=year_2024, task__number=number, role="lead")

    def report(assignment: Any, **fields: Any) -> Any:
        period = services.period_choices(assignment)[0].key
        data = services.ReportInput(period=period, **fields)
        files = fields.pop("files", ())
        return services.create_report(assignment, cast.office, data, submit=True, files=files)

    later = dt.date.today() + dt.timedelta(days=60)
    pdf = SimpleUploadedFile("出庭记录.pdf", b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    done = services.create_report(
        lead("11"),
        cast.office,
        services.ReportInput(
            period=services.period_choices(lead("11"))[0].key,
            status="done",
            text="行政机关负责人出庭应诉率保持100%。",
            figures={"0": 100, "1": 0},
        ),
        submit=True,
        files=[pdf],
    )
    services.accept_report(done, cast.office)
    report(
        lead("12"),
        status="delayed",
        text="正在招录法制审核人员。",
        reason="人员编制未到位",
        proposed_date=later,
    )
    late = report(
        lead("8"), status="delayed", text="方案已起草。", reason="上级政策尚未出台", proposed_date=later
    )
    services.accept_report(late, cast.office)
    return {"done": done, "late": late}


@pytest.fixture
def supervision_2024(cast: Any, year_2024: Any) -> dict[str, Any]:
    """Supervision records of 2024 (rows written directly: the figures only read them):

    5 reminders (one in 2023, not counted), 督办单 Nos. 1-3 of 2024 (one open, one replied, one
    closed) and one of 2023; two 2024 inspections of 3 distinct units with 4 findings, of
    which 2 rectified (closed), 1 submitted, 1 open; one 2023 inspection with one finding.
    """
    import datetime as dt

    from fazhi.ledger.models import Assignment
    from fazhi.supervision.models import Finding, Inspection, Notice, RectificationItem, ReminderLog
    from fazhi.units.models import Unit

    assignments = list(Assignment.objects.filter(task__plan=year_2024).order_by("pk")[:6])
    for i, a in enumerate(assignments[:5]):
        ReminderLog.objects.create(assignment=a, rule="due_soon", day=dt.date(2024, 6, 20 + i))
    ReminderLog.objects.create(assignment=assignments[5], rule="due_soon", day=dt.date(2023, 12, 1))
    now = dt.datetime(2024, 7, 5, 9, tzinfo=dt.UTC)
    notices = []
    for number, state in ((1, "open"), (2, "replied"), (3, "closed")):
        a = assignments[number]
        notices.append(
            Notice.objects.create(
                jurisdiction=cast.district,
                year=2024,
                number=number,
                assignment=a,
                unit=a.unit,
                requirement="请于5个工作日内报送进展",
                reply_deadline=dt.date(2024, 7, 10),
                state=state,
                replied_at=now if state != "open" else None,
            )
        )
    Notice.objects.create(
        jurisdiction=cast.district,
        year=2023,
        number=9,
        assignment=assignments[0],
        unit=assignments[0].unit,
        requirement="旧",
        reply_deadline=dt.date(2023, 7, 10),
    )
    units = list(Unit.objects.filter(jurisdiction=cast.district).order_by("pk")[:3])
    first = Inspection.objects.create(
        jurisdiction=cast.district, name="上半年法治督察", date=dt.date(2024, 5, 10)
    )
    first.units.set(units[:2])
    second = Inspection.objects.create(
        jurisdiction=cast.district, name="下半年法治督察", date=dt.date(2024, 10, 10)
    )
    second.units.set(units[1:3])
    old = Inspection.objects.create(jurisdiction=cast.district, name="2023年督察", date=dt.date(2023, 10, 10))
    old.units.set(units[:1])
    items = []
    for inspection, unit, text, state, submission in (
        (first, units[0], "执法案卷不规范。", "closed", "已补正"),
        (first, units[1], "未公开权责清单。", "closed", "已公开"),
        (second, units[1], "法律顾问未参与合同审查。", "submitted", "已建立审查制度，待销号"),
        (second, units[2], "普法责任清单未更新。", "open", ""),
        (old, units[0], "2023年问题。", "open", ""),
    ):
        finding = Finding.objects.create(inspection=inspection, unit=unit, text=text)
        items.append(
            RectificationItem.objects.create(
                finding=finding, unit=unit, deadline=dt.date(2024, 12, 31), state=state, submission=submission
            )
        )
    return {"notices": notices, "units": units, "items": items}
