from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, viewsets

from fazhi.accounts.access import visible_assignments, visible_tasks
from fazhi.accounts.api import RolePermission
from fazhi.ledger.models import Assignment, Task, TaskUnit


class TaskUnitSerializer(serializers.ModelSerializer):
    class Meta:
        model = TaskUnit
        fields = ["role", "printed_name", "unit", "group"]


class TaskSerializer(serializers.ModelSerializer):
    units = TaskUnitSerializer(source="task_units", many=True, read_only=True)
    status = serializers.CharField(source="light", read_only=True)

    class Meta:
        model = Task
        fields = [
            "id", "plan", "position", "number", "level", "category", "subcategory", "heading_path", "title",
            "content", "deadline", "deadline_text", "recurrence", "targets", "done_at", "status", "units",
        ]  # fmt: skip


class AssignmentSerializer(serializers.ModelSerializer):
    status = serializers.CharField(source="light", read_only=True)

    class Meta:
        model = Assignment
        fields = ["id", "task", "unit", "role", "deadline", "dispatched_at", "done_at", "status"]


@extend_schema(parameters=[OpenApiParameter("plan", int, description="只列出该计划的任务")])
class TaskViewSet(viewsets.ReadOnlyModelViewSet):
    """Ledger tasks the user may see."""

    serializer_class = TaskSerializer
    permission_classes = [RolePermission]

    def get_queryset(self) -> Any:
        qs = visible_tasks(self.request.user).select_related("plan").prefetch_related("task_units")
        plan = self.request.query_params.get("plan", "")
        if plan.isdigit():
            qs = qs.filter(plan_id=plan)
        return qs.order_by("plan_id", "position")


@extend_schema(
    parameters=[
        OpenApiParameter("unit", int, description="只列出该单位的分派"),
        OpenApiParameter("plan", int, description="只列出该计划的分派"),
    ]
)
class AssignmentViewSet(viewsets.ReadOnlyModelViewSet):
    """Dispatched assignments the user may see (a liaison: their unit's only)."""

    serializer_class = AssignmentSerializer
    permission_classes = [RolePermission]

    def get_queryset(self) -> Any:
        qs = visible_assignments(self.request.user)
        for param, field in (("unit", "unit_id"), ("plan", "task__plan_id")):
            value = self.request.query_params.get(param, "")
            if value.isdigit():
                qs = qs.filter(**{field: value})
        return qs.order_by("pk")
