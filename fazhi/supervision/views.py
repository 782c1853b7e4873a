"""Supervision pages: notifications, the holiday calendar, 督办单, the 约谈 list, 督察 and 整改.

Objects come from fazhi.supervision.access (404 outside scope); role refusals are 403; a refused
action (closed notice, past deadline, bad evidence) re-renders its page with the Chinese message
and status 400, storing nothing.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from fazhi.accounts.access import (
    home_jurisdiction,
    is_office,
    member_required,
    office_required,
    visible_assignments,
    visible_plans,
    visible_units,
)
from fazhi.accounts.models import Role
from fazhi.evidence.models import EvidenceFile
from fazhi.ledger.status import COLOURS, Light, assignment_light, assignment_light_q, rectification_light
from fazhi.supervision import services
from fazhi.supervision.access import (
    SUPERVISORS,
    can_record_findings,
    can_reply,
    roles_required,
    visible_findings,
    visible_inspections,
    visible_notices,
    visible_notifications,
    visible_rectifications,
)
from fazhi.supervision.documents import notice_docx
from fazhi.supervision.models import HolidayOverride, Inspection, Notice, NoticeReply, RectificationItem
from fazhi.supervision.talks import talk_list as build_talk_list
from fazhi.supervision.workcalendar import coverage_warnings, platform_calendar

MAX_HOLIDAY_RANGE_DAYS = 31


def _message(exc: ValidationError) -> str:
    return "；".join(exc.messages)


def _evidence_by_owner(model: type, ids: list[int]) -> dict[int, list[EvidenceFile]]:
    from django.contrib.contenttypes.models import ContentType

    found: dict[int, list[EvidenceFile]] = {}
    owner_type = ContentType.objects.get_for_model(model)
    for evidence in EvidenceFile.objects.filter(owner_type=owner_type, owner_id__in=ids).order_by("pk"):
        found.setdefault(evidence.owner_id, []).append(evidence)
    return found


# --------------------------------------------------------------------------------------------
# Notifications (the bell)


@member_required
def notification_list(request: HttpRequest) -> HttpResponse:
    notifications = visible_notifications(request.user)
    unread = notifications.filter(read_at__isnull=True).count()
    return render(
        request,
        "supervision/notification_list.html",
        {"notifications": notifications.select_related("recipient_unit")[:200], "unread": unread},
    )


@member_required
@require_POST
def notification_read(request: HttpRequest, pk: int) -> HttpResponse:
    notification = get_object_or_404(visible_notifications(request.user), pk=pk)
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return redirect(notification.link or "notification-list")


@member_required
@require_POST
def notification_read_all(request: HttpRequest) -> HttpResponse:
    visible_notifications(request.user).filter(read_at__isnull=True).update(read_at=timezone.now())
    return redirect("notification-list")


# --------------------------------------------------------------------------------------------
# Holiday calendar (放假 and 调休 entries)


class HolidayRangeForm(forms.Form):
    start = forms.DateField(label="开始日期", widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label="结束日期", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    kind = forms.ChoiceField(label="类型", choices=HolidayOverride.Kind.choices)
    note = forms.CharField(label="说明", max_length=100, required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        start, end = data.get("start"), data.get("end") or data.get("start")
        if start and end:
            if end < start:
                raise ValidationError("结束日期早于开始日期。")
            if (end - start).days >= MAX_HOLIDAY_RANGE_DAYS:
                raise ValidationError(f"一次最多录入{MAX_HOLIDAY_RANGE_DAYS}天。")
            data["end"] = end
        return data


@office_required
def holiday_list(request: HttpRequest) -> HttpResponse:
    """A year's entries, which years are covered and by whom, and a form to add a range of days."""
    today = timezone.localdate()
    try:
        year = int(request.GET.get("year") or request.POST.get("year") or today.year)
    except ValueError:
        year = today.year
    form = HolidayRangeForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            start, end = form.cleaned_data["start"], form.cleaned_data["end"]
            day, count = start, 0
            while day <= end:
                HolidayOverride.objects.update_or_create(
                    date=day,
                    defaults={
                        "kind": form.cleaned_data["kind"],
                        "note": form.cleaned_data["note"],
                        "created_by": request.user,
                    },
                )
                day += dt.timedelta(days=1)
                count += 1
            messages.success(request, f"已录入{count}天")
            return redirect(f"{request.path}?year={start.year}")
        status = 400
    calendar = platform_calendar()
    sources = {"chinesecalendar": "节假日库（chinesecalendar）", "python-holidays": "节假日库（holidays）"}
    years = []
    for y in range(today.year - 1, today.year + 3):
        source = calendar.source_of(y)
        years.append(
            {"year": y, "covered": source is not None, "source": sources.get(source or "", "本平台录入")}
        )
    entries = HolidayOverride.objects.filter(date__year=year).select_related("created_by")
    return render(
        request,
        "supervision/holiday_list.html",
        {"form": form, "year": year, "years": years, "entries": entries, "warnings": coverage_warnings([])},
        status=status,
    )


