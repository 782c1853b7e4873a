"""Issue 4 in headless chromium: the execution cycle of a dispatched plan.

1. Progress: the liaison of 天桥区司法局 reports on a task with evidence, the office returns the
   report with a comment, the liaison corrects and resubmits it, the office accepts it.
2. Supervision: an overdue assignment gets the daily reminder (the job is run as the scheduler
   runs it) which the liaison sees; the office issues a 督办单 from the overdue list and downloads
   its Word print; the unit replies with evidence and the office closes the notice; an inspection
   finding recorded by the inspector is rectified by the unit with evidence and closed (销号).

Starting data (seed 000 imported, confirmed and dispatched through the project's services, with
deadlines moved so exactly one assignment is overdue) comes from the fixture; every step under
test goes through the pages. Screenshots: test-artifacts/execution/NN-*.png (1366×768, full page).
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

ROOT = Path(__file__).resolve().parent.parent
SEED_000 = ROOT / "tests" / "fixtures" / "seeds" / "000_2c654679abd70264.txt"
SAMPLE_PDF = ROOT / "tests" / "fixtures" / "docs" / "ruled_table_plan.pdf"
SHOTS = ROOT / "test-artifacts" / "execution"

UNIT = "天桥区司法局"
REPORT_TASK = "扎实做好行政复议应诉工作"  # task 11: 司法局 leads; two quantitative targets
OVERDUE_TASK = "深入实施“八五”普法规划"  # task 7: 司法局 leads; its assignment is made overdue
INSPECTION = "法治政府建设专项督察"


@dataclass
class Start:
    plan: Any
    report_assignment: Any
    overdue_assignment: Any
    reminder_day: dt.date


@pytest.fixture(scope="module", autouse=True)
def fresh_shots() -> None:
    """Screenshots of this journey only, from this run."""
    shutil.rmtree(SHOTS, ignore_errors=True)
    SHOTS.mkdir(parents=True)


@pytest.fixture
def snap() -> Any:
    def save(page: Any, name: str) -> None:
        page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)

    return save


def write_png(path: Path, width: int = 48, height: int = 32) -> Path:
    """A small valid RGB PNG (a red-to-blue gradient), written with zlib and struct only."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(
        b"\x00" + b"".join(bytes((255 - x * 5, 64, x * 5)) for x in range(width)) for _ in range(height)
    )
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )
    return path


@pytest.fixture
def start(demo: Any, settings: Any, tmp_path: Path) -> Start:
    """Seed 000 imported, confirmed and dispatched by the office through the services; every
    天桥区 deadline moved 60 days ahead except one assignment of 司法局, 10 days past."""
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from fazhi.ledger.dispatch import dispatch
    from fazhi.ledger.models import Assignment, Task
    from fazhi.plans.models import ImportJob
    from fazhi.plans.services import confirm_import, run_import, start_import
    from fazhi.supervision.workcalendar import invalidate_calendar, platform_calendar
    from fazhi.units.models import Jurisdiction

    settings.FAZHI_EVIDENCE_ROOT = tmp_path / "evidence"
    invalidate_calendar()
    office = get_user_model().objects.get(username="office")
    district = Jurisdiction.objects.get(name="天桥区")
    result = start_import(
        user=office, jurisdiction=district, filename=SEED_000.name, data=SEED_000.read_bytes(), enqueue=False
    )
    run_import(result.job.pk)
    plan = confirm_import(ImportJob.objects.get(pk=result.job.pk), office)
    dispatch(plan, office)

    today = timezone.localdate()
    later = today + dt.timedelta(days=60)
    Task.objects.filter(plan=plan).update(deadline=later)
    Assignment.objects.filter(task__plan=plan).update(deadline=later)
    overdue = Assignment.objects.get(task__plan=plan, task__title=OVERDUE_TASK, unit__name=UNIT)
    overdue.deadline = today - dt.timedelta(days=10)
    overdue.save()
    # The first working day after the deadline: the day the job sends its first overdue reminder.
    reminder_day = platform_calendar().add_workdays(overdue.deadline, 1, strict=False).value
    assert reminder_day <= today
    return Start(
        plan=plan,
        report_assignment=Assignment.objects.get(task__plan=plan, task__title=REPORT_TASK, unit__name=UNIT),
        overdue_assignment=overdue,
        reminder_day=reminder_day,
    )


