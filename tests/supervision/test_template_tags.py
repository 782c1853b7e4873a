"""The bell count and the calendar warning banner, for pages of other apps to include."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.template import Context, Template
from django.test import RequestFactory


def _render(source: str, user: Any, **context: Any) -> str:
    request = RequestFactory().get("/")
    request.user = user
    return Template("{% load supervision_tags %}" + source).render(Context({"request": request, **context}))


def test_the_bell_counts_the_users_and_their_units_unread_notifications(cast: Any) -> None:
    from fazhi.supervision.models import Notification

    Notification.objects.create(recipient_unit=cast.unit_a, kind="overdue", text="x")
    Notification.objects.create(recipient_user=cast.liaison_a, kind="overdue", text="y")
    Notification.objects.create(recipient_unit=cast.unit_b, kind="overdue", text="z")
    source = "{% unread_notifications as n %}[{{ n }}]"
    assert _render(source, cast.liaison_a) == "[2]"
    assert _render(source, cast.liaison_b) == "[1]"
    assert _render(source, cast.office) == "[0]"


def test_the_banner_names_an_uncovered_year(cast: Any) -> None:
    source = "{% calendar_warnings deadlines %}"
    html = _render(
        source, cast.office, deadlines=[dt.date(2024, 5, 1), dt.date(2031, 5, 1)], user_is_office=True
    )
    assert "2031年的法定节假日安排尚未录入" in html and "录入节假日安排" in html
    assert "尚未录入" not in _render(source, cast.office, deadlines=dt.date(2024, 5, 1))