@office_required
@require_POST
def holiday_delete(request: HttpRequest, pk: int) -> HttpResponse:
    entry = get_object_or_404(HolidayOverride, pk=pk)
    year = entry.date.year
    entry.delete()
    messages.success(request, f"已删除 {entry.date:%Y-%m-%d} 的录入")
    return redirect(f"{_url('holiday-list')}?year={year}")


def _url(name: str, *args: Any) -> str:
    from django.urls import reverse

    return reverse(name, args=args)


# --------------------------------------------------------------------------------------------
# Overdue assignments and 督办单


@roles_required(Role.OFFICE, Role.LEADER)
def overdue_list(request: HttpRequest) -> HttpResponse:
    """Overdue open assignments in the user's scope, with the 督办单 already issued for each."""
    today = timezone.localdate()
    assignments = (
        visible_assignments(request.user)
        .filter(task__plan__dispatched_at__isnull=False)
        .filter(assignment_light_q(Light.OVERDUE, today))
        .select_related("task__plan", "unit")
        .annotate(n_notices=Count("notices"))
        .order_by("deadline", "unit__name", "pk")
    )
    rows = list(assignments[:500])
    return render(
        request,
        "supervision/overdue_list.html",
        {"assignments": rows, "warnings": coverage_warnings(a.deadline for a in rows)},
    )


@member_required
def notice_list(request: HttpRequest) -> HttpResponse:
    state = request.GET.get("state", "")
    notices = visible_notices(request.user).select_related("unit", "assignment__task")
    if state in Notice.State.values:
        notices = notices.filter(state=state)
    return render(
        request,
        "supervision/notice_list.html",
        {
            "notices": notices[:500],
            "states": Notice.State.choices,
            "state": state,
            "today": timezone.localdate(),
        },
    )


class NoticeForm(forms.Form):
    requirement = forms.CharField(label="督办要求", widget=forms.Textarea(attrs={"rows": 5}))
    reply_deadline = forms.DateField(
        label="回复时限", widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )


@office_required
def notice_create(request: HttpRequest) -> HttpResponse:
    """Issue a 督办单 for one overdue assignment (?assignment=ID)."""
    raw = request.GET.get("assignment") or request.POST.get("assignment") or ""
    if not raw.isdigit():
        return HttpResponseBadRequest("缺少任务分派编号")
    assignment = get_object_or_404(
        visible_assignments(request.user).select_related("task__plan", "unit"), pk=int(raw)
    )
    default_deadline, warnings = services.default_reply_deadline()
    initial = {
        "reply_deadline": default_deadline,
        "requirement": "请于回复时限前完成该项任务，书面报告未按期完成的原因、目前进展和整改措施，并上传佐证材料。",
    }
    form = NoticeForm(request.POST or None, initial=initial)
    error, status = "", 200
    if request.method == "POST":
        if form.is_valid():
            try:
                notice = services.issue_notice(
                    assignment=assignment,
                    user=request.user,
                    requirement=form.cleaned_data["requirement"],
                    reply_deadline=form.cleaned_data["reply_deadline"],
                )
            except ValidationError as exc:
                error = _message(exc)
            else:
                messages.success(request, f"已下发{notice.code}")
                return redirect("notice-detail", pk=notice.pk)
        status = 400
    return render(
        request,
        "supervision/notice_form.html",
        {
            "assignment": assignment,
            "light": assignment_light(assignment),
            "form": form,
            "error": error,
            "warnings": warnings + coverage_warnings([assignment.deadline]),
            "reply_workdays": settings.FAZHI_NOTICE_REPLY_WORKDAYS,
        },
        status=status,
    )


def _notice_page(request: HttpRequest, notice: Notice, error: str = "", status: int = 200) -> HttpResponse:
    replies = list(notice.replies.select_related("replied_by"))
    evidence = _evidence_by_owner(NoticeReply, [r.pk for r in replies])
    for reply in replies:
        reply.evidence = evidence.get(reply.pk, [])
    return render(
        request,
        "supervision/notice_detail.html",
        {
            "notice": notice,
            "replies": replies,
            "can_reply": can_reply(request.user, notice.unit_id) and notice.state != Notice.State.CLOSED,
            "can_close": is_office(request.user) and notice.state == Notice.State.REPLIED,
            "error": error,
            "history": notice.history.select_related("history_user").order_by("-history_date")[:50],
        },
        status=status,
    )


