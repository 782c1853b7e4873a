"""Reminder idempotence with REAL Celery workers on the Redis at 127.0.0.1:6379.

Two `celery -A fazhi worker` processes (prefetch 1, so each takes its own message) consume the
same reminder job, enqueued twice at the same moment, against one database they share with this
test: a fresh SQLite file under tmp_path when the suite runs on SQLite, a fresh PostgreSQL
database (created and dropped here) when it runs on PostgreSQL. Both are migrated and seeded by
subprocesses (worker_scenario.py), since the test's own database is an in-memory or
transaction-wrapped one the workers could not see.

Passes when both workers ran the job, the runs' claims add up to one per assignment, and the
database holds exactly one ReminderLog and one notification per assignment.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from worker_scenario import DAY, TASKS, UNITS

ROOT = Path(__file__).resolve().parents[2]
REDIS = os.environ.get("FAZHI_TEST_REDIS_URL", "redis://127.0.0.1:6379/14")
TASK = "fazhi.supervision.tasks.send_reminders_task"


def _redis_up() -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(REDIS, socket_connect_timeout=2).ping())
    except Exception:
        return False


pytestmark = pytest.mark.skipif(not _redis_up(), reason=f"Redis not reachable at {REDIS}")


@pytest.fixture
def worker_db(tmp_path: Path) -> Iterator[str]:
    """A database URL the workers and the scenario script share, on this suite's backend."""
    from django.db import connection

    if connection.vendor != "postgresql":
        yield f"sqlite:///{tmp_path / 'worker.sqlite3'}"
        return
    import psycopg

    s = connection.settings_dict
    name = f"fazhi_worker_{uuid.uuid4().hex[:10]}"
    params = {
        "host": s["HOST"] or "127.0.0.1",
        "port": s["PORT"] or 5432,
        "user": s["USER"],
        "password": s["PASSWORD"],
    }
    with psycopg.connect(dbname="postgres", autocommit=True, **params) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    auth = s["USER"] + (f":{s['PASSWORD']}" if s["PASSWORD"] else "")
    yield f"postgres://{auth}@{params['host']}:{params['port']}/{name}"
    with psycopg.connect(dbname="postgres", autocommit=True, **params) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _run(args: list[str], env: dict[str, str]) -> str:
    done = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def test_two_workers_running_the_job_at_once_send_each_reminder_once(worker_db: str, tmp_path: Path) -> None:
    from celery import Celery

    queue = f"sv-test-{uuid.uuid4().hex[:8]}"
    env = {
        **os.environ,
        "DATABASE_URL": worker_db,
        "CELERY_BROKER_URL": REDIS,
        "DJANGO_SETTINGS_MODULE": "fazhi.settings",
        "FAZHI_WEBHOOK_URL": "",
        "FAZHI_EVIDENCE_ROOT": str(tmp_path / "evidence"),
        "PYTHONPATH": str(ROOT),
    }
    _run([sys.executable, "manage.py", "migrate", "--noinput", "-v0"], env)
    seeded = json.loads(_run([sys.executable, "tests/supervision/worker_scenario.py", "seed"], env))
    assert seeded["assignments"] == TASKS * UNITS

    celery = str(Path(sys.executable).with_name("celery"))
    names = [f"w{i}-{queue}@localhost" for i in (1, 2)]
    logs = [tmp_path / f"worker{i}.log" for i in (1, 2)]
    workers = [
        subprocess.Popen(
            [
                celery,
                "-A",
                "fazhi",
                "worker",
                "-Q",
                queue,
                "-n",
                name,
                "--pool",
                "solo",
                "--prefetch-multiplier",
                "1",
                "--without-gossip",
                "--without-mingle",
                "-l",
                "info",
                "--logfile",
                str(log),
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.STDOUT,
        )  # fmt: skip
        for name, log in zip(names, logs, strict=True)
    ]
    app = Celery(broker=REDIS)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            replies = app.control.ping(destination=names, timeout=1.0)
            if len(replies) == 2:
                break
        else:
            pytest.fail(
                "the workers did not start: "
                + " | ".join(log.read_text()[-1500:] for log in logs if log.exists())
            )

        # The same job twice, at the same moment: one message for each worker.
        for _ in range(2):
            app.send_task(TASK, args=[DAY.isoformat()], queue=queue)

        runs: list[tuple[int, int]] = []
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            runs = []
            for log in logs:
                text = log.read_text() if log.exists() else ""
                runs += [
                    (int(a), int(b)) for a, b in re.findall(r"claimed=(\d+) already_claimed=(\d+)", text)
                ]
            if len(runs) == 2:
                break
            time.sleep(0.2)
        assert len(runs) == 2, [log.read_text()[-2000:] for log in logs if log.exists()]
    finally:
        for worker in workers:
            worker.terminate()
        for worker in workers:
            try:
                worker.wait(timeout=20)
            except subprocess.TimeoutExpired:
                worker.kill()
        app.close()

    # Each worker ran the job once (prefetch 1 and two messages), and together they claimed
    # every reminder exactly once: what one claimed, the other found already claimed.
    assert all("claimed=" in log.read_text() for log in logs), "both workers should have run the job"
    assert sum(claimed for claimed, _ in runs) == TASKS * UNITS
    assert sum(already for _, already in runs) == TASKS * UNITS
    stored = json.loads(_run([sys.executable, "tests/supervision/worker_scenario.py", "report"], env))
    assert stored == {"reminder_logs": TASKS * UNITS, "max_per_claim": 1, "notifications": TASKS * UNITS}
