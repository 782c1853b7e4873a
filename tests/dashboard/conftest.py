"""Dashboard test fixtures: the platform's shared cast, and a small ledger built from models.

The cast (office clerk, leader, liaison of unit A = 天桥区司法局, liaison of unit B = 天桥区委宣传部)
and the demo registry come from tests/platform/conftest.py, loaded here under another module
name so both directories can run together or alone.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib.util
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

_PLATFORM = Path(__file__).resolve().parents[1] / "platform"
if str(_PLATFORM) not in sys.path:
    sys.path.insert(0, str(_PLATFORM))  # the platform conftest imports platform_seeds
_spec = importlib.util.spec_from_file_location("platform_conftest_for_dashboard", _PLATFORM / "conftest.py")
assert _spec and _spec.loader
_platform = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = _platform  # dataclasses look their module up while the file runs
_spec.loader.exec_module(_platform)

django_db_setup = _platform.django_db_setup
parse_inline = _platform.parse_inline
cast = _platform.cast
new_user = _platform.new_user
Cast = _platform.Cast


def local_noon(day: dt.date, hour: int = 12, minute: int = 0) -> dt.datetime:
    """An aware datetime on `day` in the project's time zone."""
    from django.utils import timezone

    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))


@dataclass
class Ledger:
    """Builds plans, tasks and assignments straight from the models (no parser involved)."""

    office: Any
    counter: int = 0

    def plan(self, jurisdiction: Any, title: str, *, dispatched: bool = True, year: int = 2024) -> Any:
        from django.utils import timezone

        from fazhi.plans.models import Plan

        self.counter += 1
        return Plan.objects.create(
            jurisdiction=jurisdiction,
            title=title,
            year=year,
            filename=f"{title}.txt",
            sha256=hashlib.sha256(f"{title}{self.counter}".encode()).hexdigest(),
            created_by=self.office,
            dispatched_at=timezone.now() if dispatched else None,
        )

    def task(
        self,
        plan: Any,
        *,
        category: str = "",
        deadline: dt.date | None = None,
        done_on: dt.date | None = None,
        units: Iterable[tuple[Any, str, dt.date | None]] = (),
        title: str = "",
    ) -> Any:
        """A task and its assignments: units is (unit, role, the assignment's done day or None)."""
        from fazhi.ledger.models import Assignment, Task

        position = plan.tasks.count() + 1
        task = Task.objects.create(
            plan=plan,
            position=position,
            number=str(position),
            category=category,
            title=title or f"任务{position}",
            content=f"任务{position}的内容",
            deadline=deadline,
            done_at=local_noon(done_on) if done_on else None,
        )
        for unit, role, unit_done in units:
            Assignment.objects.create(
                task=task,
                unit=unit,
                role=role,
                deadline=deadline,
                dispatched_by=self.office,
                done_at=local_noon(unit_done) if unit_done else None,
            )
        return task


@pytest.fixture
def ledger(cast: Any) -> Ledger:
    return Ledger(cast.office)


@pytest.fixture
def on() -> dt.date:
    from fazhi.ledger.status import today

    return today()


@dataclass
class Scene:
    """The worked example the figure tests assert against (see `scene`)."""

    on: dt.date
    plan: Any  # dispatched, 6 tasks
    draft: Any  # not dispatched, 2 tasks
    other: Any  # a plan of 红桥区, outside the cast's district
    tasks: list[Any]


@pytest.fixture
def scene(cast: Any, ledger: Ledger, on: dt.date) -> Scene:
    """Plan P (dispatched) in 天桥区, with today = `on`:

    | task | 一级指标 | deadline | task done       | unit A (司法局)        | unit B (宣传部)       |
    |------|---------|----------|-----------------|------------------------|-----------------------|
    | 1    | 一、甲   | on−10    | on−12 (on time) | lead, done on−12       | responsible, open (overdue) |
    | 2    | 一、甲   | on−10    | on−5 (late)     | lead, done on−5 (late) |                       |
    | 3    | 一、甲   | on−10    | open (overdue)  | lead, open (overdue)   |                       |
    | 4    | 二、乙   | on+1     | open (due soon) |                        | lead, open (due soon) |
    | 5    | 二、乙   | on+60    | open (on track) | responsible, open      | lead, open            |
    | 6    | —       | none     | open (on track) | lead, open             |                       |

    Plan D (not dispatched): 2 tasks in 一、甲, pending. Plan O in 红桥区: 1 overdue task.
    """
    from fazhi.units.models import Jurisdiction, Unit

    a, b = cast.unit_a, cast.unit_b
    d = dt.timedelta
    plan = ledger.plan(cast.district, "天桥区2024年法治政府建设实施方案")
    tasks = [
        ledger.task(plan, category="一、甲", deadline=on - d(10), done_on=on - d(12),
                    units=[(a, "lead", on - d(12)), (b, "responsible", None)]),
        ledger.task(plan, category="一、甲", deadline=on - d(10), done_on=on - d(5), units=[(a, "lead", on - d(5))]),
        ledger.task(plan, category="一、甲", deadline=on - d(10), units=[(a, "lead", None)]),
        ledger.task(plan, category="二、乙", deadline=on + d(1), units=[(b, "lead", None)]),
        ledger.task(plan, category="二、乙", deadline=on + d(60), units=[(a, "responsible", None), (b, "lead", None)]),
        ledger.task(plan, units=[(a, "lead", None)]),
    ]  # fmt: skip
    draft = ledger.plan(cast.district, "天桥区2025年工作要点（草稿）", dispatched=False, year=2025)
    ledger.task(draft, category="一、甲", deadline=on + d(30))
    ledger.task(draft, category="一、甲")
    hongqiao = Jurisdiction.objects.get(name="红桥区")
    other = ledger.plan(hongqiao, "红桥区2020年任务台账", year=2020)
    other_unit = Unit.objects.filter(jurisdiction=hongqiao).first()
    ledger.task(other, category="一、甲", deadline=on - d(3), units=[(other_unit, "lead", None)])
    return Scene(on=on, plan=plan, draft=draft, other=other, tasks=tasks)
