"""What the office and the units do in supervision: 督办单 (issue, reply, close) and 督察/整改
(inspect, record findings, submit, close or return). Views and the API call these; each checks
its rules and raises ValidationError with a Chinese message, storing nothing, when they fail.

Permission to act (who) is checked here too, so the API and the pages cannot disagree: a user
outside the object's scope never gets here (the views look objects up through access.py), and a
user inside it whose role may not act gets PermissionDenied (403).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone

from fazhi.accounts.access import is_office
from fazhi.evidence.services import evidence_of, store_evidence, validate_upload
from fazhi.ledger.status import Light, assignment_light
from fazhi.supervision.access import can_record_findings, can_reply
from fazhi.supervision.models import (
    Finding,
    Inspection,
    Notice,
    NoticeCounter,
    NoticeReply,
    Notification,
    RectificationItem,
)
from fazhi.supervision.notify import notify, post_webhook_on_commit
from fazhi.supervision.workcalendar import platform_calendar


def _office_users(jurisdiction_id: int) -> list[Any]:
    from django.contrib.auth import get_user_model

    return list(
        get_user_model().objects.filter(
            profile__role="office", profile__jurisdiction_id=jurisdiction_id, is_active=True
        )
    )


def _require_office(user: Any) -> None:
    if not is_office(user):
        raise PermissionDenied("只有依法治办工作人员可以执行此操作")


def _check_not_past(day: dt.date | None, label: str) -> dt.date:
    if day is None:
        raise ValidationError(f"请填写{label}。")
    if day < timezone.localdate():
        raise ValidationError(f"{label}（{day:%Y-%m-%d}）早于今天，请填写今天或以后的日期。")
    return day


def _check_files(files: Sequence[Any], what: str) -> None:
    """Every file must be what its name says (validated before anything is stored)."""
    if not files:
        raise ValidationError(f"{what}须附佐证材料，请上传至少一个文件。")
    for uploaded in files:
        validate_upload(uploaded)


def _store_files(files: Iterable[Any], user: Any, owner: Any) -> None:
    for uploaded in files:
        if hasattr(uploaded, "seek"):
            uploaded.seek(0)
        store_evidence(uploaded, user, owner=owner)


# --------------------------------------------------------------------------------------------
# 督办单


def default_reply_deadline(on: dt.date | None = None) -> tuple[dt.date, list[str]]:
    """FAZHI_NOTICE_REPLY_WORKDAYS working days after `on` (today), with coverage warnings."""
    on = on or timezone.localdate()
    day, warnings = platform_calendar().add_workdays(on, settings.FAZHI_NOTICE_REPLY_WORKDAYS, strict=False)
    return day, [w.message for w in warnings]


def next_notice_number(jurisdiction_id: int, year: int) -> int:
    """The next 督办单 number of a jurisdiction and year; call inside the issuing transaction.

    The UPDATE … SET last_number = last_number + 1 locks the counter row until the transaction
    ends, so two offices issuing at once get consecutive numbers; the unique constraint on
    (jurisdiction, year, number) is the backstop.
    """
    counter, _ = NoticeCounter.objects.get_or_create(jurisdiction_id=jurisdiction_id, year=year)
    NoticeCounter.objects.filter(pk=counter.pk).update(last_number=F("last_number") + 1)
    return NoticeCounter.objects.values_list("last_number", flat=True).get(pk=counter.pk)


def issue_notice(
    *, assignment: Any, user: Any, requirement: str, reply_deadline: dt.date | None = None
) -> Notice:
    """Issue a numbered 督办单 for an overdue assignment (the caller found it via access.py)."""
    _require_office(user)
    requirement = (requirement or "").strip()
    if not requirement:
        raise ValidationError("请填写督办要求。")
    if assignment_light(assignment) != Light.OVERDUE:
        raise ValidationError("只能对已逾期且未完成的任务分派下发督办单。")
    if reply_deadline is None:
        reply_deadline, _ = default_reply_deadline()
    _check_not_past(reply_deadline, "回复时限")
    jurisdiction_id = assignment.task.plan.jurisdiction_id
    year = timezone.localdate().year
    with transaction.atomic():
        notice = Notice.objects.create(
            jurisdiction_id=jurisdiction_id,
            year=year,
            number=next_notice_number(jurisdiction_id, year),
            assignment=assignment,
            unit_id=assignment.unit_id,
            requirement=requirement,
            reply_deadline=reply_deadline,
            issued_by=user,
        )
        text = (
            f"{notice.code}：任务“{assignment.task.number}. {assignment.task.display_title}”已逾期，"
            f"请于{reply_deadline:%Y年%m月%d日}前回复办理情况并上传佐证材料。"
        )
        link = reverse("notice-detail", args=[notice.pk])
        notify(kind=Notification.Kind.NOTICE_ISSUED, text=text, link=link, units=[assignment.unit])
        post_webhook_on_commit(f"{assignment.unit.name}：{text}")
    return notice


def reply_to_notice(*, notice: Notice, user: Any, text: str, files: Sequence[Any]) -> NoticeReply:
    """The unit's reply with evidence; refused when the notice is closed or not the user's unit's."""
    if not can_reply(user, notice.unit_id):
        raise PermissionDenied("只有被督办单位的联络员可以回复督办单")
    text = (text or "").strip()
    if not text:
        raise ValidationError("请填写回复内容。")
    if notice.state == Notice.State.CLOSED:
        raise ValidationError(f"{notice.code}已办结，不能再回复。")
    _check_files(files, "回复")
    with transaction.atomic():
        locked = Notice.objects.select_for_update().get(pk=notice.pk)
        if locked.state == Notice.State.CLOSED:  # closed meanwhile
            raise ValidationError(f"{notice.code}已办结，不能再回复。")
        reply = NoticeReply.objects.create(notice=locked, text=text, replied_by=user)
        _store_files(files, user, reply)
        locked.state = Notice.State.REPLIED
        locked.replied_at = timezone.now()
        locked.save()
        notify(
            kind=Notification.Kind.NOTICE_REPLIED,
            text=f"{locked.unit.name}已回复{locked.code}，请审核。",
            link=reverse("notice-detail", args=[locked.pk]),
            users=_office_users(locked.jurisdiction_id),
        )
    notice.refresh_from_db()
    return reply


