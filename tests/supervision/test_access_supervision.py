"""Every supervision page and endpoint refuses whoever is outside its scope, by URL and by id;
list pages keep bounded query counts. (The platform access test guards its own apps' routes;
this module guards this app's, and checks that it covers every one of them.)"""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import URLPattern, URLResolver, reverse
from sv_samples import upload


@pytest.fixture
def objs(cast: Any, notice_a: Any, item_a: Any) -> dict[str, Any]:
    from fazhi.supervision.models import HolidayOverride, Notification

    notification = Notification.objects.filter(recipient_unit=cast.unit_a).first()
    holiday = HolidayOverride.objects.create(date="2031-01-22", kind="holiday")
    return {
        "notice": notice_a.pk,
        "item": item_a.pk,
        "inspection": item_a.finding.inspection_id,
        "notification": notification.pk,
        "holiday": holiday.pk,
        "assignment": notice_a.assignment_id,
    }


def _outsider_routes(o: dict[str, Any]) -> list[tuple[str, str, list[Any], tuple[int, ...]]]:
    """(method, route name, args, refusals) for liaison B, pointed at unit A's objects."""
    hidden, forbidden = (404,), (403,)
    return [
        ("post", "notification-read", [o["notification"]], hidden),
        ("get", "holiday-list", [], forbidden),
        ("post", "holiday-list", [], forbidden),
        ("post", "holiday-delete", [o["holiday"]], forbidden),
        ("get", "overdue-list", [], forbidden),
        ("get", "notice-create", [], forbidden),
        ("post", "notice-create", [], forbidden),
        ("get", "notice-detail", [o["notice"]], hidden),
        ("post", "notice-reply", [o["notice"]], hidden),
        ("post", "notice-close", [o["notice"]], hidden),
        ("get", "notice-docx", [o["notice"]], hidden),
        ("get", "talk-list", [], forbidden),
        ("get", "inspection-list", [], forbidden),
        ("get", "inspection-create", [], forbidden),
        ("post", "inspection-create", [], forbidden),
        ("get", "inspection-detail", [o["inspection"]], forbidden),
        ("post", "finding-create", [o["inspection"]], forbidden),
        ("get", "rectification-detail", [o["item"]], hidden),
        ("post", "rectification-submit", [o["item"]], hidden),
        ("post", "rectification-close", [o["item"]], hidden),
        ("post", "rectification-return", [o["item"]], hidden),
    ]


def _api_outsider_routes(o: dict[str, Any]) -> list[tuple[str, str, dict[str, Any], tuple[int, ...]]]:
    hidden, forbidden = (404,), (403,)
    return [
        ("get", "api-notice-detail", {"pk": o["notice"]}, hidden),
        ("post", "api-notice-list", {}, forbidden),
        ("post", "api-notice-reply", {"pk": o["notice"]}, hidden),
        ("post", "api-notice-close", {"pk": o["notice"]}, hidden),
        ("get", "api-inspection-detail", {"pk": o["inspection"]}, hidden),
        ("get", "api-rectification-detail", {"pk": o["item"]}, hidden),
        ("post", "api-rectification-submit", {"pk": o["item"]}, hidden),
        ("post", "api-rectification-close", {"pk": o["item"]}, hidden),
        ("post", "api-rectification-return", {"pk": o["item"]}, hidden),
        ("get", "api-notification-detail", {"pk": o["notification"]}, hidden),
        ("post", "api-notification-read", {"pk": o["notification"]}, hidden),
        ("get", "api-holiday-list", {}, forbidden),
        ("get", "api-holiday-detail", {"pk": o["holiday"]}, forbidden),
        ("get", "api-talk-list", {}, forbidden),
    ]


# Lists every role may open: they show only what the user may see (checked below by content).
OPEN_TO_ALL = {"notification-list", "notification-read-all", "notice-list", "rectification-list"}
API_OPEN_TO_ALL = {
    "api-notice-list",
    "api-inspection-list",
    "api-rectification-list",
    "api-notification-list",
}


def _names(patterns: list[Any]) -> set[str]:
    found: set[str] = set()
    for p in patterns:
        if isinstance(p, URLResolver):
            found |= _names(p.url_patterns)
        elif isinstance(p, URLPattern) and p.name:
            found.add(p.name)
    return found


def test_every_supervision_route_has_an_outsider_check(objs: dict[str, Any]) -> None:
    from fazhi.supervision import api_urls, urls

    pages = {name for _, name, _, _ in _outsider_routes(objs)} | OPEN_TO_ALL
    assert _names(urls.urlpatterns) <= pages
    apis = {name for _, name, _, _ in _api_outsider_routes(objs)} | API_OPEN_TO_ALL
    assert _names(api_urls.urlpatterns) <= apis