def flash(page: Any) -> str:
    return page.locator("ul.messages").inner_text()


def nav(page: Any, name: str) -> None:
    """Follow a link of the top navigation and wait for the page."""
    page.locator("header nav").get_by_role("link", name=re.compile(f"^{name}")).click()
    page.wait_for_load_state("domcontentloaded")


def open_notification(page: Any, text: str) -> None:
    """The 通知 page: open (and mark read) the unread notification containing `text`."""
    nav(page, "通知")
    expect(page.locator("h1")).to_have_text(re.compile("^消息提醒"))
    row(page, text).get_by_role("button", name="查看").click()
    page.wait_for_load_state("domcontentloaded")


def row(page: Any, text: str) -> Any:
    return page.locator("table.grid tr", has_text=text)


def test_progress_report_returned_resubmitted_accepted(
    page: Any, live_server: Any, start: Start, snap: Any, as_user: Any, sign_out: Any, tmp_path: Path
) -> None:
    from fazhi.progress.models import ProgressReport

    base = live_server.url
    photo = write_png(tmp_path / "复议案件台账截图.png")
    minutes = tmp_path / "行政应诉出庭情况.pdf"
    shutil.copyfile(SAMPLE_PDF, minutes)

    # 1. The liaison opens 进展报送 and writes the task's consolidated report, with a photo.
    as_user(page, base, "liaison_sfj")
    nav(page, "进展报送")
    expect(page.locator("h1")).to_have_text("进展报送")
    snap(page, "01-liaison-my-reports")
    row(page, REPORT_TASK).get_by_role("link", name="填报汇总报告").click()
    page.wait_for_url("**/new/")
    expect(page.locator("h1")).to_contain_text(f"汇总报告：{UNIT}")
    page.get_by_label("推进中", exact=True).check()
    page.get_by_label("工作进展").fill("已办理行政复议案件12件，均在法定期限内审结。")
    page.get_by_label("保持100%").fill("100")
    page.get_by_label("每年参加1次").fill("1")
    page.locator("#id_files").set_input_files(str(photo))
    snap(page, "02-liaison-report-form")
    page.get_by_role("button", name="提交审核").click()
    page.wait_for_url(re.compile(r".*/progress/reports/\d+/$"))
    assert "报告已提交，等待审核" in flash(page)
    expect(page.locator("h1")).to_contain_text("待审核")
    expect(page.locator("#evidence-list")).to_contain_text(photo.name)
    expect(page.locator("table.figures")).to_contain_text("达标")
    report_url = page.url
    snap(page, "03-liaison-report-submitted")
    sign_out(page)

    # 2. The office finds it in the review queue and returns it with a comment.
    as_user(page, base, "office")
    nav(page, "进展审核")
    snap(page, "04-office-review-queue")
    row(page, UNIT).filter(has_text=REPORT_TASK).get_by_role("link").first.click()
    page.wait_for_url(report_url)
    expect(page.locator(".review-form")).to_be_visible()
    page.get_by_label("审核意见").fill("请补充行政机关负责人出庭应诉情况，并上传出庭记录。")
    snap(page, "05-office-review-form")
    page.get_by_role("button", name="退回修改").click()
    page.wait_for_url("**/progress/review/")
    assert "报告已退回联络员修改" in flash(page)
    sign_out(page)

    # 3. The liaison sees the return and the comment, corrects the report, adds a PDF, resubmits.
    as_user(page, base, "liaison_sfj")
    nav(page, "进展报送")
    mine = row(page, REPORT_TASK)
    expect(mine).to_contain_text("已退回")
    mine.get_by_role("link", name=re.compile(r"^\d{4}年")).click()
    page.wait_for_url(report_url)
    expect(page.locator(".panel")).to_contain_text("请补充行政机关负责人出庭应诉情况")
    page.get_by_role("link", name="修改").click()
    page.wait_for_url("**/edit/")
    expect(page.locator(".warn-box")).to_contain_text("请补充行政机关负责人出庭应诉情况")
    page.get_by_label("已完成", exact=True).check()
    page.get_by_label("工作进展").fill(
        "已办理行政复议案件12件，均在法定期限内审结；行政机关负责人出庭应诉率保持100%，"
        "全年组织旁听庭审1次。出庭记录见附件。"
    )
    page.locator("#id_files").set_input_files(str(minutes))
    snap(page, "06-liaison-report-edit-returned")
    page.get_by_role("button", name="提交审核").click()
    page.wait_for_url(report_url)
    assert "报告已提交，等待审核" in flash(page)
    expect(page.locator("#evidence-list li")).to_have_count(2)
    expect(page.locator("#evidence-list")).to_contain_text(minutes.name)
    sign_out(page)

    # 4. The office accepts the resubmitted report; the assignment is done.
    as_user(page, base, "office")
    nav(page, "进展审核")
    row(page, UNIT).filter(has_text=REPORT_TASK).get_by_role("link").first.click()
    page.wait_for_url(report_url)
    with page.expect_download() as download:
        page.locator("#evidence-list").get_by_role("link", name=minutes.name).click()
    assert Path(download.value.path()).read_bytes() == minutes.read_bytes()
    page.get_by_label("审核意见").fill("同意，材料齐全。")
    page.get_by_role("button", name="通过", exact=True).click()
    page.wait_for_url("**/progress/review/")
    assert "报告已审核通过" in flash(page)
    page.get_by_role("link", name="已通过").click()
    page.wait_for_url("**/progress/review/?state=accepted")
    row(page, UNIT).filter(has_text=REPORT_TASK).get_by_role("link").first.click()
    page.wait_for_url(report_url)
    expect(page.locator("h1")).to_contain_text("已通过")
    events = page.locator("table.report-events")
    for action in ("提交审核", "退回修改", "审核通过"):
        expect(events).to_contain_text(action)
    snap(page, "07-office-report-accepted")
    sign_out(page)

    report = ProgressReport.objects.get(assignment=start.report_assignment)
    assert report.state == "accepted" and report.status == "done"
    start.report_assignment.refresh_from_db()
    assert start.report_assignment.done_at is not None

    # 5. The liaison's list shows the accepted report and no longer offers to report on the task.
    as_user(page, base, "liaison_sfj")
    nav(page, "进展报送")
    mine = row(page, REPORT_TASK)
    expect(mine).to_contain_text("已通过")
    expect(mine.get_by_role("link", name="填报汇总报告")).to_have_count(0)
    snap(page, "08-liaison-my-reports-accepted")


