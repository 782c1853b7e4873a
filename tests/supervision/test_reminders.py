"""send_reminders: the rules, at most one reminder per assignment, rule and day however often it
runs, in-app + email + a webhook to a real local HTTP server, and the eager in-process path."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core import mail
from django.core.management import call_command

from fazhi.supervision.models import Notification, ReminderLog
from fazhi.supervision.reminders import rule_for, send_reminders
from fazhi.supervision.workcalendar import platform_calendar

D = dt.date
ON = D(2024, 9, 27)  # a Friday before 国庆


@pytest.fixture(autouse=True)
def rules(settings: Any) -> None:
    settings.FAZHI_REMINDER_WORKDAYS_BEFORE = [3, 1, 0]
    settings.FAZHI_OVERDUE_REMINDER_EVERY_WORKDAYS = 5
    settings.FAZHI_WEBHOOK_URL = ""


@pytest.mark.parametrize(
    ("deadline", "rule"),
    [
        (D(2024, 10, 8), "before_3"),  # 9/29 (调休 Sunday), 9/30, 10/8
        (D(2024, 9, 29), "before_1"),
        (ON, "before_0"),
        (D(2024, 10, 9), None),
        (D(2024, 9, 26), "overdue"),  # first working day after the deadline
        (D(2024, 9, 25), None),
    ],
)
def test_the_rules_count_working_days(db: Any, deadline: dt.date, rule: str | None) -> None:
    assert rule_for(deadline, ON, platform_calendar()) == rule


def test_overdue_reminders_repeat_every_five_working_days(db: Any) -> None:
    calendar = platform_calendar()
    deadline = D(2024, 9, 20)  # a Friday
    # Overdue by 1 working day on 9/23; by 5 on 9/27; by 6 on Sunday 9/29, a 调休 working day.
    assert rule_for(deadline, D(2024, 9, 23), calendar) == "overdue"
    assert rule_for(deadline, D(2024, 9, 27), calendar) is None
    assert rule_for(deadline, D(2024, 9, 29), calendar) == "overdue"
    assert rule_for(deadline, D(2024, 9, 30), calendar) is None


@pytest.fixture
def due(cast: Any, dispatched_000: Any) -> dict[str, Any]:
    """Unit A's assignments: one overdue since yesterday, one due in 3 working days; rest far off."""
    from fazhi.ledger.models import Assignment

    Assignment.objects.filter(task__plan=dispatched_000).update(deadline=D(2024, 12, 31))
    mine = list(Assignment.objects.filter(task__plan=dispatched_000, unit=cast.unit_a).order_by("pk")[:2])
    mine[0].deadline = D(2024, 9, 26)
    mine[0].save()
    mine[1].deadline = D(2024, 10, 8)
    mine[1].save()
    cast.liaison_a.email = "sfj@example.cn"
    cast.liaison_a.save()
    return {"overdue": mine[0], "soon": mine[1]}


def test_a_second_run_on_the_same_day_sends_nothing(cast: Any, due: dict[str, Any]) -> None:
    first = send_reminders(ON)
    assert (first.claimed, first.already_claimed) == (2, 0)
    assert set(ReminderLog.objects.values_list("rule", flat=True)) == {"overdue", "before_3"}
    assert Notification.objects.filter(recipient_unit=cast.unit_a).count() == 2
    assert len(mail.outbox) == 1 and mail.outbox[0].bcc == ["sfj@example.cn"]
    second = send_reminders(ON)
    assert (second.claimed, second.already_claimed) == (0, 2)
    assert ReminderLog.objects.count() == 2 and Notification.objects.count() == 2 and len(mail.outbox) == 1


def test_the_liaison_sees_the_reminder_in_the_bell(cast: Any, due: dict[str, Any]) -> None:
    from django.urls import reverse

    send_reminders(ON)
    page = cast.client(cast.liaison_a).get(reverse("notification-list")).content.decode()
    assert "已于2024年09月26日到期" in page and "还剩3个工作日" in page
    other = cast.client(cast.liaison_b).get(reverse("notification-list")).content.decode()
    assert "已于2024年09月26日到期" not in other


def test_done_assignments_and_days_off_get_no_reminder(cast: Any, due: dict[str, Any]) -> None:
    from django.utils import timezone

    due["overdue"].done_at = timezone.now()
    due["overdue"].save()
    assert send_reminders(D(2024, 10, 3)).skipped_day_off  # 国庆
    assert send_reminders(ON).claimed == 1


def test_the_eager_task_runs_the_job_in_process(cast: Any, due: dict[str, Any], settings: Any) -> None:
    from fazhi.supervision.tasks import send_reminders_task

    assert settings.CELERY_TASK_ALWAYS_EAGER  # no broker in the test settings
    result = send_reminders_task.delay(ON.isoformat())
    assert result.get() == {"day": "2024-09-27", "claimed": 2, "already_claimed": 0}
    assert send_reminders_task.delay(ON.isoformat()).get()["claimed"] == 0


def test_the_management_command(cast: Any, due: dict[str, Any], capsys: Any) -> None:
    call_command("send_reminders", "--date", "2024-09-27")
    assert "发送 2 条提醒" in capsys.readouterr().out
    call_command("send_reminders", "--date", "2024-09-27")
    assert "0 条提醒，2 条此前已发送" in capsys.readouterr().out


@pytest.mark.parametrize("kind", ["dingtalk", "wecom"])
def test_the_webhook_gets_one_digest_per_run(
    cast: Any, due: dict[str, Any], settings: Any, robot: Any, kind: str
) -> None:
    url, handler = robot
    settings.FAZHI_WEBHOOK_URL, settings.FAZHI_WEBHOOK_KIND = url, kind
    send_reminders(ON)
    assert len(handler.received) == 1
    message = handler.received[0]
    assert message["type"].startswith("application/json")
    assert message["body"]["msgtype"] == "text"
    content = message["body"]["text"]["content"]
    assert content.startswith("任务到期提醒（2条）") and "天桥区司法局" in content
    send_reminders(ON)
    assert len(handler.received) == 1  # nothing claimed, nothing posted


def test_a_failing_webhook_is_logged_and_the_job_goes_on(
    cast: Any, due: dict[str, Any], settings: Any, robot: Any, caplog: Any
) -> None:
    url, handler = robot
    handler.status = 500
    settings.FAZHI_WEBHOOK_URL = url
    run = send_reminders(ON)
    assert run.claimed == 2 and Notification.objects.count() == 2 and len(mail.outbox) == 1
    assert "webhook dingtalk failed" in caplog.text
    # Nobody listening at all: the same.
    settings.FAZHI_WEBHOOK_URL = "http://127.0.0.1:9/unreachable"
    assert send_reminders(D(2024, 9, 30)).claimed >= 1


def test_without_a_broker_only_a_web_server_process_starts_the_in_process_job(monkeypatch: Any) -> None:
    from fazhi.supervision.scheduler import is_server_process, maybe_start

    monkeypatch.delenv("RUN_MAIN", raising=False)
    assert not is_server_process(["manage.py", "runserver"])  # the autoreloader's parent
    assert is_server_process(["manage.py", "runserver", "--noreload"])
    assert is_server_process(["/srv/.venv/bin/gunicorn", "fazhi.wsgi"])
    assert not is_server_process(["celery", "-A", "fazhi", "worker"])
    monkeypatch.setenv("RUN_MAIN", "true")
    assert is_server_process(["manage.py", "runserver"])
    assert maybe_start(["pytest"]) is False
