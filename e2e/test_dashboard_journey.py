"""Dashboards in headless chromium: office, leader and a liaison's to-do, with the demo plans.

Screenshots: test-artifacts/dash-*.png (1366×768 viewport, full page)."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import pytest


@pytest.fixture
def demo_plans(transactional_db: Any) -> None:
    """The demo with its plans, and a spread of states so every light shows."""
    from django.core.management import call_command
    from django.utils import timezone

    from fazhi.ledger.models import Assignment, Task

    call_command("load_demo", stdout=io.StringIO())
    today = timezone.localdate()
    tasks = list(Task.objects.filter(plan__jurisdiction__name="天桥区").order_by("position"))
    for i, task in enumerate(tasks):
        if i % 4 == 0:
            task.done_at = timezone.now() - dt.timedelta(days=i)
            task.deadline = today - dt.timedelta(days=i - 3)
        elif i % 4 == 1:
            task.deadline = today + dt.timedelta(days=2)
        elif i % 4 == 2:
            task.deadline = today + dt.timedelta(days=90)
        task.save()
        Assignment.objects.filter(task=task).update(deadline=task.deadline, done_at=task.done_at)


def _charts_drawn(page: Any) -> int:
    page.wait_for_selector("[data-chart] canvas")
    return page.locator("[data-chart] canvas").count()


def test_office_leader_and_liaison_dashboards(
    page: Any, live_server: Any, demo_plans: Any, shoot: Any, as_user: Any, sign_out: Any
) -> None:
    base = live_server.url
    as_user(page, base, "office")
    page.goto(f"{base}/dashboard/")
    page.wait_for_url("**/dashboard/office/")
    assert _charts_drawn(page) >= 4
    assert page.locator(".cards .card").first.is_visible()
    shoot(page, "dash-01-office")
    page.locator(".plans-table a").first.click()  # a plan's title opens its ledger
    page.wait_for_url("**/plans/*/")
    page.go_back()
    page.locator(".cards .card").nth(3).click()  # 逾期任务
    page.wait_for_load_state("networkidle")
    assert "status=overdue" in page.url or "light=overdue" in page.url
    shoot(page, "dash-02-overdue-tasks")
    sign_out(page)

    as_user(page, base, "leader")
    page.goto(f"{base}/dashboard/")
    page.wait_for_url("**/dashboard/leader/")
    assert _charts_drawn(page) >= 5
    assert page.locator(".ranking-table tr").count() > 2
    shoot(page, "dash-03-leader")
    sign_out(page)

    as_user(page, base, "liaison_sfj")
    page.goto(f"{base}/dashboard/")
    page.wait_for_url("**/dashboard/units/*/")
    assert "天桥区司法局" in page.locator("h1").inner_text()
    shoot(page, "dash-04-liaison-todo")