def test_reminder_notice_reply_and_rectification(
    page: Any, live_server: Any, start: Start, snap: Any, as_user: Any, sign_out: Any, tmp_path: Path
) -> None:
    import docx
    from django.utils import timezone

    from fazhi.supervision.models import Notice, RectificationItem
    from fazhi.supervision.reminders import send_reminders
    from fazhi.supervision.services import default_reply_deadline

    base = live_server.url
    reply_file = tmp_path / "普法工作推进情况.pdf"
    shutil.copyfile(SAMPLE_PDF, reply_file)
    rectified = write_png(tmp_path / "公示栏更新照片.png")

    # 1. The daily job runs (as the scheduler runs it) on the first working day after the deadline.
    run = send_reminders(on=start.reminder_day)
    assert run.claimed == 1, run
    assert send_reminders(on=start.reminder_day).claimed == 0  # claimed once per day

    # 2. The liaison sees the overdue reminder and follows it to the task.
    as_user(page, base, "liaison_sfj")
    nav(page, "通知")
    reminder = row(page, OVERDUE_TASK)
    expect(reminder).to_contain_text("尚未完成，请尽快办理并报送进展")
    expect(page.locator("h1")).to_contain_text("未读")
    snap(page, "21-liaison-overdue-reminder")
    reminder.get_by_role("button", name="查看").click()
    page.wait_for_url(f"**/tasks/{start.overdue_assignment.task_id}/")
    expect(page.locator("h1")).to_contain_text(OVERDUE_TASK)
    sign_out(page)

    # 3. The office issues a 督办单 from the overdue list.
    as_user(page, base, "office")
    nav(page, "督办")
    page.get_by_role("link", name="从逾期任务下发督办单").click()
    page.wait_for_url("**/supervision/overdue/")
    overdue_row = row(page, UNIT).filter(has_text=OVERDUE_TASK)
    expect(overdue_row).to_have_count(1)
    snap(page, "22-office-overdue-list")
    overdue_row.get_by_role("link", name="下发督办单").click()
    page.wait_for_url(re.compile(r".*/supervision/notices/new/\?assignment=\d+$"))
    requirement = page.get_by_label("督办要求")
    expect(requirement).not_to_be_empty()
    requirement.fill(
        "请于回复时限前书面报告“八五”普法规划未按期完成的原因、目前进展和整改措施，并上传佐证材料。"
    )
    # the form proposes FAZHI_NOTICE_REPLY_WORKDAYS working days from today; the office keeps it
    reply_by, _ = default_reply_deadline()
    expect(page.get_by_label("回复时限")).to_have_value(reply_by.isoformat())
    snap(page, "23-office-notice-form")
    page.get_by_role("button", name="签发并下发").click()
    page.wait_for_url(re.compile(r".*/supervision/notices/\d+/$"))
    notice = Notice.objects.get(assignment=start.overdue_assignment)
    assert f"已下发{notice.code}" in flash(page)
    assert notice.reply_deadline == reply_by and notice.issued_by.username == "office"
    expect(page.locator("h1")).to_contain_text(notice.code)
    notice_url = page.url
    snap(page, "24-office-notice-issued")

    # 4. The 督办单 prints as a Word document carrying its number.
    with page.expect_download() as download:
        page.get_by_role("link", name="下载督办单（Word）").click()
    assert download.value.suggested_filename == f"{notice.code}.docx"
    saved = tmp_path / "notice.docx"
    download.value.save_as(saved)
    document = docx.Document(str(saved))
    text = "\n".join(p.text for p in document.paragraphs)
    text += "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    assert notice.code in text
    assert "督办通知单" in text and OVERDUE_TASK in text

    # 5. The 约谈 list opens (one overdue item is under the threshold: nobody is listed).
    nav(page, "约谈名单")
    expect(page.locator("h1")).to_have_text("约谈名单")
    expect(page.locator("table.grid")).to_contain_text("目前没有单位达到约谈条件")
    snap(page, "25-office-talk-list")
    sign_out(page)

    # 6. The unit replies to the notice with evidence.
    as_user(page, base, "liaison_sfj")
    nav(page, "通知")
    expect(row(page, notice.code)).to_contain_text("督办单下发")
    nav(page, "督办单")
    page.get_by_role("link", name=notice.code).click()
    page.wait_for_url(notice_url)
    page.get_by_label("回复内容").fill(
        "已制定“八五”普法规划推进计划，12月底前完成全部普法任务，推进情况见附件。"
    )
    page.get_by_label("佐证材料").set_input_files(str(reply_file))
    snap(page, "26-liaison-notice-reply-form")
    page.get_by_role("button", name="提交回复").click()
    page.wait_for_url(notice_url)
    assert "已回复，等待依法治办审核" in flash(page)
    expect(page.locator("h1")).to_contain_text("已回复")
    expect(page.get_by_role("link", name=re.compile(reply_file.name))).to_be_visible()
    snap(page, "27-liaison-notice-replied")
    sign_out(page)

    # 7. The office closes the notice.
    as_user(page, base, "office")
    open_notification(page, f"已回复{notice.code}")
    page.wait_for_url(notice_url)
    page.get_by_role("button", name="确认办结").click()
    page.wait_for_url(notice_url)
    assert f"{notice.code}已办结" in flash(page)
    expect(page.locator("h1")).to_contain_text("已办结")
    snap(page, "28-office-notice-closed")

    # 8. The office creates an inspection of 司法局 and 宣传部.
    nav(page, "督察整改")
    page.get_by_role("link", name="新建督察").click()
    page.wait_for_url("**/inspections/new/")
    page.get_by_label("督察名称").fill(INSPECTION)
    page.get_by_label("督察日期").fill(timezone.localdate().isoformat())
    page.get_by_label("督察单位").select_option(label=[UNIT, "天桥区委宣传部"])
    snap(page, "29-office-inspection-form")
    page.get_by_role("button", name="创建").click()
    page.wait_for_url(re.compile(r".*/supervision/inspections/\d+/$"))
    inspection_url = page.url
    sign_out(page)

    # 9. The inspector records a finding at 司法局; a rectification item goes to the unit.
    deadline = timezone.localdate() + dt.timedelta(days=20)
    as_user(page, base, "inspector")
    nav(page, "督察整改")
    nav(page, "督察整改")
    page.get_by_role("link", name=INSPECTION).click()
    page.wait_for_url(inspection_url)
    page.get_by_label("单位", exact=True).select_option(label=UNIT)
    page.get_by_label("发现问题").fill("行政执法公示栏信息未及时更新，部分执法人员信息缺失。")
    page.get_by_label("整改时限").fill(deadline.isoformat())
    page.get_by_role("button", name="记录并下达整改").click()
    page.wait_for_url(inspection_url)
    assert f"已记录问题，并向{UNIT}下达整改事项" in flash(page)
    expect(row(page, "行政执法公示栏信息未及时更新")).to_contain_text("整改中")
    snap(page, "30-inspector-finding-recorded")
    sign_out(page)

    # 10. The unit submits its rectification with a photo.
    as_user(page, base, "liaison_sfj")
    nav(page, "整改事项")
    snap(page, "31-liaison-rectification-list")
    page.get_by_role("link", name=re.compile("行政执法公示栏信息未及时更新")).click()
    page.wait_for_url(re.compile(r".*/supervision/rectifications/\d+/$"))
    item_url = page.url
    page.get_by_label("整改情况").fill("已更新公示栏全部执法人员信息，建立每月核对机制。")
    page.get_by_label("佐证材料").set_input_files(str(rectified))
    page.get_by_role("button", name="提交整改情况").click()
    page.wait_for_url(item_url)
    assert "整改情况已提交，等待依法治办确认销号" in flash(page)
    expect(page.get_by_role("link", name=re.compile(rectified.name))).to_be_visible()
    snap(page, "32-liaison-rectification-submitted")
    sign_out(page)

    # 11. The office confirms and closes the item (销号).
    as_user(page, base, "office")
    open_notification(page, f"{UNIT}已提交整改情况")
    page.wait_for_url(item_url)
    page.get_by_label("审核意见").fill("整改到位，同意销号。")
    page.get_by_role("button", name="确认销号").click()
    page.wait_for_url(item_url)
    assert "已销号" in flash(page)
    expect(page.locator(".panel")).to_contain_text("整改到位，同意销号。")
    snap(page, "33-office-rectification-closed")
    nav(page, "督察整改")
    page.get_by_role("link", name=INSPECTION).click()
    page.wait_for_url(inspection_url)
    expect(row(page, "行政执法公示栏信息未及时更新")).to_contain_text("已销号")
    snap(page, "34-office-inspection-closed")

    notice.refresh_from_db()
    assert notice.state == Notice.State.CLOSED
    item = RectificationItem.objects.get(finding__inspection__name=INSPECTION)
    assert item.state == RectificationItem.State.CLOSED and item.closed_by.username == "office"
