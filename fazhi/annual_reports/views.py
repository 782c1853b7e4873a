"""Annual-report pages: list with deadlines, draft from data, edit, versions, Word download,
figure records, past reports beside this year's figures, and the ledger workbook exports."""

from __future__ import annotations

import io
from typing import Any
from urllib.parse import quote

from django.apps import apps
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from fazhi.accounts.access import (
    home_jurisdiction,
    member_required,
    office_required,
    role_of,
    visible_plans,
    visible_tasks,
    visible_units,
)
from fazhi.annual_reports import deadlines, drafting, ledger_export, services
from fazhi.annual_reports.access import (
    reader_required,
    scoped_records,
    visible_jurisdictions,
    visible_past_reports,
    visible_reports,
)
from fazhi.annual_reports.figures import compare, report_figures, snapshot
from fazhi.annual_reports.forms import InputsForm, NewReportForm, PastReportForm, VersionForm
from fazhi.annual_reports.models import SECTION_KINDS, SECTION_LABELS, AnnualReport, PastReport
from fazhi.docgen.official import write_official_docx

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _attachment(data: bytes, filename: str, content_type: str) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type)
    # RFC 5987: browsers take the UTF-8 name; the ASCII fallback keeps old clients working.
    response["Content-Disposition"] = (
        f"attachment; filename=\"report.{filename.rsplit('.', 1)[-1]}\"; filename*=UTF-8''{quote(filename)}"
    )
    return response


def _report(request: HttpRequest, pk: int) -> AnnualReport:
    return get_object_or_404(visible_reports(request.user).select_related("jurisdiction"), pk=pk)


def _deadline_info(report: AnnualReport, today: Any) -> dict[str, Any]:
    return {
        "deadlines": deadlines.deadlines(report.kind, report.year, today),
        "warning": deadlines.warning(report.status, report.kind, report.year, today),
    }


@reader_required
def report_list(request: HttpRequest) -> HttpResponse:
    """Reports in scope with their statutory deadlines and warnings; past reports; new draft."""
    today = timezone.localdate()
    reports = list(visible_reports(request.user).select_related("jurisdiction"))
    rows = [{"report": r, **_deadline_info(r, today)} for r in reports]
    year = deadlines.reporting_year(today)
    jurisdiction = home_jurisdiction(request.user)
    warnings = [row["warning"] for row in rows if row["warning"]]
    if jurisdiction is not None and not any(
        r.year == year and r.jurisdiction_id == jurisdiction.pk for r in reports
    ):
        missing = deadlines.warning(None, AnnualReport.Kind.GOVERNMENT, year, today)
        if missing:
            warnings.insert(0, missing)
    form = NewReportForm(
        initial={"year": year, "kind": AnnualReport.Kind.GOVERNMENT, "jurisdiction": jurisdiction},
        jurisdictions=visible_jurisdictions(request.user),
    )
    return render(
        request,
        "annual_reports/report_list.html",
        {
            "rows": rows,
            "warnings": warnings,
            "current": deadlines.deadlines(AnnualReport.Kind.GOVERNMENT, year, today)
            + deadlines.deadlines(AnnualReport.Kind.DEPARTMENT, year, today)[:1],
            "year": year,
            "form": form,
            "past_reports": visible_past_reports(request.user).select_related("jurisdiction").defer("data"),
        },
    )


@office_required
@require_POST
def report_create(request: HttpRequest) -> HttpResponse:
    """Create the report of a year and draft it from the data."""
    form = NewReportForm(request.POST, jurisdictions=visible_jurisdictions(request.user))
    if not form.is_valid():
        messages.error(request, "请填写正确的报告年度、类型和辖区")
        return redirect("report-list")
    try:
        report = services.create_report(
            form.cleaned_data["jurisdiction"],
            form.cleaned_data["year"],
            form.cleaned_data["kind"],
            request.user,
        )
    except services.ReportError as exc:
        messages.error(request, exc.message)
        return redirect("report-list")
    messages.success(request, "已根据平台数据生成报告初稿")
    return redirect("report-detail", pk=report.pk)


def _past_for(report: AnnualReport) -> PastReport | None:
    return (
        PastReport.objects.filter(jurisdiction=report.jurisdiction, year=report.year - 1)
        .defer("data")
        .order_by("-uploaded_at")
        .first()
    )