def close_notice(*, notice: Notice, user: Any) -> Notice:
    """办结: the office closes a notice the unit has replied to."""
    _require_office(user)
    with transaction.atomic():
        locked = Notice.objects.select_for_update().get(pk=notice.pk)
        if locked.state == Notice.State.CLOSED:
            raise ValidationError(f"{locked.code}已办结。")
        if locked.state != Notice.State.REPLIED:
            raise ValidationError(f"{locked.unit.name}尚未回复{locked.code}，不能办结。")
        locked.state = Notice.State.CLOSED
        locked.closed_by = user
        locked.closed_at = timezone.now()
        locked.save()
        notify(
            kind=Notification.Kind.NOTICE_CLOSED,
            text=f"{locked.code}已办结。",
            link=reverse("notice-detail", args=[locked.pk]),
            units=[locked.unit],
        )
    notice.refresh_from_db()
    return notice


# --------------------------------------------------------------------------------------------
# 督察 and 整改


def create_inspection(
    *,
    user: Any,
    jurisdiction: Any,
    name: str,
    date: dt.date,
    units: Sequence[Any],
    plan: Any = None,
) -> Inspection:
    _require_office(user)
    name = (name or "").strip()
    if not name:
        raise ValidationError("请填写督察名称。")
    if not units:
        raise ValidationError("请选择至少一个督察单位。")
    outside = [u.name for u in units if u.jurisdiction_id not in jurisdiction.descendant_ids()]
    if outside:
        raise ValidationError(f"督察单位不在本辖区：{'、'.join(outside)}")
    with transaction.atomic():
        inspection = Inspection.objects.create(
            jurisdiction=jurisdiction, plan=plan, name=name, date=date, created_by=user
        )
        inspection.units.set(units)
    return inspection


