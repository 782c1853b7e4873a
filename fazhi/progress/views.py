"""Progress pages: a liaison's reports, the report form and evidence, the lead unit's view of a
task, the office's review queue and a plan's reporting cycle with its missing reports.

Every object comes from an access helper: outside the user's scope it is not found (404); a role
that may not act is refused (403); an action the report's state forbids is refused with a
message (409), and a bad input re-shows the form with messages (400). Nothing refused is stored.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from fazhi.accounts.access import (
    is_liaison,
    is_office,
    member_required,
    office_required,
    visible_assignments,
    visible_plans,
    visible_tasks,
)
from fazhi.evidence.services import evidence_of
from fazhi.ledger.models import Assignment, Role
from fazhi.progress import services
from fazhi.progress.access import (
    reporting_assignments,
    require_reporter,
    require_reviewer,
    task_assignments,
    visible_reports,
)
from fazhi.progress.forms import CycleForm, ReportForm, ReviewForm
from fazhi.progress.models import Cycle, ProgressReport, ReportEvent, State
from fazhi.progress.periods import period_on


def _reports(user: Any) -> QuerySet:
    return visible_reports(user).select_related(
        "assignment__unit", "assignment__task__plan", "submitted_by", "reviewed_by"
    )


def _files(request: HttpRequest) -> list[Any]:
    return request.FILES.getlist("files")


@member_required
def my_reports(request: HttpRequest) -> HttpResponse:
    """A liaison's assignments with their latest reports and this period's missing flags.
    Other roles go to the review queue."""
    if not is_liaison(request.user):
        return redirect("progress-review")
    on = services.today()
    assignments = (
        reporting_assignments(request.user)
        .select_related("task__plan__reporting_cycle", "unit")
        .prefetch_related(
            Prefetch(
                "progress_reports",
                queryset=ProgressReport.objects.order_by("-created_at", "-pk"),
                to_attr="reports",
            )
        )
        .order_by("task__plan_id", "task__position")
    )
    missing = set(
        reporting_assignments(request.user).filter(services.missing_filter(on)).values_list("pk", flat=True)
    )
    rows = [
        {"assignment": a, "latest": a.reports[0] if a.reports else None, "missing": a.pk in missing}
        for a in assignments
    ]
    return render(request, "progress/my_reports.html", {"rows": rows, "n_missing": len(missing)})


@member_required
def review_queue(request: HttpRequest) -> HttpResponse:
    """Reports waiting for review (or returned / accepted), for the office; leaders read it."""
    if is_liaison(request.user):
        raise PermissionDenied("只有依法治办工作人员可以审核进展报告")
    state = request.GET.get("state", State.SUBMITTED)
    if state not in (State.SUBMITTED, State.RETURNED, State.ACCEPTED):
        state = State.SUBMITTED
    reports = _reports(request.user).filter(state=state).order_by("submitted_at", "pk")[:500]
    plans = visible_plans(request.user).filter(dispatched_at__isnull=False).order_by("-created_at")
    return render(
        request,
        "progress/review_queue.html",
        {"reports": reports, "state": state, "states": State.choices[1:], "plans": plans},
    )


@member_required
def plan_reporting(request: HttpRequest, pk: int) -> HttpResponse:
    """A plan's reporting cycle (the office sets it) and the assignments missing this period's report."""
    if is_liaison(request.user):
        raise PermissionDenied("只有依法治办工作人员和领导可以查看报送情况")
    plan = get_object_or_404(visible_plans(request.user), pk=pk)
    cycle = services.cycle_of(plan)
    form = CycleForm(request.POST or None, initial={"cycle": cycle})
    if request.method == "POST":
        if not is_office(request.user):
            raise PermissionDenied("只有依法治办工作人员可以设置报送周期")
        if form.is_valid():
            services.set_cycle(plan, form.cleaned_data["cycle"], request.user)
            messages.success(request, "报送周期已保存")
            return redirect("progress-plan", pk=plan.pk)
    on = services.today()
    missing = (
        services.missing_reports(plan, on)
        .filter(pk__in=visible_assignments(request.user).values("pk"))
        .select_related("task", "unit")
        .order_by("unit__name", "task__position")
    )
    total = visible_assignments(request.user).filter(task__plan=plan, done_at__isnull=True).count()
    return render(
        request,
        "progress/plan_reporting.html",
        {
            "plan": plan,
            "form": form,
            "cycle_label": Cycle(cycle).label,
            "period": period_on(cycle, on),
            "missing": missing,
            "total": total,
        },
    )


@member_required
def task_reports(request: HttpRequest, pk: int) -> HttpResponse:
    """One task's reports, per assignment: for the lead unit, its responsible units' reports and
    its own consolidated report; for a responsible unit, its own; for the office, all submitted."""
    task = get_object_or_404(visible_tasks(request.user).select_related("plan"), pk=pk)
    assignments = list(
        task_assignments(request.user, task).select_related("unit").order_by("role", "unit__name")
    )
    by_assignment: dict[int, list[ProgressReport]] = {}
    for report in _reports(request.user).filter(assignment__task=task).order_by("-created_at", "-pk"):
        by_assignment.setdefault(report.assignment_id, []).append(report)
    mine = next(
        (a for a in assignments if is_liaison(request.user) and a.unit_id == request.user.profile.unit_id),
        None,
    )
    return render(
        request,
        "progress/task_reports.html",
        {
            "task": task,
            "groups": [{"assignment": a, "reports": by_assignment.get(a.pk, [])} for a in assignments],
            "mine": mine,
            "is_lead": mine is not None and mine.role == Role.LEAD,
        },
    )


def _assignment(request: HttpRequest, task: int, unit: int) -> Assignment:
    return get_object_or_404(
        visible_assignments(request.user).select_related("task__plan", "unit"), task_id=task, unit_id=unit
    )


@member_required
def assignment_reports(request: HttpRequest, task: int, unit: int) -> HttpResponse:
    """One assignment: its reports and every step taken on them (who, when, what)."""
    assignment = _assignment(request, task, unit)
    reports = list(_reports(request.user).filter(assignment=assignment).order_by("-created_at", "-pk"))
    events = (
        ReportEvent.objects.filter(report__in=[r.pk for r in reports])
        .select_related("actor", "report")
        .order_by("-at", "-pk")
    )
    can_report = is_liaison(request.user) and assignment.unit_id == request.user.profile.unit_id
    return render(
        request,
        "progress/assignment.html",
        {"assignment": assignment, "reports": reports, "events": events, "can_report": can_report},
    )


@member_required
def report_new(request: HttpRequest, task: int, unit: int) -> HttpResponse:
    """A new report on the user's own assignment: save as a draft or submit, with evidence."""
    assignment = _assignment(request, task, unit)
    require_reporter(request.user, assignment)
    form = ReportForm(request.POST or None, assignment=assignment)
    if request.method == "POST":
        if form.is_valid():
            try:
                report = services.create_report(
                    assignment,
                    request.user,
                    form.to_input(),
                    submit=request.POST.get("action") == "submit",
                    files=_files(request),
                )
            except ValidationError as exc:
                form.add_service_errors(exc)
            else:
                messages.success(
                    request, "报告已提交，等待审核" if report.state == State.SUBMITTED else "草稿已保存"
                )
                return redirect("progress-report", pk=report.pk)
        return _form(request, form, assignment, None, status=400)
    return _form(request, form, assignment, None)