@reader_required
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The current version: sections, figures with links to their records, last year beside."""
    report = _report(request, pk)
    version = services.latest_version(report)
    if version is None:
        raise Http404("报告没有任何版本")
    flat = version.figures.get("flat", [])
    past = _past_for(report)
    return render(
        request,
        "annual_reports/report_detail.html",
        {
            "report": report,
            "version": version,
            "sections": [(kind, label, version.sections.get(kind, "")) for kind, label in SECTION_KINDS],
            "headings": drafting.section_headings(report.year),
            "comparisons": compare(flat, past.figures if past else []),
            "past": past,
            "transitions": services.allowed_transitions(report.status, role_of(request.user)),
            "status_labels": dict(AnnualReport.Status.choices),
            **_deadline_info(report, timezone.localdate()),
        },
    )


@office_required
def report_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Edit the text in the browser; saving makes a new version."""
    report = _report(request, pk)
    version = services.latest_version(report)
    if report.status == AnnualReport.Status.APPROVED:
        messages.error(request, "报告已审定，需由领导退回后才能修改")
        return redirect("report-detail", pk=report.pk)
    initial: dict[str, Any] = {}
    if version is not None:
        initial = {
            "title": version.title,
            "issuer": version.issuer,
            "signed_on": version.signed_on,
            "opening": version.opening,
            **{f"section_{k}": version.sections.get(k, "") for k, _ in SECTION_KINDS},
        }
    form = VersionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        new = services.save_version(
            report,
            request.user,
            title=form.cleaned_data["title"],
            issuer=form.cleaned_data["issuer"],
            signed_on=form.cleaned_data["signed_on"],
            opening=form.cleaned_data["opening"],
            sections=form.sections(),
            note=form.cleaned_data["note"] or "在线编辑",
        )
        messages.success(request, f"已保存为第{new.number}版")
        return redirect("report-detail", pk=report.pk)
    return render(
        request, "annual_reports/report_edit.html", {"report": report, "version": version, "form": form}
    )


@office_required
def report_generate(request: HttpRequest, pk: int) -> HttpResponse:
    """The office's inputs (first-responsible section, next year, other) and a fresh draft from
    the data; the result is a new version, earlier ones stay."""
    report = _report(request, pk)
    version = services.latest_version(report)
    if report.status == AnnualReport.Status.APPROVED:
        messages.error(request, "报告已审定，需由领导退回后才能重新生成")
        return redirect("report-detail", pk=report.pk)
    form = InputsForm(request.POST or None, initial=version.inputs if version else {})
    if request.method == "POST" and form.is_valid():
        new = services.draft_from_data(report, request.user, inputs=form.cleaned_data)
        messages.success(request, f"已根据最新数据重新生成，保存为第{new.number}版")
        return redirect("report-detail", pk=report.pk)
    return render(request, "annual_reports/report_generate.html", {"report": report, "form": form})


@reader_required
@require_POST
def report_status(request: HttpRequest, pk: int) -> HttpResponse:
    """Hand in (office), approve or send back (leader)."""
    report = _report(request, pk)
    to = request.POST.get("to", "")
    if to not in services.allowed_transitions(report.status, role_of(request.user)):
        raise PermissionDenied("您不能对该报告执行此操作")
    try:
        report = services.change_status(report, to, role_of(request.user), request.user)
    except services.ReportError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, f"报告状态已改为“{report.get_status_display()}”")
    return redirect("report-detail", pk=report.pk)


