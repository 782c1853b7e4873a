from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from fazhi.accounts.access import member_required


@member_required
def home(request: HttpRequest) -> HttpResponse:
    """Everyone lands on their dashboard: the office's, the leaders', or the unit's to-do list."""
    return redirect("dashboard")
