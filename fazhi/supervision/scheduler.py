"""The reminder job without a broker: the demo server runs it in-process.

With CELERY_BROKER_URL set, Celery beat enqueues `send_reminders_task` daily (settings
CELERY_BEAT_SCHEDULE) and a worker runs it. Without a broker (the SQLite demo) there is no beat,
so a web server process (runserver, gunicorn) starts one daemon thread that calls the same task
every FAZHI_REMINDER_CHECK_MINUTES; tasks run eagerly, i.e. in that thread. Running it often is
harmless: each reminder is claimed once per day (see reminders.py), however many processes run.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import time

from django.conf import settings
from django.db import close_old_connections, connections

log = logging.getLogger(__name__)
_started = False


def is_server_process(argv: list[str]) -> bool:
    """True in `manage.py runserver` (the reloaded child, or with --noreload) and gunicorn."""
    program = os.path.basename(argv[0]) if argv else ""
    if "gunicorn" in program:
        return True
    if len(argv) > 1 and argv[1] == "runserver":
        return os.environ.get("RUN_MAIN") == "true" or "--noreload" in argv
    return False


def run_once() -> None:
    from fazhi.supervision.tasks import send_reminders_task

    close_old_connections()
    try:
        send_reminders_task.delay()
    except Exception:
        log.exception("in-process reminder job failed")
    finally:
        connections.close_all()


def _loop() -> None:
    time.sleep(10)  # let the server finish starting (apps, migrations check) first
    while True:
        run_once()
        time.sleep(max(1, settings.FAZHI_REMINDER_CHECK_MINUTES) * 60)


def maybe_start(argv: list[str] | None = None) -> bool:
    """Start the in-process reminder thread when there is no broker and this is a web server."""
    global _started
    argv = sys.argv if argv is None else argv
    if _started or not settings.CELERY_TASK_ALWAYS_EAGER or not settings.FAZHI_REMINDERS_IN_PROCESS:
        return False
    if not is_server_process(argv):
        return False
    _started = True
    threading.Thread(target=_loop, name="fazhi-reminders", daemon=True).start()
    return True
