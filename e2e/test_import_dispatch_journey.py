"""The office imports seed 000, fixes a unit in the preview, confirms and dispatches; liaison A
sees exactly unit A's tasks; liaison B cannot open A's task by URL."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from playwright.sync_api import expect

SEED_000 = (
    Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "seeds" / "000_2c654679abd70264.txt"
)


def test_import_fix_confirm_dispatch_then_liaisons(
    page: Any, live_server: Any, demo: Any, shoot: Any, as_user: Any, sign_out: Any
) -> None:
    from fazhi.ledger.models import Assignment, Task
    from fazhi.plans.models import Plan
    from fazhi.units.models import Unit

    base = live_server.url
    # The registry lacks the short form 区应急局, so the preview shows it for the office to fix.
    Unit.objects.filter(name="天桥区应急管理局").update(short_name="")

    # 1. The office logs in and uploads seed 000.
    page.goto(f"{base}/accounts/login/")
    shoot(page, "01-login")
    as_user(page, base, "office")
    assert "计划台账" in page.content()
    page.click("text=导入计划")
    shoot(page, "01b-upload")
    page.set_input_files("#id_file", str(SEED_000))
    page.click("text=上传并解析")
    page.wait_for_url(re.compile(r".*/preview/$"))
    assert page.locator(".task-row").count() == 18
    assert Plan.objects.count() == 0

    # 2. One name is unmatched; the office picks the registry's candidate.
    bad = page.locator(".unit.bad").first
    assert bad.get_attribute("data-unit") == "区应急局"
    shoot(page, "02-preview-unmatched")
    row_id = bad.locator("xpath=ancestor::div[contains(@class,'task-row')]").get_attribute("id")
    candidate = bad.locator("select[name=choice] option", has_text="天桥区应急管理局").get_attribute("value")
    bad.locator("select[name=choice]").select_option(candidate)
    bad.locator("button", has_text="指定").click()
    fixed = page.locator(f"#{row_id} .unit[data-unit='区应急局']")
    expect(fixed).to_have_class(re.compile(r"\bok\b"))
    expect(fixed).to_contain_text("人工指定")
    expect(page.locator(".unit.bad")).to_have_count(0)
    shoot(page, "03-preview-fixed")

    # 3. Confirm: the plan and its 18 tasks exist now.
    page.click("text=确认导入")
    page.wait_for_url(re.compile(r".*/plans/\d+/$"))
    plan = Plan.objects.get()
    assert plan.tasks.count() == 18
    assert "已确认导入" in page.content()
    shoot(page, "04-ledger")

    # 4. Dispatch, after seeing each unit's count.
    page.click("text=下发任务")
    page.wait_for_url(re.compile(r".*/dispatch/$"))
    assert "天桥区应急管理局" in page.content()
    shoot(page, "05-dispatch-preview")
    page.click("#dispatch-button")
    page.wait_for_url(re.compile(r".*/plans/\d+/$"))
    assert "已下发" in page.content()
    unit_a = Unit.objects.get(name="天桥区司法局")
    unit_b = Unit.objects.get(name="天桥区委宣传部")
    expected = set(Assignment.objects.filter(unit=unit_a).values_list("task__number", flat=True))
    assert expected

    task = Task.objects.filter(plan=plan, assignments__unit=unit_a).exclude(assignments__unit=unit_b).first()
    page.goto(f"{base}/tasks/{task.pk}/")
    shoot(page, "06-task-detail")
    page.goto(f"{base}/units/")
    shoot(page, "07-unit-list")
    page.goto(f"{base}/plans/")
    assert "已下发" in page.locator("table.grid").inner_text()
    shoot(page, "07b-plan-list")
    sign_out(page)

    # 5. Liaison A sees exactly unit A's tasks.
    as_user(page, base, "liaison_sfj")
    # a liaison lands on the unit's to-do list; the unit page lists all its assignments
    page.get_by_role("link", name="本单位任务").click()
    assert "天桥区司法局" in page.locator("h1").inner_text()
    shown = {row.inner_text() for row in page.locator("table.assignments tr td:nth-child(2)").all()}
    assert shown == expected
    shoot(page, "08-liaison-a-tasks")
    page.goto(f"{base}/tasks/{task.pk}/")
    assert page.locator("h1").inner_text().startswith(f"{task.number}.")
    sign_out(page)

    # 6. Liaison B cannot open A's task by URL.
    as_user(page, base, "liaison_xcb")
    response = page.goto(f"{base}/tasks/{task.pk}/")
    assert response.status == 404
    assert "页面不存在" in page.content()
    shoot(page, "09-liaison-b-refused")
    response = page.goto(f"{base}/units/{unit_a.pk}/")
    assert response.status == 404