def test_liaison_b_is_refused_on_every_page_of_unit_a(cast: Any, objs: dict[str, Any]) -> None:
    from fazhi.supervision.models import Notice, NoticeReply, RectificationItem

    b = cast.client(cast.liaison_b)
    data = {"text": "x", "comment": "x", "name": "x", "start": "2031-01-23", "kind": "holiday"}
    for method, name, args, refusals in _outsider_routes(objs):
        if method == "post":
            response = b.post(reverse(name, args=args), {**data, "files": [upload("a.pdf")]})
        else:
            response = b.get(reverse(name, args=args), {"assignment": objs["assignment"]})
        assert response.status_code in refusals, (method, name, response.status_code)
    assert not NoticeReply.objects.exists()
    assert Notice.objects.get().state == "open"
    assert RectificationItem.objects.get().state == "open"


def test_liaison_b_is_refused_on_every_endpoint_of_unit_a(cast: Any, objs: dict[str, Any]) -> None:
    b = cast.client(cast.liaison_b)
    for method, name, kwargs, refusals in _api_outsider_routes(objs):
        url = reverse(f"supervision-api:{name}", kwargs=kwargs)
        response = getattr(b, method)(
            url, {"text": "x", "files": [upload("a.pdf")]} if method == "post" else {}
        )
        assert response.status_code in refusals, (method, name, response.status_code)


def test_the_lists_show_liaison_b_nothing_of_unit_a(cast: Any, objs: dict[str, Any]) -> None:
    b = cast.client(cast.liaison_b)
    assert list(b.get(reverse("notice-list")).context["notices"]) == []
    assert list(b.get(reverse("rectification-list")).context["items"]) == []
    assert list(b.get(reverse("notification-list")).context["notifications"]) == []
    b.post(reverse("notification-read-all"))
    from fazhi.supervision.models import Notification

    assert Notification.objects.filter(pk=objs["notification"], read_at__isnull=True).exists()
    for name in API_OPEN_TO_ALL:
        assert b.get(reverse(f"supervision-api:{name}")).json()["results"] == [], name


def test_anonymous_visitors_are_sent_to_login(client: Any, objs: dict[str, Any]) -> None:
    for _, name, args, _ in _outsider_routes(objs):
        response = client.get(reverse(name, args=args))
        assert response.status_code in (302, 405), name
        if response.status_code == 302:
            assert "/accounts/login/" in response["Location"], name
    assert client.get("/api/notices/").status_code in (401, 403)


def test_an_office_of_another_district_finds_nothing(cast: Any, objs: dict[str, Any], new_user: Any) -> None:
    from fazhi.accounts.models import Role
    from fazhi.units.models import Jurisdiction

    other = cast.client(new_user("hq", Role.OFFICE, Jurisdiction.objects.get(name="红桥区")))
    for name, pk in [
        ("notice-detail", objs["notice"]),
        ("notice-docx", objs["notice"]),
        ("inspection-detail", objs["inspection"]),
        ("rectification-detail", objs["item"]),
    ]:
        assert other.get(reverse(name, args=[pk])).status_code == 404, name
    assert other.post(reverse("notice-close", args=[objs["notice"]])).status_code == 404
    assert other.get(reverse("notice-create"), {"assignment": objs["assignment"]}).status_code == 404
    assert other.get("/api/notices/").json()["results"] == []


@pytest.mark.parametrize("who", ["office", "leader"])
def test_office_and_leader_read_every_list(cast: Any, objs: dict[str, Any], who: str) -> None:
    c = cast.client(getattr(cast, who))
    for name in [
        "notification-list",
        "overdue-list",
        "notice-list",
        "talk-list",
        "inspection-list",
        "rectification-list",
    ]:
        assert c.get(reverse(name)).status_code == 200, name
    for name, pk in [
        ("notice-detail", objs["notice"]),
        ("inspection-detail", objs["inspection"]),
        ("rectification-detail", objs["item"]),
    ]:
        assert c.get(reverse(name, args=[pk])).status_code == 200, name


def test_list_pages_keep_bounded_query_counts(
    cast: Any, objs: dict[str, Any], django_assert_max_num_queries: Any, overdue_a: Any
) -> None:
    import datetime as dt

    from django.utils import timezone

    from fazhi.ledger.models import Assignment
    from fazhi.supervision.models import Inspection
    from fazhi.supervision.services import issue_notice, record_finding

    # More rows must not mean more queries.
    inspection = Inspection.objects.get(pk=objs["inspection"])
    for assignment in Assignment.objects.filter(unit=cast.unit_b)[:5]:
        assignment.deadline = overdue_a.deadline
        assignment.save()
        issue_notice(assignment=assignment, user=cast.office, requirement="x")
        deadline = timezone.localdate() + dt.timedelta(days=15)
        record_finding(
            inspection=inspection, user=cast.office, unit=cast.unit_b, text="问题", deadline=deadline
        )
    office = cast.client(cast.office)
    for name in ["overdue-list", "notice-list", "rectification-list", "inspection-list", "notification-list"]:
        with django_assert_max_num_queries(14):
            assert office.get(reverse(name)).status_code == 200, name