def _notice(request: HttpRequest, pk: int) -> Notice:
    return get_object_or_404(
        visible_notices(request.user).select_related(
            "unit", "jurisdiction", "assignment__task__plan", "issued_by"
        ),
        pk=pk,
    )


@member_required
def notice_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _notice_page(request, _notice(request, pk))


@member_required
@require_POST
def notice_reply(request: HttpRequest, pk: int) -> HttpResponse:
    notice = _notice(request, pk)
    try:
        services.reply_to_notice(
            notice=notice,
            user=request.user,
            text=request.POST.get("text", ""),
            files=request.FILES.getlist("files"),
        )
    except ValidationError as exc:
        return _notice_page(request, notice, _message(exc), 400)
    messages.success(request, "已回复，等待依法治办审核")
    return redirect("notice-detail", pk=notice.pk)


@member_required
@require_POST
def notice_close(request: HttpRequest, pk: int) -> HttpResponse:
    notice = _notice(request, pk)
    try:
        services.close_notice(notice=notice, user=request.user)
    except ValidationError as exc:
        return _notice_page(request, notice, _message(exc), 400)
    messages.success(request, f"{notice.code}已办结")
    return redirect("notice-detail", pk=notice.pk)


@member_required
def notice_docx_download(request: HttpRequest, pk: int) -> HttpResponse:
    notice = _notice(request, pk)
    response = HttpResponse(
        notice_docx(notice),
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    from urllib.parse import quote

    filename = f"{notice.code}.docx"
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(filename)}"
    response["Cache-Control"] = "private, no-store"
    return response


# --------------------------------------------------------------------------------------------
# 约谈


@roles_required(Role.OFFICE, Role.LEADER)
def talk_list(request: HttpRequest) -> HttpResponse:
    rows = build_talk_list(visible_units(request.user))
    return render(
        request,
        "supervision/talk_list.html",
        {
            "rows": rows,
            "overdue_threshold": settings.FAZHI_TALK_OVERDUE_THRESHOLD,
            "unanswered_threshold": settings.FAZHI_TALK_UNANSWERED_THRESHOLD,
        },
    )


# --------------------------------------------------------------------------------------------
# 督察 and 整改


@roles_required(*SUPERVISORS)
def inspection_list(request: HttpRequest) -> HttpResponse:
    inspections = (
        visible_inspections(request.user)
        .select_related("jurisdiction", "plan")
        .annotate(n_units=Count("units", distinct=True), n_findings=Count("findings", distinct=True))
    )
    return render(request, "supervision/inspection_list.html", {"inspections": inspections[:500]})