def _form(
    request: HttpRequest,
    form: ReportForm,
    assignment: Assignment,
    report: ProgressReport | None,
    status: int = 200,
) -> HttpResponse:
    context = {
        "form": form,
        "assignment": assignment,
        "report": report,
        "evidence": evidence_of(report) if report else [],
        "max_mb": settings.FAZHI_EVIDENCE_MAX_MB,
    }
    return render(request, "progress/report_form.html", context, status=status)


def _report(request: HttpRequest, pk: int) -> ProgressReport:
    return get_object_or_404(_reports(request.user), pk=pk)


def _detail(
    request: HttpRequest, report: ProgressReport, *, error: str = "", status: int = 200
) -> HttpResponse:
    user = request.user
    is_reporter = is_liaison(user) and report.assignment.unit_id == user.profile.unit_id
    return render(
        request,
        "progress/report_detail.html",
        {
            "report": report,
            "figures": services.figure_rows(report),
            "evidence": evidence_of(report),
            "includes": _reports(user).filter(included_in=report),
            "events": report.events.select_related("actor"),
            "can_edit": is_reporter and report.editable,
            "can_review": is_office(user) and report.state == State.SUBMITTED,
            "review_form": ReviewForm(),
            "error": error,
        },
        status=status,
    )


def _refusal_status(exc: ValidationError) -> int:
    return 409 if getattr(exc, "code", None) in ("locked", "state") else 400