def record_finding(*, inspection: Inspection, user: Any, unit: Any, text: str, deadline: dt.date) -> Finding:
    """A finding at one inspected unit, and its rectification item with a deadline."""
    if not can_record_findings(user):
        raise PermissionDenied("只有依法治办工作人员和督察组成员可以记录督察问题")
    text = (text or "").strip()
    if not text:
        raise ValidationError("请填写发现的问题。")
    if not inspection.units.filter(pk=unit.pk).exists():
        raise ValidationError(f"{unit.name}不在本次督察的单位范围内。")
    _check_not_past(deadline, "整改时限")
    with transaction.atomic():
        finding = Finding.objects.create(inspection=inspection, unit=unit, text=text, recorded_by=user)
        item = RectificationItem.objects.create(finding=finding, unit=unit, deadline=deadline)
        notify(
            kind=Notification.Kind.RECTIFICATION_ASSIGNED,
            text=f"{inspection.name}发现问题：{text[:60]}，请于{deadline:%Y年%m月%d日}前完成整改并上传佐证材料。",
            link=reverse("rectification-detail", args=[item.pk]),
            units=[unit],
        )
    return finding


def submit_rectification(*, item: RectificationItem, user: Any, text: str, files: Sequence[Any]) -> None:
    """The unit reports what it fixed, with evidence; the office then closes (销号) or returns it."""
    if not can_reply(user, item.unit_id):
        raise PermissionDenied("只有整改责任单位的联络员可以提交整改情况")
    text = (text or "").strip()
    if not text:
        raise ValidationError("请填写整改情况。")
    if item.state == RectificationItem.State.CLOSED:
        raise ValidationError("该整改事项已销号，不能再提交。")
    if item.state == RectificationItem.State.SUBMITTED:
        raise ValidationError("该整改事项已提交，正在等待依法治办确认销号。")
    _check_files(files, "整改情况")
    with transaction.atomic():
        locked = RectificationItem.objects.select_for_update().get(pk=item.pk)
        if locked.state != RectificationItem.State.OPEN:
            raise ValidationError("该整改事项的状态已变化，请刷新页面后再试。")
        _store_files(files, user, locked)
        locked.state = RectificationItem.State.SUBMITTED
        locked.submission = text
        locked.submitted_by = user
        locked.submitted_at = timezone.now()
        locked.save()
        notify(
            kind=Notification.Kind.RECTIFICATION_SUBMITTED,
            text=f"{locked.unit.name}已提交整改情况，请确认销号。",
            link=reverse("rectification-detail", args=[locked.pk]),
            users=_office_users(locked.finding.inspection.jurisdiction_id),
        )
    item.refresh_from_db()


def close_rectification(*, item: RectificationItem, user: Any, comment: str = "") -> None:
    """销号: only a submitted item with evidence, confirmed by the office."""
    _require_office(user)
    with transaction.atomic():
        locked = RectificationItem.objects.select_for_update().get(pk=item.pk)
        if locked.state == RectificationItem.State.CLOSED:
            raise ValidationError("该整改事项已销号。")
        if locked.state != RectificationItem.State.SUBMITTED:
            raise ValidationError("责任单位尚未提交整改情况，不能销号。")
        if not evidence_of(locked).exists():
            raise ValidationError("没有佐证材料，不能销号。")
        locked.state = RectificationItem.State.CLOSED
        locked.closed_by = user
        locked.closed_at = timezone.now()
        locked.office_comment = (comment or "").strip()
        locked.save()
        notify(
            kind=Notification.Kind.RECTIFICATION_CLOSED,
            text=f"整改事项“{locked.finding.text[:40]}”已销号。",
            link=reverse("rectification-detail", args=[locked.pk]),
            units=[locked.unit],
        )
    item.refresh_from_db()


def return_rectification(*, item: RectificationItem, user: Any, comment: str) -> None:
    """The office sends a submission back (整改不到位) with a comment; the item is open again."""
    _require_office(user)
    comment = (comment or "").strip()
    if not comment:
        raise ValidationError("退回时请填写审核意见。")
    with transaction.atomic():
        locked = RectificationItem.objects.select_for_update().get(pk=item.pk)
        if locked.state != RectificationItem.State.SUBMITTED:
            raise ValidationError("只能退回已提交、待销号的整改事项。")
        locked.state = RectificationItem.State.OPEN
        locked.office_comment = comment
        locked.save()
        notify(
            kind=Notification.Kind.RECTIFICATION_RETURNED,
            text=f"整改事项“{locked.finding.text[:40]}”被退回：{comment}",
            link=reverse("rectification-detail", args=[locked.pk]),
            units=[locked.unit],
        )
    item.refresh_from_db()
