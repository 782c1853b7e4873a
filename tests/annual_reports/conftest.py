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
    """What the demo loader does (and the office in the preview): pick the first candidate of an
    ambiguous name, create a unit for a name the registry lacks."""
    from fazhi.units.models import Unit

    for task in job.draft["tasks"]:
        for entry in task["units"]:
            if entry.get("id") is not None:
                continue
            if entry["method"] == "ambiguous" and entry["candidates"]:
                first = entry["candidates"][0]
                entry.update(kind=first["kind"], id=first["id"], label=first["name"], method="manual")
            else:
                unit, _ = Unit.objects.get_or_create(jurisdiction=job.jurisdiction, name=entry["name"])
                entry.update(kind="unit", id=unit.pk, label=unit.name, method="created")
    job.save(update_fields=["draft"])


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
