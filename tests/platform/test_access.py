"""Every page and API endpoint refuses whoever is outside its scope, by URL and by id."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

REFUSED = (302, 403, 404)


def _task_of(plan: Any, unit: Any, not_unit: Any) -> Any:
    return plan.tasks.filter(assignments__unit=unit).exclude(assignments__unit=not_unit).first()


@pytest.fixture
def ids(cast: Any, dispatched_000: Any) -> dict[str, Any]:
    task_a = _task_of(dispatched_000, cast.unit_a, cast.unit_b)
    assert task_a is not None
    return {"plan": dispatched_000.pk, "task_a": task_a.pk, "unit_a": cast.unit_a.pk}


def test_anonymous_visitors_are_sent_to_login(client: Any, ids: dict[str, Any]) -> None:
    for url in [
        reverse("home"),
        reverse("plan-list"),
        reverse("plan-ledger", args=[ids["plan"]]),
        reverse("task-detail", args=[ids["task_a"]]),
        reverse("unit-list"),
        reverse("unit-detail", args=[ids["unit_a"]]),
    ]:
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], url
    assert client.get("/api/tasks/").status_code in (401, 403)


def test_liaison_b_cannot_read_unit_as_task_by_url(cast: Any, ids: dict[str, Any]) -> None:
    b = cast.client(cast.liaison_b)
    assert b.get(reverse("task-detail", args=[ids["task_a"]])).status_code == 404
    assert b.get(reverse("unit-detail", args=[ids["unit_a"]])).status_code == 404
    assert b.get(f"/api/tasks/{ids['task_a']}/").status_code == 404
    assert b.get(f"/api/units/{ids['unit_a']}/").status_code == 404
    assert ids["task_a"] not in [t["id"] for t in b.get("/api/tasks/").json()["results"]]
    a = cast.client(cast.liaison_a)
    assert a.get(reverse("task-detail", args=[ids["task_a"]])).status_code == 200
    assert a.get(f"/api/tasks/{ids['task_a']}/").status_code == 200


@pytest.mark.parametrize("who", ["leader", "liaison_a", "liaison_b"])
def test_only_the_office_may_write(cast: Any, ids: dict[str, Any], revised_job: Any, who: str) -> None:
    job_000 = revised_job
    c = cast.client(getattr(cast, who))
    posts = [
        reverse("plan-upload"),
        reverse("plan-dispatch", args=[ids["plan"]]),
        reverse("task-edit", args=[ids["task_a"]]),
        reverse("unit-create"),
        reverse("unit-edit", args=[ids["unit_a"]]),
        reverse("unit-import"),
        reverse("import-confirm", args=[job_000.pk]),
        reverse("import-discard", args=[job_000.pk]),
        reverse("preview-unit", args=[job_000.pk, 0]),
        reverse("preview-task-edit", args=[job_000.pk, 0]),
    ]
    for url in posts:
        assert c.post(url, {"title": "x", "name": "x"}).status_code == 403, url
    for url in [reverse("import-preview", args=[job_000.pk]), reverse("import-status", args=[job_000.pk])]:
        assert c.get(url).status_code == 403, url
    assert c.post("/api/units/", {"name": "x", "jurisdiction": cast.district.pk}).status_code == 403
    assert c.patch(
        f"/api/units/{ids['unit_a']}/", {"name": "x"}, content_type="application/json"
    ).status_code in (
        403,
        404,
    )
    assert c.post(f"/api/plans/{ids['plan']}/dispatch/").status_code in (403, 404)
    assert c.post(f"/api/imports/{job_000.pk}/confirm/").status_code == 403
    job_000.refresh_from_db()
    assert job_000.status == "ready"


def test_an_office_of_another_district_sees_nothing_of_this_one(
    cast: Any, ids: dict[str, Any], revised_job: Any, new_user: Any
) -> None:
    job_000 = revised_job
    from fazhi.accounts.models import Role
    from fazhi.units.models import Jurisdiction

    other = cast.client(new_user("hq", Role.OFFICE, Jurisdiction.objects.get(name="红桥区")))
    for url in [
        reverse("plan-ledger", args=[ids["plan"]]),
        reverse("task-detail", args=[ids["task_a"]]),
        reverse("unit-detail", args=[ids["unit_a"]]),
        reverse("unit-edit", args=[ids["unit_a"]]),
        reverse("plan-dispatch", args=[ids["plan"]]),
        reverse("import-preview", args=[job_000.pk]),
        f"/api/tasks/{ids['task_a']}/",
        f"/api/plans/{ids['plan']}/",
        f"/api/units/{ids['unit_a']}/",
        f"/api/imports/{job_000.pk}/",
    ]:
        assert other.get(url).status_code == 404, url
    assert other.post(reverse("task-edit", args=[ids["task_a"]]), {"title": "改"}).status_code == 404
    assert other.post(f"/api/imports/{job_000.pk}/confirm/").status_code == 404
    assert other.get(reverse("plan-list")).context["plans"].count() == 0


@pytest.mark.parametrize("who", ["office", "leader"])
def test_office_and_leader_read_every_page(cast: Any, ids: dict[str, Any], who: str) -> None:
    c = cast.client(getattr(cast, who))
    for url in [
        reverse("plan-list"),
        reverse("plan-ledger", args=[ids["plan"]]),
        reverse("task-detail", args=[ids["task_a"]]),
        reverse("unit-list"),
        reverse("unit-detail", args=[ids["unit_a"]]),
        "/api/plans/",
        "/api/tasks/",
        "/api/assignments/",
        "/api/units/",
    ]:
        assert c.get(url).status_code == 200, url


def test_a_user_without_a_role_is_refused(cast: Any, ids: dict[str, Any], django_user_model: Any) -> None:
    from django.test import Client

    c = Client()
    c.force_login(django_user_model.objects.create_user("nobody"))
    assert c.get(reverse("plan-list")).status_code == 403
    assert c.get(reverse("task-detail", args=[ids["task_a"]])).status_code == 403
    assert c.get("/api/tasks/").status_code == 403


def _outsider_routes(ids: dict[str, Any], job: Any, group: Any) -> list[tuple[str, str, list[Any]]]:
    """(method, route name, args) of every page, pointed at objects outside liaison B's scope."""
    return [
        ("get", "plan-upload", []),
        ("post", "plan-upload", []),
        ("get", "import-status", [job.pk]),
        ("get", "import-preview", [job.pk]),
        ("get", "preview-task-row", [job.pk, 0]),
        ("get", "preview-task-edit", [job.pk, 0]),
        ("post", "preview-task-edit", [job.pk, 0]),
        ("post", "preview-unit", [job.pk, 0]),
        ("post", "import-confirm", [job.pk]),
        ("post", "import-discard", [job.pk]),
        ("get", "plan-dispatch", [ids["plan"]]),
        ("post", "plan-dispatch", [ids["plan"]]),
        ("get", "task-detail", [ids["task_a"]]),
        ("get", "task-edit", [ids["task_a"]]),
        ("post", "task-edit", [ids["task_a"]]),
        ("get", "unit-create", []),
        ("post", "unit-create", []),
        ("get", "unit-import", []),
        ("post", "unit-import", []),
        ("get", "unit-detail", [ids["unit_a"]]),
        ("get", "unit-edit", [ids["unit_a"]]),
        ("post", "unit-edit", [ids["unit_a"]]),
        ("get", "group-detail", [group.pk]),
        ("get", "group-create", []),
        ("post", "group-create", []),
        ("get", "group-edit", [group.pk]),
        ("post", "group-edit", [group.pk]),
    ]


