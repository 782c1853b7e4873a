"""Read-only API of annual reports: each report with its current version's sections and
figures (the same scope as the pages: office and leaders of the jurisdiction)."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch
from rest_framework import serializers, viewsets
from rest_framework.permissions import BasePermission

from fazhi.annual_reports.access import can_read_reports, visible_reports
from fazhi.annual_reports.deadlines import deadlines
from fazhi.annual_reports.models import AnnualReport, ReportVersion


class ReaderPermission(BasePermission):
    message = "年度报告仅供依法治办工作人员和领导查看"

    def has_permission(self, request: Any, view: Any) -> bool:
        return can_read_reports(request.user)


class AnnualReportSerializer(serializers.ModelSerializer):
    jurisdiction = serializers.CharField(source="jurisdiction.name")
    version = serializers.SerializerMethodField()
    sections = serializers.SerializerMethodField()
    figures = serializers.SerializerMethodField()
    deadline = serializers.SerializerMethodField()

    class Meta:
        model = AnnualReport
        fields = [
            "id",
            "jurisdiction",
            "year",
            "kind",
            "status",
            "version",
            "deadline",
            "sections",
            "figures",
        ]

    def _current(self, obj: AnnualReport) -> ReportVersion | None:
        versions = getattr(obj, "all_versions", None)
        if versions is None:
            versions = list(obj.versions.order_by("-number")[:1])
        return versions[0] if versions else None

    def get_version(self, obj: AnnualReport) -> int | None:
        v = self._current(obj)
        return v.number if v else None

    def get_sections(self, obj: AnnualReport) -> dict[str, str]:
        v = self._current(obj)
        return v.sections if v else {}

    def get_figures(self, obj: AnnualReport) -> list[dict[str, Any]]:
        v = self._current(obj)
        keep = ("key", "label", "value", "unit", "text")
        return [{k: f.get(k) for k in keep} for f in (v.figures.get("flat", []) if v else [])]

    def get_deadline(self, obj: AnnualReport) -> str:
        from django.utils import timezone

        return deadlines(obj.kind, obj.year, timezone.localdate())[0].last_day.isoformat()


class AnnualReportViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = AnnualReportSerializer
    permission_classes = [ReaderPermission]

    def get_queryset(self) -> Any:
        # Only the newest version of each report is needed; prefetched so a page costs 3 queries.
        newest = ReportVersion.objects.order_by("report_id", "-number")
        return (
            visible_reports(self.request.user)
            .select_related("jurisdiction")
            .prefetch_related(Prefetch("versions", queryset=newest, to_attr="all_versions"))
            .order_by("-year", "pk")
        )
