"""Template helpers other pages may use: the bell's unread count and the calendar warning banner.

{% load supervision_tags %}
<a href="{% url 'notification-list' %}">消息{% unread_notifications as n %}{% if n %}（{{ n }}）{% endif %}</a>
{% calendar_warnings deadlines %}   {# a banner per uncovered year among these dates #}
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django import template

from fazhi.supervision.access import visible_notifications
from fazhi.supervision.workcalendar import coverage_warnings

register = template.Library()


@register.simple_tag(takes_context=True)
def unread_notifications(context: dict[str, Any]) -> int:
    """How many unread notifications the signed-in user has (one query)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return 0
    return visible_notifications(user).filter(read_at__isnull=True).count()


@register.inclusion_tag("supervision/_warnings.html", takes_context=True)
def calendar_warnings(
    context: dict[str, Any], deadlines: Iterable[dt.date | None] | dt.date | None
) -> dict[str, Any]:
    """The UncoveredYearError message for each uncovered year among `deadlines` (a date, a list
    of dates, or objects with a `deadline`)."""
    if deadlines is None or isinstance(deadlines, dt.date):
        days = [deadlines]
    else:
        days = [getattr(d, "deadline", d) for d in deadlines]
    return {"warnings": coverage_warnings(days), "user_is_office": context.get("user_is_office", False)}
