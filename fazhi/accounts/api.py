"""Permissions shared by every API endpoint: the same rules as the pages."""

from typing import Any

from rest_framework.permissions import SAFE_METHODS, BasePermission

from fazhi.accounts.access import is_office, role_of


class RolePermission(BasePermission):
    """Anyone with a role reads (within their scope, via the querysets); only the office writes."""

    message = "只有依法治办工作人员可以执行此操作"

    def has_permission(self, request: Any, view: Any) -> bool:
        if not request.user.is_authenticated or role_of(request.user) is None:
            return False
        return request.method in SAFE_METHODS or is_office(request.user)
