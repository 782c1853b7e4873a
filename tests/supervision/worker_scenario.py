"""Data of the real-worker reminder test, run as a separate process against the worker's database.

    python tests/supervision/worker_scenario.py seed      # 2 units × 60 tasks, all overdue on DAY
    python tests/supervision/worker_scenario.py report    # JSON counts of what the workers stored

DATABASE_URL (and DJANGO_SETTINGS_MODULE) come from the environment, as for the workers.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from pathlib import Path

DAY = dt.date(2024, 9, 27)  # a Friday; every deadline below is the day before
TASKS = 60
UNITS = 2


def seed() -> None:
    from django.utils import timezone

    from fazhi.ledger.models import Assignment, Task
    from fazhi.plans.models import Plan
    from fazhi.units.models import Jurisdiction, Unit

    district = Jurisdiction.objects.create(name="测试区")
    units = [Unit.objects.create(name=f"测试区单位{i}", jurisdiction=district) for i in range(UNITS)]
    plan = Plan.objects.create(
        jurisdiction=district,
        title="测试计划",
        filename="t.txt",
        sha256="0" * 64,
        dispatched_at=timezone.now(),
    )
    deadline = DAY - dt.timedelta(days=1)
    for n in range(1, TASKS + 1):
        task = Task.objects.create(plan=plan, position=n, number=str(n), title=f"任务{n}", deadline=deadline)
        Assignment.objects.bulk_create(
            Assignment(task=task, unit=unit, role="responsible", deadline=deadline) for unit in units
        )
    print(json.dumps({"assignments": Assignment.objects.count()}))


def report() -> None:
    from django.db.models import Count

    from fazhi.supervision.models import Notification, ReminderLog

    per_claim = ReminderLog.objects.values("assignment", "rule", "day").annotate(n=Count("pk"))
    print(
        json.dumps(
            {
                "reminder_logs": ReminderLog.objects.count(),
                "max_per_claim": max((row["n"] for row in per_claim), default=0),
                "notifications": Notification.objects.count(),
            }
        )
    )


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fazhi.settings")
    import django

    django.setup()
    {"seed": seed, "report": report}[sys.argv[1]]()