# The apps whose pages this module guards; other apps keep their own access tests.
MY_APPS = ("fazhi.accounts.", "fazhi.units.", "fazhi.plans.", "fazhi.ledger.", "django.contrib.auth.")
# Routes every role may open (scoped by what they list), checked elsewhere in this module.
OPEN_TO_ALL = {"home", "login", "logout", "plan-list", "plan-ledger", "unit-list"}


def test_liaison_b_is_refused_on_every_page_of_unit_a(
    cast: Any, ids: dict[str, Any], revised_job: Any
) -> None:
    from fazhi.units.models import UnitGroup

    group = UnitGroup.objects.filter(jurisdiction=cast.district).first()
    b = cast.client(cast.liaison_b)
    for method, name, args in _outsider_routes(ids, revised_job, group):
        response = getattr(b, method)(reverse(name, args=args), {"name": "x", "title": "x"})
        assert response.status_code in (403, 404), (method, name)
    revised_job.refresh_from_db()
    assert revised_job.status == "ready"


def test_every_page_route_of_these_apps_has_an_outsider_check(ids: dict[str, Any], revised_job: Any) -> None:
    from django.urls import get_resolver

    from fazhi.units.models import UnitGroup

    def names(patterns: Any, prefix: str = "") -> set[str]:
        found = set()
        for p in patterns:
            if hasattr(p, "url_patterns"):
                if getattr(p, "namespace", None) in ("admin", "api"):
                    continue
                found |= names(p.url_patterns)
            elif p.name and p.callback.__module__.startswith(MY_APPS):
                found.add(p.name)
        return found

    group = UnitGroup.objects.first()
    checked = {name for _, name, _ in _outsider_routes(ids, revised_job, group)} | OPEN_TO_ALL
    assert {n for n in names(get_resolver().url_patterns) if not n.startswith("api-")} <= checked


@pytest.mark.parametrize(
    "path",
    [
        "/api/tasks/{task_a}/",
        "/api/units/{unit_a}/",
        "/api/assignments/{assignment_a}/",
        "/api/imports/{job}/",
    ],
)
def test_the_api_hides_objects_outside_liaison_bs_scope(
    cast: Any, ids: dict[str, Any], revised_job: Any, path: str
) -> None:
    from fazhi.ledger.models import Assignment

    values = {
        **ids,
        "assignment_a": Assignment.objects.filter(unit=cast.unit_a).first().pk,
        "job": revised_job.pk,
    }
    assert cast.client(cast.liaison_b).get(path.format(**values)).status_code == 404