class InspectionForm(forms.Form):
    name = forms.CharField(label="督察名称", max_length=200)
    date = forms.DateField(label="督察日期", widget=forms.DateInput(attrs={"type": "date"}))
    plan = forms.ModelChoiceField(label="所属计划", queryset=None, required=False)
    units = forms.ModelMultipleChoiceField(
        label="督察单位", queryset=None, widget=forms.SelectMultiple(attrs={"size": 12})
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["plan"].queryset = visible_plans(user).order_by("-created_at")
        self.fields["units"].queryset = (
            visible_units(user).filter(active=True).order_by("jurisdiction_id", "name")
        )


@office_required
def inspection_create(request: HttpRequest) -> HttpResponse:
    form = InspectionForm(request.POST or None, user=request.user)
    error, status = "", 200
    if request.method == "POST":
        if form.is_valid():
            try:
                inspection = services.create_inspection(
                    user=request.user,
                    jurisdiction=home_jurisdiction(request.user),
                    name=form.cleaned_data["name"],
                    date=form.cleaned_data["date"],
                    units=list(form.cleaned_data["units"]),
                    plan=form.cleaned_data["plan"],
                )
            except ValidationError as exc:
                error = _message(exc)
            else:
                messages.success(request, "督察已创建，可以记录发现的问题")
                return redirect("inspection-detail", pk=inspection.pk)
        status = 400
    return render(request, "supervision/inspection_form.html", {"form": form, "error": error}, status=status)


def _inspection_page(
    request: HttpRequest, inspection: Inspection, error: str = "", status: int = 200
) -> HttpResponse:
    findings = list(
        visible_findings(request.user)
        .filter(inspection=inspection)
        .select_related("unit", "recorded_by", "rectification")
    )
    for finding in findings:
        item = getattr(finding, "rectification", None)
        finding.light = rectification_light(item) if item else None
    return render(
        request,
        "supervision/inspection_detail.html",
        {
            "inspection": inspection,
            "units": inspection.units.order_by("name"),
            "findings": findings,
            "can_record": can_record_findings(request.user),
            "error": error,
            "form_data": request.POST if error else {},
        },
        status=status,
    )


def _inspection(request: HttpRequest, pk: int) -> Inspection:
    return get_object_or_404(visible_inspections(request.user).select_related("jurisdiction", "plan"), pk=pk)


@roles_required(*SUPERVISORS)
def inspection_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _inspection_page(request, _inspection(request, pk))


@roles_required(*SUPERVISORS)
@require_POST
def finding_create(request: HttpRequest, pk: int) -> HttpResponse:
    inspection = _inspection(request, pk)
    unit_id = request.POST.get("unit", "")
    unit = inspection.units.filter(pk=int(unit_id)).first() if unit_id.isdigit() else None
    try:
        if unit is None:
            raise ValidationError("请选择本次督察范围内的单位。")
        try:
            deadline = dt.date.fromisoformat(request.POST.get("deadline", ""))
        except ValueError:
            raise ValidationError("请填写正确的整改时限（年-月-日）。") from None
        services.record_finding(
            inspection=inspection,
            user=request.user,
            unit=unit,
            text=request.POST.get("text", ""),
            deadline=deadline,
        )
    except ValidationError as exc:
        return _inspection_page(request, inspection, _message(exc), 400)
    messages.success(request, f"已记录问题，并向{unit.name}下达整改事项")
    return redirect("inspection-detail", pk=inspection.pk)


@member_required
def rectification_list(request: HttpRequest) -> HttpResponse:
    state = request.GET.get("state", "")
    items = visible_rectifications(request.user).select_related("unit", "finding__inspection")
    if state in RectificationItem.State.values:
        items = items.filter(state=state)
    rows = list(items[:500])
    for item in rows:
        item.light = rectification_light(item)
    return render(
        request,
        "supervision/rectification_list.html",
        {
            "items": rows,
            "states": RectificationItem.State.choices,
            "state": state,
            "colours": COLOURS,
            "warnings": coverage_warnings(i.deadline for i in rows if i.is_open),
        },
    )


def _rectification(request: HttpRequest, pk: int) -> RectificationItem:
    return get_object_or_404(
        visible_rectifications(request.user).select_related(
            "unit", "finding__inspection", "submitted_by", "closed_by"
        ),
        pk=pk,
    )


def _rectification_page(
    request: HttpRequest, item: RectificationItem, error: str = "", status: int = 200
) -> HttpResponse:
    return render(
        request,
        "supervision/rectification_detail.html",
        {
            "item": item,
            "light": rectification_light(item),
            "evidence": _evidence_by_owner(RectificationItem, [item.pk]).get(item.pk, []),
            "can_submit": can_reply(request.user, item.unit_id)
            and item.state == RectificationItem.State.OPEN,
            "can_confirm": is_office(request.user) and item.state == RectificationItem.State.SUBMITTED,
            "error": error,
            "warnings": coverage_warnings([item.deadline]) if item.is_open else [],
            "history": item.history.select_related("history_user").order_by("-history_date")[:50],
        },
        status=status,
    )


@member_required
def rectification_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _rectification_page(request, _rectification(request, pk))


@member_required
@require_POST
def rectification_submit(request: HttpRequest, pk: int) -> HttpResponse:
    item = _rectification(request, pk)
    try:
        services.submit_rectification(
            item=item,
            user=request.user,
            text=request.POST.get("text", ""),
            files=request.FILES.getlist("files"),
        )
    except ValidationError as exc:
        return _rectification_page(request, item, _message(exc), 400)
    messages.success(request, "整改情况已提交，等待依法治办确认销号")
    return redirect("rectification-detail", pk=item.pk)


@member_required
@require_POST
def rectification_close(request: HttpRequest, pk: int) -> HttpResponse:
    item = _rectification(request, pk)
    try:
        services.close_rectification(item=item, user=request.user, comment=request.POST.get("comment", ""))
    except ValidationError as exc:
        return _rectification_page(request, item, _message(exc), 400)
    messages.success(request, "已销号")
    return redirect("rectification-detail", pk=item.pk)


@member_required
@require_POST
def rectification_return(request: HttpRequest, pk: int) -> HttpResponse:
    item = _rectification(request, pk)
    try:
        services.return_rectification(item=item, user=request.user, comment=request.POST.get("comment", ""))
    except ValidationError as exc:
        return _rectification_page(request, item, _message(exc), 400)
    messages.success(request, "已退回责任单位重新整改")
    return redirect("rectification-detail", pk=item.pk)
