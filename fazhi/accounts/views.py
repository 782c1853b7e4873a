from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from fazhi.accounts.access import is_liaison, member_required


@member_required
def home(request: HttpRequest) -> HttpResponse:
    """Liaisons land on their unit's tasks; everyone else on the plan list."""
    if is_liaison(request.user):
        return redirect("unit-detail", pk=request.user.profile.unit_id)
    return redirect("plan-list")
