"""The dashboard figures as JSON, with the same permissions as the pages."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from django.http import Http404
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, OpenApiTypes, extend_schema
from rest_framework.exceptions import PermissionDenied
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from fazhi.accounts.access import is_liaison, is_office, visible_plans, visible_units
from fazhi.accounts.api import RolePermission
from fazhi.dashboard import figures

PLAN = OpenApiParameter("plan", int, description="只统计该计划")


def _plan(request: Request) -> int | None:
    value = request.query_params.get("plan", "")
    if not value:
        return None
    if not value.isdigit() or not visible_plans(request.user).filter(pk=value).exists():
        raise Http404
    return int(value)


class OfficeFigures(APIView):
    """The office dashboard's figures (依法治办 only)."""

    permission_classes = [RolePermission]

    @extend_schema(parameters=[PLAN], responses=OpenApiTypes.OBJECT)
    def get(self, request: Request) -> Response:
        if not is_office(request.user):
            raise PermissionDenied("只有依法治办工作人员可以查看")
        return Response(asdict(figures.office_figures(request.user, plan_id=_plan(request))))


class LeaderFigures(APIView):
    """The leader dashboard's figures with the unit ranking (office, leaders, inspectors)."""

    permission_classes = [RolePermission]

    @extend_schema(parameters=[PLAN], responses=OpenApiTypes.OBJECT)
    def get(self, request: Request) -> Response:
        if is_liaison(request.user):
            raise PermissionDenied("工作看板仅供依法治办和领导查看")
        return Response(asdict(figures.leader_figures(request.user, plan_id=_plan(request))))


class UnitTodo(APIView):
    """A unit's to-do list: its open assignments, most urgent first."""

    permission_classes = [RolePermission]

    @extend_schema(responses=OpenApiTypes.OBJECT)
    def get(self, request: Request, pk: int) -> Response:
        unit: Any = get_object_or_404(visible_units(request.user), pk=pk)
        return Response(asdict(figures.unit_todo(request.user, unit)))
