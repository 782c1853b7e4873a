"""Plan list, upload, import progress, preview (edited in place with htmx) and confirmation."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from fazhi.accounts.access import (
    home_jurisdiction,
    jurisdiction_ids,
    member_required,
    office_required,
    visible_import_jobs,
    visible_plans,
)
from fazhi.plans import drafts
from fazhi.plans.models import ImportJob
from fazhi.plans.services import UploadError, check_upload, confirm_import, start_import
from fazhi.units.matching import Registry
from fazhi.units.models import Jurisdiction, Unit


@member_required
def plan_list(request: HttpRequest) -> HttpResponse:
    plans = (
        visible_plans(request.user)
        .select_related("jurisdiction")
        .annotate(n_tasks=Count("tasks", distinct=True))
        .order_by("-created_at")
    )
    jobs = visible_import_jobs(request.user).filter(
        status__in=[ImportJob.Status.QUEUED, ImportJob.Status.RUNNING, ImportJob.Status.READY]
    )
    return render(request, "plans/plan_list.html", {"plans": plans, "jobs": jobs.defer("data", "draft")})


def _upload_jurisdictions(user: Any) -> Any:
    ids = jurisdiction_ids(user)
    qs = Jurisdiction.objects.filter(level=Jurisdiction.Level.DISTRICT)
    return qs if ids is None else Jurisdiction.objects.filter(pk__in=ids)


@office_required
def plan_upload(request: HttpRequest) -> HttpResponse:
    """Upload a plan document: refused files get a message; known content shows the stored plan."""
    choices = _upload_jurisdictions(request.user)
    context: dict[str, Any] = {"jurisdictions": choices, "selected": home_jurisdiction(request.user)}
    if request.method != "POST":
        return render(request, "plans/plan_upload.html", context)
    upload = request.FILES.get("file")
    jurisdiction = choices.filter(pk=request.POST.get("jurisdiction") or 0).first() or home_jurisdiction(
        request.user
    )
    if upload is None:
        context["error"] = "请选择要上传的计划文件"
        return render(request, "plans/plan_upload.html", context, status=400)
    try:
        check_upload(upload.name, upload.size)
        result = start_import(
            user=request.user, jurisdiction=jurisdiction, filename=upload.name, data=upload.read()
        )
    except UploadError as exc:
        context["error"] = exc.message
        return render(request, "plans/plan_upload.html", context, status=400)
    if result.existing_plan is not None:
        messages.info(request, f"该文件与已导入的计划“{result.existing_plan.title}”内容相同，未重复导入")
        return redirect("plan-ledger", pk=result.existing_plan.pk)
    return redirect("import-status", pk=result.job.pk)


def _job(request: HttpRequest, pk: Any) -> ImportJob:
    return get_object_or_404(visible_import_jobs(request.user).select_related("jurisdiction"), pk=pk)


@office_required
def import_status(request: HttpRequest, pk: Any) -> HttpResponse:
    """Progress of a background parse; polls itself with htmx until the draft is ready."""
    job = _job(request, pk)
    target = None
    if job.status == ImportJob.Status.READY:
        target = reverse("import-preview", args=[job.pk])
    elif job.status == ImportJob.Status.CONFIRMED and job.plan_id:
        target = reverse("plan-ledger", args=[job.plan_id])
    if target and request.htmx:
        response = HttpResponse(status=204)
        response["HX-Redirect"] = target
        return response
    if target:
        return redirect(target)
    template = "htmx/import_progress.html" if request.htmx else "plans/import_status.html"
    return render(request, template, {"job": job})


def _preview_context(job: ImportJob, registry: Registry | None = None) -> dict[str, Any]:
    draft = job.draft or {"tasks": []}
    return {
        "job": job,
        "draft": draft,
        "rows": drafts.live_tasks(draft),
        "problems": drafts.problems(draft),
        "counts": drafts.unit_counts(draft),
        "registry_units": Unit.objects.filter(
            jurisdiction_id__in=job.jurisdiction.descendant_ids(), active=True
        )
        .order_by("name")
        .values_list("name", flat=True),
        "method_labels": drafts.METHOD_LABELS,
    }


@office_required
def import_preview(request: HttpRequest, pk: Any) -> HttpResponse:
    job = _job(request, pk)
    if job.status != ImportJob.Status.READY:
        return redirect("import-status", pk=job.pk)
    return render(request, "plans/import_preview.html", _preview_context(job))


def _row_response(request: HttpRequest, job: ImportJob, index: int, error: str | None = None) -> HttpResponse:
    context = _preview_context(job)
    context.update({"i": index, "task": drafts.task_at(job.draft, index), "error": error, "oob": True})
    return render(request, "htmx/preview_row.html", context, status=200)


def _ready_job(request: HttpRequest, pk: Any) -> ImportJob:
    job = _job(request, pk)
    if job.status != ImportJob.Status.READY:
        raise drafts.DraftError("该导入任务已确认或已放弃，不能再修改")
    return job


@office_required
def preview_task_edit(request: HttpRequest, pk: Any, index: int) -> HttpResponse:
    """GET: the inline edit form of one draft task; POST: save it and return the row."""
    job = _job(request, pk)
    try:
        task = drafts.task_at(job.draft or {}, index)
        if request.method == "POST":
            job = _ready_job(request, pk)
            drafts.update_task(job.draft, index, request.POST.dict())
            job.save(update_fields=["draft", "updated_at"])
            return _row_response(request, job, index)
    except drafts.DraftError as exc:
        if request.method == "POST" and job.draft:
            return render(
                request,
                "htmx/preview_task_form.html",
                {"job": job, "i": index, "task": {**drafts.task_at(job.draft, index), **request.POST.dict()},
                 "error": exc.message},
                status=400,
            )  # fmt: skip
        return HttpResponse(exc.message, status=400)
    return render(request, "htmx/preview_task_form.html", {"job": job, "i": index, "task": task})


@office_required
def preview_task_row(request: HttpRequest, pk: Any, index: int) -> HttpResponse:
    job = _job(request, pk)
    try:
        return _row_response(request, job, index)
    except drafts.DraftError as exc:
        return HttpResponse(exc.message, status=400)


def _guess_kind(name: str) -> str:
    if name.endswith(("街道", "镇", "乡")):
        return Unit.Kind.TOWN
    if "法院" in name:
        return Unit.Kind.COURT
    if "检察院" in name:
        return Unit.Kind.PROCURATORATE
    if name.startswith(("区委", "市委", "县委")) or "纪委" in name:
        return Unit.Kind.PARTY
    return Unit.Kind.GOVERNMENT


@office_required
@require_POST
def preview_unit(request: HttpRequest, pk: Any, index: int) -> HttpResponse:
    """Fix the units of one draft task: choose a match, create a unit, add or remove a name."""
    job = _job(request, pk)
    action = request.POST.get("action", "")
    try:
        job = _ready_job(request, pk)
        registry = Registry(job.jurisdiction.descendant_ids())
        raw_position = request.POST.get("position", "")
        position = int(raw_position) if raw_position.lstrip("-").isdigit() else -1
        if action == "choose":
            kind, pk_ = _parse_choice(request.POST, registry)
            label = (registry.group_names if kind == "group" else registry.names)[pk_]
            size = registry.group_sizes.get(pk_) if kind == "group" else None
            drafts.set_unit(job.draft, index, position, kind, pk_, label, "manual", size)
        elif action == "create":
            units = drafts.task_at(job.draft, index)["units"]
            if not 0 <= position < len(units):
                raise drafts.DraftError("找不到该单位，请刷新页面")
            name = units[position]["name"].strip()
            unit, _ = Unit.objects.get_or_create(
                jurisdiction=job.jurisdiction, name=name, defaults={"kind": _guess_kind(name)}
            )
            drafts.set_unit(job.draft, index, position, "unit", unit.pk, unit.name, "created")
        elif action == "remove":
            drafts.remove_unit(job.draft, index, position)
        elif action == "add":
            drafts.add_unit(
                job.draft, index, request.POST.get("name", ""), request.POST.get("role", ""), registry
            )
        else:
            raise drafts.DraftError("未知的操作")
    except drafts.DraftError as exc:
        try:
            return _row_response(request, _job(request, pk), index, error=exc.message)
        except drafts.DraftError:
            return HttpResponse(exc.message, status=400)
    job.save(update_fields=["draft", "updated_at"])
    return _row_response(request, job, index)


def _parse_choice(post: Any, registry: Registry) -> tuple[str, int]:
    """The registry entry the office picked: `choice` is "unit:12"/"group:3" or a typed name."""
    choice = (post.get("choice") or "").strip()
    if ":" in choice:
        kind, _, raw = choice.partition(":")
        if kind in ("unit", "group") and raw.isdigit():
            pool = registry.group_names if kind == "group" else registry.names
            if int(raw) in pool:
                return kind, int(raw)
    typed = (post.get("name") or choice).strip()
    if typed:
        exact = [pk for pk, name in registry.names.items() if name == typed]
        if len(exact) == 1:
            return "unit", exact[0]
        m = registry.match(typed)
        if m.resolved:
            return m.kind or "unit", m.id or 0
        if m.method == "ambiguous":
            raise drafts.DraftError(f"“{typed}”同时匹配多个单位，请从列表中选择全称")
    raise drafts.DraftError(f"单位名录中没有“{typed or '（空）'}”，请从列表中选择或新建单位")


@office_required
@require_POST
def import_confirm(request: HttpRequest, pk: Any) -> HttpResponse:
    job = _job(request, pk)
    try:
        plan = confirm_import(job, request.user)
    except drafts.DraftError as exc:
        job.refresh_from_db()
        if job.status != ImportJob.Status.READY:
            messages.error(request, exc.message)
            return redirect("plan-list")
        context = _preview_context(job)
        context["confirm_error"] = exc.message
        return render(request, "plans/import_preview.html", context, status=400)
    messages.success(request, f"已确认导入“{plan.title}”，共 {plan.tasks.count()} 项任务")
    return redirect("plan-ledger", pk=plan.pk)


@office_required
@require_POST
def import_discard(request: HttpRequest, pk: Any) -> HttpResponse:
    job = _job(request, pk)
    ImportJob.objects.filter(
        pk=job.pk, status__in=[ImportJob.Status.READY, ImportJob.Status.FAILED, ImportJob.Status.QUEUED]
    ).update(status=ImportJob.Status.DISCARDED, draft=None)
    messages.info(request, f"已放弃导入“{job.filename}”，未保存任何内容")
    return redirect("plan-list")
