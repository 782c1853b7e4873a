"""REST endpoints for progress reports, with the same rules as the pages (services + access).

Outside the user's scope an object (report or assignment) is not found (404); a role that may not
act is refused (403); a state that forbids the action answers 409; bad input 400, with the
Chinese messages of the services.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.permissions import BasePermission
from rest_framework.request import Request
from rest_framework.response import Response

from fazhi.accounts.access import role_of, visible_assignments, visible_plans
from fazhi.evidence.models import EvidenceFile
from fazhi.evidence.services import evidence_of
from fazhi.progress import services
from fazhi.progress.access import require_reporter, require_reviewer, visible_reports
from fazhi.progress.models import Cycle, ProgressReport, Status
from fazhi.progress.periods import period_on


class MemberPermission(BasePermission):
    """Anyone with a role; what they may do is decided per action."""

    message = "您的账号尚未分配角色，请联系依法治办"

    def has_permission(self, request: Any, view: Any) -> bool:
        return bool(request.user.is_authenticated and role_of(request.user) is not None)


def _refused(exc: ValidationError) -> Response:
    code = 409 if getattr(exc, "code", None) in ("locked", "state") else 400
    body = exc.message_dict if hasattr(exc, "error_dict") else {"detail": "；".join(exc.messages)}
    return Response(body, status=code)


class EvidenceSerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="original_name")
    url = serializers.SerializerMethodField()

    class Meta:
        model = EvidenceFile
        fields = ["id", "name", "kind", "content_type", "size", "sha256", "uploaded_at", "url"]

    def get_url(self, obj: EvidenceFile) -> str:
        from django.urls import reverse

        return reverse("evidence-download", args=[obj.pk])


class ReportSerializer(serializers.ModelSerializer):
    task = serializers.IntegerField(source="assignment.task_id", read_only=True)
    unit = serializers.IntegerField(source="assignment.unit_id", read_only=True)
    period_label = serializers.CharField(read_only=True)
    includes = serializers.PrimaryKeyRelatedField(many=True, read_only=True)
    evidence = serializers.SerializerMethodField()

    class Meta:
        model = ProgressReport
        fields = [
            "id", "assignment", "task", "unit", "period", "period_label", "status", "text", "reason",
            "proposed_date", "figures", "consolidated", "includes", "state", "created_at", "submitted_at",
            "reviewed_by", "reviewed_at", "review_comment", "evidence",
        ]  # fmt: skip
        read_only_fields = fields

    def get_evidence(self, obj: ProgressReport) -> list[dict[str, Any]]:
        return EvidenceSerializer(evidence_of(obj), many=True).data


class ReportInputSerializer(serializers.Serializer):
    """What a liaison sends to create or change a report."""

    assignment = serializers.IntegerField(required=False)
    period = serializers.CharField(required=False)
    status = serializers.ChoiceField(
        choices=Status.choices, error_messages={"invalid_choice": "请选择进展状态"}
    )
    text = serializers.CharField(required=False, allow_blank=True, default="", max_length=20_000)
    reason = serializers.CharField(required=False, allow_blank=True, default="", max_length=5_000)
    proposed_date = serializers.DateField(required=False, allow_null=True, default=None)
    figures = serializers.DictField(required=False, default=dict)
    includes = serializers.ListField(child=serializers.IntegerField(), required=False, default=list)
    submit = serializers.BooleanField(required=False, default=False)


class ReviewSerializer(serializers.Serializer):
    comment = serializers.CharField(required=False, allow_blank=True, default="")


def _input(data: dict[str, Any], period: str) -> services.ReportInput:
    return services.ReportInput(
        period=data.get("period") or period,
        status=data["status"],
        text=data["text"],
        reason=data["reason"],
        proposed_date=data["proposed_date"],
        figures=data["figures"],
        includes=data["includes"],
    )


@extend_schema(
    parameters=[
        OpenApiParameter("assignment", int, description="只列出该任务分派的报告"),
        OpenApiParameter("task", int, description="只列出该任务的报告"),
        OpenApiParameter("plan", int, description="只列出该计划的报告"),
        OpenApiParameter("state", str, description="draft / submitted / returned / accepted"),
    ]
)
class ProgressReportViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin, viewsets.GenericViewSet
):
    """Progress reports the user may read; liaisons write their unit's, the office reviews."""

    serializer_class = ReportSerializer
    permission_classes = [MemberPermission]
    parser_classes = [JSONParser, MultiPartParser, FormParser]

    def get_queryset(self) -> Any:
        qs = visible_reports(self.request.user).select_related("assignment").prefetch_related("includes")
        for param, field in (("assignment", "assignment_id"), ("task", "assignment__task_id"),
                             ("plan", "assignment__task__plan_id")):  # fmt: skip
            value = self.request.query_params.get(param, "")
            if value.isdigit():
                qs = qs.filter(**{field: value})
        state = self.request.query_params.get("state", "")
        if state:
            qs = qs.filter(state=state)
        return qs.order_by("-created_at", "-pk")

    @extend_schema(request=ReportInputSerializer, responses=ReportSerializer)
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        data = ReportInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        assignment_id = data.validated_data.get("assignment")
        if assignment_id is None:
            return Response({"assignment": ["请指定任务分派"]}, status=400)
        assignment = get_object_or_404(
            visible_assignments(request.user).select_related("task__plan"), pk=assignment_id
        )
        require_reporter(request.user, assignment)
        current = services.period_choices(assignment)[0].key
        try:
            report = services.create_report(
                assignment,
                request.user,
                _input(data.validated_data, current),
                submit=data.validated_data["submit"],
                files=request.FILES.getlist("files"),
            )
        except ValidationError as exc:
            return _refused(exc)
        return Response(ReportSerializer(report).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=ReportInputSerializer, responses=ReportSerializer)
    def partial_update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        report = self.get_object()
        require_reporter(request.user, report.assignment)
        current = services.as_input(report)
        merged = {**current.__dict__, **{k: v for k, v in request.data.items() if k != "assignment"}}
        data = ReportInputSerializer(data=merged)
        data.is_valid(raise_exception=True)
        try:
            report = services.update_report(
                report,
                request.user,
                _input(data.validated_data, report.period),
                submit=data.validated_data["submit"],
                files=request.FILES.getlist("files"),
            )
        except ValidationError as exc:
            return _refused(exc)
        return Response(ReportSerializer(report).data)

    @extend_schema(request=None, responses=ReportSerializer)
    @action(detail=True, methods=["post"])
    def submit(self, request: Request, pk: str | None = None) -> Response:
        report = self.get_object()
        require_reporter(request.user, report.assignment)
        try:
            report = services.submit_report(report, request.user)
        except ValidationError as exc:
            return _refused(exc)
        return Response(ReportSerializer(report).data)

    @extend_schema(request={"multipart/form-data": {"type": "object", "properties": {"files": {"type": "array", "items": {"type": "string", "format": "binary"}}}}}, responses=ReportSerializer)  # fmt: skip
    @action(detail=True, methods=["post"], parser_classes=[MultiPartParser])
    def evidence(self, request: Request, pk: str | None = None) -> Response:
        report = self.get_object()
        require_reporter(request.user, report.assignment)
        try:
            services.add_evidence(report, request.user, request.FILES.getlist("files"))
        except ValidationError as exc:
            return _refused(exc)
        return Response(ReportSerializer(report).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=ReviewSerializer, responses=ReportSerializer)
    @action(detail=True, methods=["post"])
    def accept(self, request: Request, pk: str | None = None) -> Response:
        report = self.get_object()
        require_reviewer(request.user)
        data = ReviewSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            report = services.accept_report(report, request.user, data.validated_data["comment"])
        except ValidationError as exc:
            return _refused(exc)
        return Response(ReportSerializer(report).data)

    @extend_schema(request=ReviewSerializer, responses=ReportSerializer)
    @action(detail=True, methods=["post"], url_path="return")
    def return_(self, request: Request, pk: str | None = None) -> Response:
        report = self.get_object()
        require_reviewer(request.user)
        data = ReviewSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            report = services.return_report(report, request.user, data.validated_data["comment"])
        except ValidationError as exc:
            return _refused(exc)
        return Response(ReportSerializer(report).data)


class MissingSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    task = serializers.IntegerField(source="task_id")
    unit = serializers.IntegerField(source="unit_id")
    unit_name = serializers.CharField(source="unit.name")
    role = serializers.CharField()
    deadline = serializers.DateField()


@extend_schema(parameters=[OpenApiParameter("plan", int, description="只列出该计划的任务分派")])
class MissingReportViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    """Assignments (in the user's scope) whose report for the current period is missing."""

    serializer_class = MissingSerializer
    permission_classes = [MemberPermission]

    def get_queryset(self) -> Any:
        qs = visible_assignments(self.request.user).filter(services.missing_filter(services.today()))
        plan = self.request.query_params.get("plan", "")
        if plan.isdigit():
            qs = qs.filter(task__plan_id=plan)
        return qs.select_related("unit").order_by("task__plan_id", "task__position", "unit__name")


class CycleSerializer(serializers.Serializer):
    plan = serializers.IntegerField(read_only=True)
    cycle = serializers.ChoiceField(choices=Cycle.choices)
    period = serializers.CharField(read_only=True)
    period_label = serializers.CharField(read_only=True)


class ReportingCycleViewSet(viewsets.ViewSet):
    """A plan's reporting cycle, by plan id: everyone in scope reads it, the office sets it."""

    permission_classes = [MemberPermission]
    serializer_class = CycleSerializer

    def _body(self, plan: Any) -> dict[str, Any]:
        cycle = services.cycle_of(plan)
        period = period_on(cycle, services.today())
        return {"plan": plan.pk, "cycle": cycle, "period": period.key, "period_label": period.label}

    def retrieve(self, request: Request, pk: str | None = None) -> Response:
        plan = get_object_or_404(visible_plans(request.user), pk=pk)
        return Response(self._body(plan))

    @extend_schema(request=CycleSerializer, responses=CycleSerializer)
    def update(self, request: Request, pk: str | None = None) -> Response:
        from rest_framework.exceptions import PermissionDenied

        from fazhi.accounts.access import is_office

        plan = get_object_or_404(visible_plans(request.user), pk=pk)
        if not is_office(request.user):
            raise PermissionDenied("只有依法治办工作人员可以设置报送周期")
        data = CycleSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.set_cycle(plan, data.validated_data["cycle"], request.user)
        return Response(self._body(visible_plans(request.user).get(pk=plan.pk)))
