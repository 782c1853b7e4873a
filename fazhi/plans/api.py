from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.response import Response

from fazhi.accounts.access import home_jurisdiction, jurisdiction_ids, visible_import_jobs, visible_plans
from fazhi.accounts.api import RolePermission
from fazhi.ledger import dispatch as dispatching
from fazhi.plans import drafts
from fazhi.plans.models import ImportJob, Plan
from fazhi.plans.services import UploadError, confirm_import, start_import
from fazhi.units.matching import Registry
from fazhi.units.models import Jurisdiction


class PlanSerializer(serializers.ModelSerializer):
    class Meta:
        model = Plan
        fields = [
            "id", "jurisdiction", "title", "issuer", "date", "year", "filename", "sha256", "source_format",
            "warnings", "created_at", "dispatched_at",
        ]  # fmt: skip


class ImportJobSerializer(serializers.ModelSerializer):
    problems = serializers.SerializerMethodField()

    class Meta:
        model = ImportJob
        fields = [
            "id", "jurisdiction", "filename", "sha256", "status", "progress", "stage", "error", "draft",
            "problems", "plan", "created_at",
        ]  # fmt: skip

    def get_problems(self, job: ImportJob) -> list[str]:
        return drafts.problems(job.draft) if job.draft else []


class UploadSerializer(serializers.Serializer):
    file = serializers.FileField()
    jurisdiction = serializers.IntegerField(required=False)


class UnitChoiceSerializer(serializers.Serializer):
    task = serializers.IntegerField(min_value=0, help_text="任务在草稿中的序号（从 0 开始）")
    position = serializers.IntegerField(min_value=0, help_text="该任务单位列表中的位置（从 0 开始）")
    unit = serializers.IntegerField(required=False, help_text="名录中的单位 id")
    group = serializers.IntegerField(required=False, help_text="名录中的分组 id")

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if ("unit" in attrs) == ("group" in attrs):
            raise serializers.ValidationError("请指定 unit 或 group 其中之一")
        return attrs


class PlanViewSet(viewsets.ReadOnlyModelViewSet):
    """Confirmed plans. Upload through /api/imports/, confirm through /api/imports/{id}/confirm/."""

    serializer_class = PlanSerializer
    permission_classes = [RolePermission]

    def get_queryset(self) -> Any:
        return visible_plans(self.request.user).order_by("-created_at")

    @extend_schema(
        request=None,
        responses=inline_serializer("DispatchResult", {"created": serializers.IntegerField()}),
    )
    @action(detail=True, methods=["post"], url_path="dispatch")
    def dispatch_tasks(self, request: Any, pk: Any = None) -> Response:
        """Dispatch the plan: one assignment per (task, unit)."""
        created = dispatching.dispatch(self.get_object(), request.user)
        return Response({"created": created})


class ImportJobViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Plan uploads: POST a file, poll the job, then confirm its draft."""

    serializer_class = ImportJobSerializer
    permission_classes = [RolePermission]
    parser_classes = [MultiPartParser, FormParser]

    def get_queryset(self) -> Any:
        return visible_import_jobs(self.request.user).order_by("-created_at")

    @extend_schema(
        request={"multipart/form-data": UploadSerializer},
        responses={202: ImportJobSerializer, 200: PlanSerializer, 400: None},
    )
    def create(self, request: Any, *args: Any, **kwargs: Any) -> Response:
        """Upload a plan document. 202 with the job; 200 with the plan if this content is known."""
        upload = UploadSerializer(data=request.data)
        upload.is_valid(raise_exception=True)
        f = upload.validated_data["file"]
        jurisdiction = home_jurisdiction(request.user)
        wanted = upload.validated_data.get("jurisdiction")
        if wanted is not None:
            scope = jurisdiction_ids(request.user)
            jurisdiction = Jurisdiction.objects.filter(pk=wanted).first()
            if jurisdiction is None or (scope is not None and wanted not in scope):
                return Response({"detail": "不能向本辖区以外导入计划"}, status=status.HTTP_400_BAD_REQUEST)
        try:
            result = start_import(
                user=request.user, jurisdiction=jurisdiction, filename=f.name, data=f.read()
            )
        except UploadError as exc:
            return Response({"detail": exc.message}, status=status.HTTP_400_BAD_REQUEST)
        if result.existing_plan is not None:
            data = PlanSerializer(result.existing_plan).data
            return Response({"duplicate": True, "plan": data}, status=status.HTTP_200_OK)
        return Response(ImportJobSerializer(result.job).data, status=status.HTTP_202_ACCEPTED)

    @extend_schema(request=UnitChoiceSerializer, responses={200: ImportJobSerializer, 400: None})
    @action(
        detail=True,
        methods=["post"],
        url_path="units",
        parser_classes=[JSONParser, MultiPartParser, FormParser],
    )
    def choose_unit(self, request: Any, pk: Any = None) -> Response:
        """Point one printed unit name of the draft at a registry unit or group."""
        job = self.get_object()
        choice = UnitChoiceSerializer(data=request.data)
        choice.is_valid(raise_exception=True)
        data = choice.validated_data
        registry = Registry(job.jurisdiction.descendant_ids())
        kind = "group" if "group" in data else "unit"
        pool = registry.group_names if kind == "group" else registry.names
        if data[kind] not in pool:
            return Response({"detail": "本辖区名录中没有该单位或分组"}, status=status.HTTP_400_BAD_REQUEST)
        if job.status != ImportJob.Status.READY:
            return Response(
                {"detail": "该导入任务已确认或已放弃，不能再修改"}, status=status.HTTP_400_BAD_REQUEST
            )
        size = registry.group_sizes.get(data[kind]) if kind == "group" else None
        try:
            drafts.set_unit(
                job.draft, data["task"], data["position"], kind, data[kind], pool[data[kind]], "manual", size
            )
        except drafts.DraftError as exc:
            return Response({"detail": exc.message}, status=status.HTTP_400_BAD_REQUEST)
        job.save(update_fields=["draft", "updated_at"])
        return Response(ImportJobSerializer(job).data)

    @extend_schema(request=None, responses={201: PlanSerializer, 400: None})
    @action(detail=True, methods=["post"])
    def confirm(self, request: Any, pk: Any = None) -> Response:
        """Confirm the job's draft: creates the plan and its tasks, or nothing."""
        try:
            plan = confirm_import(self.get_object(), request.user)
        except drafts.DraftError as exc:
            return Response({"detail": exc.message}, status=status.HTTP_400_BAD_REQUEST)
        return Response(PlanSerializer(plan).data, status=status.HTTP_201_CREATED)
