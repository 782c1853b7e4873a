"""Supervision REST endpoints: the same querysets (access.py) and services as the pages.

Reads: notices, inspections, rectification items, notifications, the 约谈 list, holiday entries.
Writes: issue a notice (office), reply (the unit's liaison, multipart with `files`), close
(office); submit a rectification (liaison, multipart), close or return it (office); mark a
notification read. A refused action answers 400 with {"detail": <Chinese message>}.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied as DRFPermissionDenied
from rest_framework.permissions import BasePermission
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from fazhi.accounts.access import is_office, role_of, visible_assignments, visible_units
from fazhi.accounts.models import Role
from fazhi.ledger.status import rectification_light
from fazhi.supervision import services
from fazhi.supervision.access import (
    visible_inspections,
    visible_notices,
    visible_notifications,
    visible_rectifications,
)
from fazhi.supervision.models import HolidayOverride, Inspection, Notice, Notification, RectificationItem
from fazhi.supervision.talks import talk_list


class MemberPermission(BasePermission):
    """Any user with a role; what each may do is checked by the querysets and the services."""

    message = "您的账号尚未分配角色，请联系依法治办"

    def has_permission(self, request: Any, view: Any) -> bool:
        return request.user.is_authenticated and role_of(request.user) is not None


def _refused(exc: ValidationError) -> Response:
    return Response({"detail": "；".join(exc.messages)}, status=status.HTTP_400_BAD_REQUEST)


class NoticeSerializer(serializers.ModelSerializer):
    code = serializers.CharField(read_only=True)
    task = serializers.IntegerField(source="assignment.task_id", read_only=True)

    class Meta:
        model = Notice
        fields = [
            "id", "code", "year", "number", "jurisdiction", "assignment", "task", "unit", "requirement",
            "reply_deadline", "state", "issued_by", "issued_at", "replied_at", "closed_by", "closed_at",
        ]  # fmt: skip
        read_only_fields = fields


class NoticeCreateSerializer(serializers.Serializer):
    assignment = serializers.IntegerField()
    requirement = serializers.CharField()
    reply_deadline = serializers.DateField(required=False)


class NoticeViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """督办单 the user may see; POST issues one (office), /reply/ and /close/ act on one."""

    serializer_class = NoticeSerializer
    permission_classes = [MemberPermission]

    def get_queryset(self) -> Any:
        qs = visible_notices(self.request.user).select_related("assignment")
        state = self.request.query_params.get("state", "")
        return qs.filter(state=state) if state in Notice.State.values else qs

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        if not is_office(request.user):
            raise DRFPermissionDenied("只有依法治办工作人员可以下发督办单")
        data = NoticeCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        assignment = get_object_or_404(
            visible_assignments(request.user), pk=data.validated_data["assignment"]
        )
        try:
            notice = services.issue_notice(
                assignment=assignment,
                user=request.user,
                requirement=data.validated_data["requirement"],
                reply_deadline=data.validated_data.get("reply_deadline"),
            )
        except ValidationError as exc:
            return _refused(exc)
        return Response(NoticeSerializer(notice).data, status=status.HTTP_201_CREATED)

    @action(detail=True, methods=["post"])
    def reply(self, request: Request, pk: str | None = None) -> Response:
        notice = self.get_object()
        try:
            services.reply_to_notice(
                notice=notice,
                user=request.user,
                text=request.data.get("text", ""),
                files=request.FILES.getlist("files"),
            )
        except ValidationError as exc:
            return _refused(exc)
        return Response(NoticeSerializer(notice).data)

    @action(detail=True, methods=["post"])
    def close(self, request: Request, pk: str | None = None) -> Response:
        notice = self.get_object()
        try:
            services.close_notice(notice=notice, user=request.user)
        except ValidationError as exc:
            return _refused(exc)
        return Response(NoticeSerializer(notice).data)


class InspectionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Inspection
        fields = ["id", "jurisdiction", "plan", "name", "date", "units", "created_at"]
        read_only_fields = fields


class InspectionViewSet(viewsets.ReadOnlyModelViewSet):
    """督察 the user may see (office, leader, inspector)."""

    serializer_class = InspectionSerializer
    permission_classes = [MemberPermission]

    def get_queryset(self) -> Any:
        return visible_inspections(self.request.user).prefetch_related("units")


class RectificationSerializer(serializers.ModelSerializer):
    finding = serializers.CharField(source="finding.text", read_only=True)
    inspection = serializers.IntegerField(source="finding.inspection_id", read_only=True)
    light = serializers.SerializerMethodField()

    class Meta:
        model = RectificationItem
        fields = [
            "id", "inspection", "finding", "unit", "deadline", "state", "light", "submission", "submitted_at",
            "office_comment", "closed_by", "closed_at",
        ]  # fmt: skip
        read_only_fields = fields

    def get_light(self, item: RectificationItem) -> str:
        return rectification_light(item).value


class RectificationViewSet(viewsets.ReadOnlyModelViewSet):
    """整改 items the user may see; /submit/ (liaison), /close/ and /return/ (office)."""

    serializer_class = RectificationSerializer
    permission_classes = [MemberPermission]

    def get_queryset(self) -> Any:
        qs = visible_rectifications(self.request.user).select_related("finding")
        state = self.request.query_params.get("state", "")
        return qs.filter(state=state) if state in RectificationItem.State.values else qs

    def _act(self, run: Any) -> Response:
        item = self.get_object()
        try:
            run(item)
        except ValidationError as exc:
            return _refused(exc)
        item.refresh_from_db()
        return Response(RectificationSerializer(item).data)

    @action(detail=True, methods=["post"])
    def submit(self, request: Request, pk: str | None = None) -> Response:
        return self._act(
            lambda item: services.submit_rectification(
                item=item,
                user=request.user,
                text=request.data.get("text", ""),
                files=request.FILES.getlist("files"),
            )
        )

    @action(detail=True, methods=["post"])
    def close(self, request: Request, pk: str | None = None) -> Response:
        return self._act(
            lambda item: services.close_rectification(
                item=item, user=request.user, comment=request.data.get("comment", "")
            )
        )

    @action(detail=True, methods=["post"], url_path="return", url_name="return")
    def return_(self, request: Request, pk: str | None = None) -> Response:
        return self._act(
            lambda item: services.return_rectification(
                item=item, user=request.user, comment=request.data.get("comment", "")
            )
        )


class NotificationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Notification
        fields = ["id", "kind", "text", "link", "recipient_user", "recipient_unit", "created_at", "read_at"]
        read_only_fields = fields


class NotificationViewSet(viewsets.ReadOnlyModelViewSet):
    """The user's notifications (and their unit's, for a liaison); /read/ marks one read."""

    serializer_class = NotificationSerializer
    permission_classes = [MemberPermission]

    def get_queryset(self) -> Any:
        qs = visible_notifications(self.request.user)
        if self.request.query_params.get("unread") in ("1", "true"):
            qs = qs.filter(read_at__isnull=True)
        return qs

    @action(detail=True, methods=["post"])
    def read(self, request: Request, pk: str | None = None) -> Response:
        from django.utils import timezone

        notification = self.get_object()
        if notification.read_at is None:
            notification.read_at = timezone.now()
            notification.save(update_fields=["read_at"])
        return Response(NotificationSerializer(notification).data)


class HolidaySerializer(serializers.ModelSerializer):
    class Meta:
        model = HolidayOverride
        fields = ["id", "date", "kind", "note"]
        read_only_fields = fields


class HolidayViewSet(viewsets.ReadOnlyModelViewSet):
    """The office's holiday entries (放假 / 调休上班); office only."""

    serializer_class = HolidaySerializer
    permission_classes = [MemberPermission]

    def get_queryset(self) -> Any:
        if not is_office(self.request.user):
            raise DRFPermissionDenied("只有依法治办工作人员可以查看节假日录入")
        qs = HolidayOverride.objects.all()
        year = self.request.query_params.get("year", "")
        return qs.filter(date__year=int(year)) if year.isdigit() else qs


class TalkListView(APIView):
    """The 约谈 list (office and leader)."""

    permission_classes = [MemberPermission]

    def get(self, request: Request) -> Response:
        if role_of(request.user) not in (Role.OFFICE, Role.LEADER):
            raise DRFPermissionDenied("只有依法治办工作人员和领导可以查看约谈名单")
        rows = talk_list(visible_units(request.user))
        return Response(
            [
                {
                    "unit": row.unit.pk,
                    "unit_name": row.unit.name,
                    "overdue_assignments": row.overdue_assignments,
                    "overdue_rectifications": row.overdue_rectifications,
                    "unanswered_notices": row.unanswered_notices,
                    "reasons": row.reasons,
                }
                for row in rows
            ]
        )