@reader_required
def report_versions(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report(request, pk)
    versions = report.versions.select_related("created_by").defer("figures", "sections", "inputs")
    return render(request, "annual_reports/report_versions.html", {"report": report, "versions": versions})


@reader_required
def report_version(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    """One version and what changed since the one before it (diff-lite, line by line)."""
    report = _report(request, pk)
    version = get_object_or_404(report.versions.select_related("created_by"), number=number)
    previous = report.versions.filter(number__lt=number).order_by("-number").first()
    return render(
        request,
        "annual_reports/report_version.html",
        {
            "report": report,
            "version": version,
            "previous": previous,
            "diff": services.diff_versions(previous, version),
        },
    )


@reader_required
def report_docx(request: HttpRequest, pk: int) -> HttpResponse:
    """The report as a GB/T 9704 Word document (the current version, or ?version=N)."""
    report = _report(request, pk)
    number = request.GET.get("version", "")
    versions = report.versions.all()
    version = (
        get_object_or_404(versions, number=int(number))
        if number.isdigit()
        else versions.order_by("-number").first()
    )
    if version is None:
        raise Http404("报告没有任何版本")
    out = io.BytesIO()
    write_official_docx(drafting.version_document(version), out)
    name = f"{report.jurisdiction.name}{report.year}年度法治政府建设工作报告（第{version.number}版）.docx"
    return _attachment(out.getvalue(), name, DOCX)


@reader_required
def report_figure(request: HttpRequest, pk: int, key: str) -> HttpResponse:
    """The records one figure of the current version counts, as far as the user may see them."""
    report = _report(request, pk)
    version = services.latest_version(report)
    figure = next((f for f in (version.figures.get("flat", []) if version else []) if f["key"] == key), None)
    if figure is None or not figure.get("model"):
        raise Http404("没有这个数据项")
    try:
        model = apps.get_model(figure["model"])
    except LookupError:
        raise Http404("该数据项的来源尚不可用") from None
    records = list(scoped_records(request.user, model).filter(pk__in=figure["ids"])[:500])
    return render(
        request,
        "annual_reports/report_figure.html",
        {"report": report, "figure": figure, "records": records, "model_label": model._meta.label},
    )


@office_required
def past_report_upload(request: HttpRequest) -> HttpResponse:
    """Import a past annual report: its sections and figures are kept for comparison."""
    form = PastReportForm(
        request.POST or None,
        request.FILES or None,
        initial={"jurisdiction": home_jurisdiction(request.user)},
        jurisdictions=visible_jurisdictions(request.user),
    )
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            past = services.import_past_report(
                jurisdiction=form.cleaned_data["jurisdiction"],
                filename=upload.name,
                data=upload.read(),
                user=request.user,
                year=form.cleaned_data["year"],
            )
        except services.ReportError as exc:
            form.add_error("file", exc.message)
        else:
            messages.success(request, f"已导入：识别出{len(past.sections)}个章节、{len(past.figures)}项数据")
            return redirect("past-report-detail", pk=past.pk)
    return render(request, "annual_reports/past_report_upload.html", {"form": form})


@reader_required
def past_report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A past report's sections and figures, beside the following year's figures (from that
    year's report if there is one, else computed now)."""
    past = get_object_or_404(
        visible_past_reports(request.user).select_related("jurisdiction").defer("data"), pk=pk
    )
    year = past.year + 1
    current = (
        visible_reports(request.user)
        .filter(jurisdiction=past.jurisdiction, year=year)
        .order_by("kind")
        .first()
    )
    version = services.latest_version(current) if current else None
    flat = (
        version.figures.get("flat", [])
        if version
        else snapshot(report_figures(past.jurisdiction, year))["flat"]
    )
    sections = [
        {**s, "label": SECTION_LABELS.get(s.get("kind") or "", "未对应法定章节")} for s in past.sections
    ]
    return render(
        request,
        "annual_reports/past_report_detail.html",
        {
            "past": past,
            "year": year,
            "current": current,
            "comparisons": compare(flat, past.figures),
            "sections": sections,
        },
    )


@member_required
def ledger_export_plan(request: HttpRequest, pk: int) -> HttpResponse:
    """A plan's ledger as .xlsx, with the ledger page's filters (category, unit, status, q);
    a liaison gets their own unit's rows, as on the page."""
    plan = get_object_or_404(visible_plans(request.user), pk=pk)
    tasks = ledger_export.filter_tasks(visible_tasks(request.user).filter(plan=plan), request.GET)
    filtered = any(request.GET.get(k) for k in ("category", "unit", "status", "q"))
    data = ledger_export.ledger_workbook(plan.title, plan.year, tasks)
    name = f"{plan.title[:60]}{'（筛选）' if filtered else ''}.xlsx"
    return _attachment(data, name, XLSX)


@member_required
def ledger_export_unit(request: HttpRequest, pk: int) -> HttpResponse:
    """One unit's tasks across the plans in scope (optionally of one ?year=) as .xlsx."""
    unit = get_object_or_404(visible_units(request.user).select_related("jurisdiction"), pk=pk)
    tasks = ledger_export.tasks_of_unit(visible_tasks(request.user), unit.pk)
    year = request.GET.get("year", "")
    if year.isdigit():
        tasks = tasks.filter(plan__year=int(year))
    tasks = ledger_export.filter_tasks(tasks, request.GET)
    title = f"{unit.name}{year + '年' if year.isdigit() else ''}任务台账"
    data = ledger_export.ledger_workbook(title, int(year) if year.isdigit() else None, tasks)
    return _attachment(data, f"{title}.xlsx", XLSX)
