"""督办单: numbered per jurisdiction and year, reply deadline in working days, replies with
evidence, closing, refusals with a Chinese message and nothing stored, the Word print."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone
from sv_samples import PDF, PNG, upload

from fazhi.supervision.models import Notice, NoticeReply, Notification
from fazhi.supervision.services import issue_notice
from fazhi.supervision.workcalendar import platform_calendar


def test_the_office_issues_a_numbered_notice_from_the_overdue_list(cast: Any, overdue_a: Any) -> None:
    c = cast.client(cast.office)
    page = c.get(reverse("overdue-list")).content.decode()
    assert f"?assignment={overdue_a.pk}" in page
    form = c.get(reverse("notice-create"), {"assignment": overdue_a.pk})
    assert form.status_code == 200
    expected = platform_calendar().add_workdays(timezone.localdate(), 5, strict=False).value
    assert form.context["form"].initial["reply_deadline"] == expected
    response = c.post(
        reverse("notice-create"),
        {"assignment": overdue_a.pk, "requirement": "请说明原因。", "reply_deadline": expected.isoformat()},
    )
    notice = Notice.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("notice-detail", args=[notice.pk])
    year = timezone.localdate().year
    assert notice.code == f"督办〔{year}〕1号" and notice.unit == cast.unit_a
    assert Notification.objects.filter(recipient_unit=cast.unit_a, kind="notice_issued").count() == 1


def test_numbers_run_per_jurisdiction_and_year(cast: Any, overdue_a: Any, new_user: Any) -> None:
    from fazhi.accounts.models import Role
    from fazhi.supervision.services import next_notice_number
    from fazhi.units.models import Jurisdiction

    first = issue_notice(assignment=overdue_a, user=cast.office, requirement="一")
    second = issue_notice(assignment=overdue_a, user=cast.office, requirement="二")
    assert (first.number, second.number) == (1, 2)
    other = Jurisdiction.objects.get(name="红桥区")
    assert next_notice_number(other.pk, first.year) == 1
    assert next_notice_number(cast.district.pk, first.year + 1) == 1
    assert next_notice_number(cast.district.pk, first.year) == 3
    assert Role.OFFICE  # the cast's office issued both


@pytest.mark.django_db(transaction=True)
def test_concurrent_issuing_never_repeats_a_number(django_db_setup: Any, django_db_blocker: Any) -> None:
    """Eight threads take numbers at once (PostgreSQL: real row locks; SQLite: serialised)."""
    import threading

    from django.db import connection, connections, transaction

    from fazhi.supervision.services import next_notice_number
    from fazhi.units.models import Jurisdiction

    if connection.vendor != "postgresql":
        pytest.skip("concurrent transactions need PostgreSQL (the SQLite test database is in memory)")
    district = Jurisdiction.objects.get(name="天桥区")
    numbers: list[int] = []
    errors: list[BaseException] = []
    barrier = threading.Barrier(8)

    def take() -> None:
        try:
            barrier.wait()
            with transaction.atomic():
                numbers.append(next_notice_number(district.pk, 2099))
        except BaseException as exc:  # reported below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=take) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors and sorted(numbers) == list(range(1, 9))


def test_a_notice_needs_an_overdue_assignment_and_a_future_reply_deadline(cast: Any, overdue_a: Any) -> None:
    c = cast.client(cast.office)
    past = (timezone.localdate() - dt.timedelta(days=1)).isoformat()
    response = c.post(
        reverse("notice-create"), {"assignment": overdue_a.pk, "requirement": "x", "reply_deadline": past}
    )
    assert response.status_code == 400 and "早于今天" in response.content.decode()
    overdue_a.deadline = timezone.localdate() + dt.timedelta(days=30)
    overdue_a.save()
    future = (timezone.localdate() + dt.timedelta(days=5)).isoformat()
    response = c.post(
        reverse("notice-create"), {"assignment": overdue_a.pk, "requirement": "x", "reply_deadline": future}
    )
    assert (
        response.status_code == 400
        and "只能对已逾期且未完成的任务分派下发督办单" in response.content.decode()
    )
    assert not Notice.objects.exists()


def test_the_unit_replies_with_evidence_and_the_office_closes(cast: Any, notice_a: Any) -> None:
    a = cast.client(cast.liaison_a)
    page = a.get(reverse("notice-detail", args=[notice_a.pk])).content.decode()
    assert "提交回复" in page
    response = a.post(
        reverse("notice-reply", args=[notice_a.pk]),
        {
            "text": "已于本周完成，附会议纪要。",
            "files": [upload("会议纪要.pdf"), upload("现场照片.png", PNG)],
        },
    )
    assert response.status_code == 302
    notice_a.refresh_from_db()
    assert notice_a.state == Notice.State.REPLIED
    reply = NoticeReply.objects.get()
    from fazhi.evidence.services import evidence_of

    assert sorted(e.original_name for e in evidence_of(reply)) == ["会议纪要.pdf", "现场照片.png"]
    assert Notification.objects.filter(recipient_user=cast.office, kind="notice_replied").exists()
    # The office reads the reply and downloads its evidence, then closes the notice.
    o = cast.client(cast.office)
    page = o.get(reverse("notice-detail", args=[notice_a.pk])).content.decode()
    evidence = evidence_of(reply).first()
    assert reverse("evidence-download", args=[evidence.pk]) in page
    assert o.get(reverse("evidence-download", args=[evidence.pk])).status_code == 200
    assert (
        cast.client(cast.liaison_b).get(reverse("evidence-download", args=[evidence.pk])).status_code == 404
    )
    assert o.post(reverse("notice-close", args=[notice_a.pk])).status_code == 302
    notice_a.refresh_from_db()
    assert notice_a.state == Notice.State.CLOSED and notice_a.closed_by == cast.office


def test_a_reply_after_the_notice_is_closed_is_refused(cast: Any, notice_a: Any) -> None:
    Notice.objects.filter(pk=notice_a.pk).update(state=Notice.State.CLOSED)
    response = cast.client(cast.liaison_a).post(
        reverse("notice-reply", args=[notice_a.pk]), {"text": "补充", "files": [upload("a.pdf")]}
    )
    assert response.status_code == 400
    assert f"{notice_a.code}已办结，不能再回复" in response.content.decode()
    assert not NoticeReply.objects.exists()


def test_evidence_that_is_not_what_its_name_says_is_refused(
    cast: Any, notice_a: Any, evidence_root: Any
) -> None:
    response = cast.client(cast.liaison_a).post(
        reverse("notice-reply", args=[notice_a.pk]),
        {"text": "见附件", "files": [upload("会议纪要.pdf"), upload("照片.png", PDF)]},
    )
    assert response.status_code == 400
    assert "内容与扩展名不符" in response.content.decode()
    assert not NoticeReply.objects.exists()
    notice_a.refresh_from_db()
    assert notice_a.state == Notice.State.OPEN
    assert not evidence_root.exists() or not any(p.is_file() for p in evidence_root.rglob("*"))


def test_a_reply_without_evidence_or_text_is_refused(cast: Any, notice_a: Any) -> None:
    a = cast.client(cast.liaison_a)
    response = a.post(reverse("notice-reply", args=[notice_a.pk]), {"text": "已完成"})
    assert response.status_code == 400 and "须附佐证材料" in response.content.decode()
    response = a.post(reverse("notice-reply", args=[notice_a.pk]), {"text": " ", "files": [upload("a.pdf")]})
    assert response.status_code == 400 and "请填写回复内容" in response.content.decode()
    assert not NoticeReply.objects.exists()


def test_someone_elses_notice_cannot_be_read_or_answered(cast: Any, notice_a: Any) -> None:
    b = cast.client(cast.liaison_b)
    assert b.get(reverse("notice-detail", args=[notice_a.pk])).status_code == 404
    assert (
        b.post(
            reverse("notice-reply", args=[notice_a.pk]), {"text": "x", "files": [upload("a.pdf")]}
        ).status_code
        == 404
    )
    assert b.get(reverse("notice-docx", args=[notice_a.pk])).status_code == 404
    assert (
        b.post(f"/api/notices/{notice_a.pk}/reply/", {"text": "x", "files": [upload("a.pdf")]}).status_code
        == 404
    )
    # The office and the leader may read it but not answer for the unit.
    for user in (cast.office, cast.leader):
        response = cast.client(user).post(
            reverse("notice-reply", args=[notice_a.pk]), {"text": "x", "files": [upload("a.pdf")]}
        )
        assert response.status_code == 403
    assert not NoticeReply.objects.exists()


def test_only_the_office_closes_and_only_after_a_reply(cast: Any, notice_a: Any) -> None:
    assert cast.client(cast.liaison_a).post(reverse("notice-close", args=[notice_a.pk])).status_code == 403
    assert cast.client(cast.leader).post(reverse("notice-close", args=[notice_a.pk])).status_code == 403
    response = cast.client(cast.office).post(reverse("notice-close", args=[notice_a.pk]))
    assert response.status_code == 400 and "尚未回复" in response.content.decode()
    notice_a.refresh_from_db()
    assert notice_a.state == Notice.State.OPEN


def test_the_notice_prints_as_an_official_word_document(cast: Any, notice_a: Any) -> None:
    from docx import Document

    for user in (cast.office, cast.leader, cast.liaison_a):
        response = cast.client(user).get(reverse("notice-docx", args=[notice_a.pk]))
        assert response.status_code == 200
        assert response["Content-Type"].endswith("wordprocessingml.document")
    text = "\n".join(p.text for p in Document(io.BytesIO(response.content)).paragraphs)
    assert "督办通知单" in text and notice_a.code in text
    assert "天桥区司法局：" in text and "中共天桥区委全面依法治区委员会办公室" in text
    assert (
        f"{notice_a.reply_deadline.year}年{notice_a.reply_deadline.month}月{notice_a.reply_deadline.day}日前"
        in text
    )


def test_the_api_issues_replies_and_closes(cast: Any, overdue_a: Any) -> None:
    o = cast.client(cast.office)
    response = o.post(
        "/api/notices/",
        {"assignment": overdue_a.pk, "requirement": "请说明"},
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    pk = response.json()["id"]
    assert response.json()["code"].endswith("1号")
    assert (
        cast.client(cast.leader)
        .post(
            "/api/notices/", {"assignment": overdue_a.pk, "requirement": "x"}, content_type="application/json"
        )
        .status_code
        == 403
    )
    a = cast.client(cast.liaison_a)
    assert (
        a.post(f"/api/notices/{pk}/reply/", {"text": "已办", "files": [upload("a.pdf")]}).status_code == 200
    )
    assert o.post(f"/api/notices/{pk}/close/").json()["state"] == "closed"
    refused = a.post(f"/api/notices/{pk}/reply/", {"text": "再补充", "files": [upload("b.pdf")]})
    assert refused.status_code == 400 and "已办结" in refused.json()["detail"]
    assert [n["id"] for n in a.get("/api/notices/").json()["results"]] == [pk]
    assert cast.client(cast.liaison_b).get("/api/notices/").json()["results"] == []


def test_issuing_emails_the_units_liaisons_and_posts_to_the_group_robot(
    cast: Any, overdue_a: Any, settings: Any, robot: Any, django_capture_on_commit_callbacks: Any
) -> None:
    from django.core import mail

    url, handler = robot
    settings.FAZHI_WEBHOOK_URL, settings.FAZHI_WEBHOOK_KIND = url, "wecom"
    cast.liaison_a.email = "sfj@example.cn"
    cast.liaison_a.save()
    with django_capture_on_commit_callbacks(execute=True):
        notice = issue_notice(assignment=overdue_a, user=cast.office, requirement="请说明原因")
    assert len(mail.outbox) == 1 and mail.outbox[0].bcc == ["sfj@example.cn"]
    assert notice.code in mail.outbox[0].body and "督办单下发" in mail.outbox[0].subject
    assert len(handler.received) == 1
    assert handler.received[0]["body"]["text"]["content"].startswith(f"天桥区司法局：{notice.code}")