@member_required
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail(request, _report(request, pk))


@member_required
def report_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Edit a draft or returned report (its own unit's liaison only)."""
    report = _report(request, pk)
    require_reporter(request.user, report.assignment)
    if not report.editable:
        message = (
            "该报告已审核通过，不能再修改。"
            if report.state == State.ACCEPTED
            else "该报告已提交，正在审核，暂不能修改。"
        )
        return _detail(request, report, error=message, status=409)
    if request.method == "POST":
        form = ReportForm(request.POST, assignment=report.assignment, report=report)
        if form.is_valid():
            try:
                report = services.update_report(
                    report,
                    request.user,
                    form.to_input(),
                    submit=request.POST.get("action") == "submit",
                    files=_files(request),
                )
            except ValidationError as exc:
                form.add_service_errors(exc)
            else:
                messages.success(
                    request, "报告已提交，等待审核" if report.state == State.SUBMITTED else "草稿已保存"
                )
                return redirect("progress-report", pk=report.pk)
        return _form(request, form, report.assignment, report, status=400)
    form = ReportForm(initial=ReportForm.initial_for(report), assignment=report.assignment, report=report)
    return _form(request, form, report.assignment, report)


def _post_only(request: HttpRequest) -> None:
    if request.method != "POST":
        raise PermissionDenied("请通过页面上的按钮操作")


@member_required
def report_submit(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report(request, pk)
    require_reporter(request.user, report.assignment)
    _post_only(request)
    try:
        services.submit_report(report, request.user)
    except ValidationError as exc:
        return _detail(request, report, error="；".join(exc.messages), status=_refusal_status(exc))
    messages.success(request, "报告已提交，等待审核")
    return redirect("progress-report", pk=report.pk)


def _evidence_response(
    request: HttpRequest, report: ProgressReport, error: str = "", status: int = 200
) -> HttpResponse:
    if request.htmx:
        # htmx does not swap 4xx responses: the refusal is shown in the swapped list instead.
        return render(
            request,
            "progress/htmx/evidence_list.html",
            {"report": report, "evidence": evidence_of(report), "can_edit": report.editable, "error": error},
        )
    if error:
        return _detail(request, report, error=error, status=status)
    return redirect("progress-report-edit", pk=report.pk)


@member_required
def evidence_add(request: HttpRequest, pk: int) -> HttpResponse:
    """Upload evidence to a draft or returned report (htmx swaps the list in place)."""
    report = _report(request, pk)
    require_reporter(request.user, report.assignment)
    _post_only(request)
    try:
        services.add_evidence(report, request.user, _files(request))
    except ValidationError as exc:
        return _evidence_response(request, report, "；".join(exc.messages), _refusal_status(exc))
    return _evidence_response(request, report)


@member_required
def evidence_remove(request: HttpRequest, pk: int, evidence: int) -> HttpResponse:
    report = _report(request, pk)
    require_reporter(request.user, report.assignment)
    _post_only(request)
    item = get_object_or_404(evidence_of(report), pk=evidence)
    try:
        services.remove_evidence(report, request.user, item)
    except ValidationError as exc:
        return _evidence_response(request, report, "；".join(exc.messages), _refusal_status(exc))
    return _evidence_response(request, report)


@office_required
def report_review(request: HttpRequest, pk: int) -> HttpResponse:
    """Accept or return a submitted report (the office)."""
    report = _report(request, pk)
    require_reviewer(request.user)
    _post_only(request)
    form = ReviewForm(request.POST)
    if not form.is_valid():
        return _detail(request, report, error="请选择“通过”或“退回”", status=400)
    comment = form.cleaned_data["comment"]
    try:
        if form.cleaned_data["action"] == "accept":
            services.accept_report(report, request.user, comment)
            messages.success(request, "报告已审核通过")
        else:
            services.return_report(report, request.user, comment)
            messages.success(request, "报告已退回联络员修改")
    except ValidationError as exc:
        return _detail(request, report, error="；".join(exc.messages), status=_refusal_status(exc))
    return redirect("progress-review")
