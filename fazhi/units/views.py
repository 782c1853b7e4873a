from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from fazhi.accounts.access import (
    jurisdiction_ids,
    member_required,
    office_required,
    visible_assignments,
    visible_groups,
    visible_units,
)
from fazhi.units.forms import UnitForm, UnitGroupForm, UnitImportForm
from fazhi.units.importing import UnitSheetError, import_units
from fazhi.units.models import Unit, UnitGroup


@member_required
def unit_list(request: HttpRequest) -> HttpResponse:
    """The registry: units with their aliases and task counts, and the collective groups."""
    q = request.GET.get("q", "").strip()
    kind = request.GET.get("kind", "")
    units = visible_units(request.user).select_related("jurisdiction").prefetch_related("aliases")
    if q:
        units = units.filter(
            Q(name__contains=q) | Q(short_name__contains=q) | Q(aliases__name__contains=q)
        ).distinct()
    if kind in Unit.Kind.values:
        units = units.filter(kind=kind)
    units = units.annotate(
        n_lead=Count("assignments", filter=Q(assignments__role="lead"), distinct=True),
        n_all=Count("assignments", distinct=True),
    )
    page = Paginator(units.order_by("jurisdiction__name", "kind", "name"), 100).get_page(
        request.GET.get("page")
    )
    groups = visible_groups(request.user).select_related("jurisdiction").annotate(n=Count("members"))
    return render(
        request,
        "units/unit_list.html",
        {"page": page, "groups": groups, "q": q, "kind": kind, "kinds": Unit.Kind.choices},
    )


@member_required
def unit_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One unit and its assignments (a liaison's own task list)."""
    unit = get_object_or_404(
        visible_units(request.user).select_related("jurisdiction").prefetch_related("aliases", "groups"),
        pk=pk,
    )
    assignments = (
        visible_assignments(request.user)
        .filter(unit=unit)
        .select_related("task__plan")
        .order_by("deadline", "task__plan_id", "task__position")
    )
    return render(request, "units/unit_detail.html", {"unit": unit, "assignments": assignments})


@member_required
def group_detail(request: HttpRequest, pk: int) -> HttpResponse:
    group = get_object_or_404(
        visible_groups(request.user).prefetch_related(
            Prefetch("members", queryset=Unit.objects.order_by("name"))
        ),
        pk=pk,
    )
    return render(request, "units/group_detail.html", {"group": group})


@office_required
def unit_create(request: HttpRequest) -> HttpResponse:
    return _unit_form(request, Unit())


@office_required
def unit_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return _unit_form(request, get_object_or_404(visible_units(request.user), pk=pk))


def _unit_form(request: HttpRequest, unit: Unit) -> HttpResponse:
    scope = jurisdiction_ids(request.user)
    form = UnitForm(request.POST or None, instance=unit, jurisdiction_ids=scope)
    if request.method == "POST" and form.is_valid():
        unit = form.save()
        messages.success(request, f"已保存单位“{unit.name}”")
        return redirect("unit-detail", pk=unit.pk)
    return render(request, "units/unit_form.html", {"form": form, "unit": unit})


@office_required
def unit_import(request: HttpRequest) -> HttpResponse:
    """Import units from Excel/CSV; any bad row stores nothing."""
    form = UnitImportForm(
        request.POST or None, request.FILES or None, jurisdiction_ids=jurisdiction_ids(request.user)
    )
    errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            report = import_units(upload.read(), upload.name, form.cleaned_data["jurisdiction"])
        except UnitSheetError as exc:
            errors = [exc.message]
        else:
            if report.errors:
                errors = report.errors
            else:
                messages.success(
                    request, f"导入完成：新增 {report.created} 个单位，更新 {report.updated} 个单位"
                )
                return redirect("unit-list")
    status = 400 if errors else 200
    return render(request, "units/unit_import.html", {"form": form, "errors": errors}, status=status)


@office_required
def group_create(request: HttpRequest) -> HttpResponse:
    return _group_form(request, UnitGroup())


@office_required
def group_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return _group_form(request, get_object_or_404(visible_groups(request.user), pk=pk))


def _group_form(request: HttpRequest, group: UnitGroup) -> HttpResponse:
    form = UnitGroupForm(
        request.POST or None, instance=group, jurisdiction_ids=jurisdiction_ids(request.user)
    )
    if request.method == "POST" and form.is_valid():
        group = form.save()
        messages.success(request, f"已保存分组“{group.name}”")
        return redirect("group-detail", pk=group.pk)
    return render(request, "units/group_form.html", {"form": form, "group": group})
