"""Every dashboard route, page or API, refuses liaison B on unit A's objects (and the office-only
and oversight-only pages refuse liaisons altogether). Routes open to every role are listed with
the test that checks their scope."""

from __future__ import annotations

from typing import Any

from django.urls import get_resolver, reverse


def _outsider_routes(cast: Any, scene: Any) -> list[tuple[str, list[Any], dict[str, Any]]]:
    """(route name, args, query) pointed at what liaison B may not see."""
    a = cast.unit_a.pk
    return [
        ("dashboard-office", [], {}),
        ("dashboard-leader", [], {}),
        ("dashboard-unit", [a], {}),
        ("dashboard-tasks", [], {"unit": a}),
        ("dashboard-assignments", [], {"unit": a}),
        ("dashboard-tasks", [], {"plan": scene.other.pk}),
        ("dashboard-assignments", [], {"plan": scene.draft.pk}),
        ("api-dashboard-office", [], {}),
        ("api-dashboard-leader", [], {}),
        ("api-dashboard-unit", [a], {}),
    ]


# Opens for every role: a redirect to the user's own dashboard (test_dashboard_views.py).
OPEN_TO_ALL = {"dashboard"}


def test_liaison_b_is_refused_on_every_dashboard_route(cast: Any, scene: Any) -> None:
    b = cast.client(cast.liaison_b)
    for name, args, query in _outsider_routes(cast, scene):
        url = reverse(f"dashboard-api:{name}" if name.startswith("api-") else name, args=args)
        assert b.get(url, query).status_code in (403, 404), (name, query)
        assert b.post(url, query).status_code in (403, 404, 405), (name, "post")


def _dashboard_route_names() -> set[str]:
    def walk(patterns: Any) -> set[str]:
        found = set()
        for p in patterns:
            if hasattr(p, "url_patterns"):
                found |= walk(p.url_patterns)
            elif p.name:
                view = getattr(p.callback, "cls", p.callback)
                if view.__module__.startswith("fazhi.dashboard."):
                    found.add(p.name)
        return found

    return walk(get_resolver().url_patterns)


def test_every_dashboard_route_has_an_outsider_check(cast: Any, scene: Any) -> None:
    names = _dashboard_route_names()
    assert "dashboard-office" in names and "api-dashboard-unit" in names
    assert names <= {name for name, _, _ in _outsider_routes(cast, scene)} | OPEN_TO_ALL
