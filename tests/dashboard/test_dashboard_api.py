"""The figures as JSON: the same permissions as the pages."""

from __future__ import annotations

from typing import Any

import pytest


def test_the_office_reads_its_figures_as_json(cast: Any, scene: Any) -> None:
    data = cast.client(cast.office).get("/api/dashboard/office/").json()
    assert data["totals"]["total"] == 8 and data["totals"]["completion_rate"] == 25.0
    assert [u["unit_id"] for u in data["units"]] == [cast.unit_b.pk, cast.unit_a.pk]
    assert data["units"][0]["links"]["overdue"].startswith("/dashboard/assignments/?")
    assert data["on"] == scene.on.isoformat()


def test_the_leader_reads_figures_and_ranking(cast: Any, scene: Any) -> None:
    data = cast.client(cast.leader).get("/api/dashboard/leader/", {"plan": scene.plan.pk}).json()
    assert data["office"]["plan_id"] == scene.plan.pk
    assert [r["rank"] for r in data["ranking"]] == [1, 2]


@pytest.mark.parametrize("who", ["leader", "liaison_a", "liaison_b"])
def test_only_the_office_reads_the_office_figures(cast: Any, who: str) -> None:
    assert cast.client(getattr(cast, who)).get("/api/dashboard/office/").status_code == 403


@pytest.mark.parametrize("who", ["liaison_a", "liaison_b"])
def test_liaisons_are_refused_the_leader_figures(cast: Any, who: str) -> None:
    assert cast.client(getattr(cast, who)).get("/api/dashboard/leader/").status_code == 403


def test_a_units_to_do_is_refused_to_another_units_liaison(cast: Any, scene: Any) -> None:
    url = f"/api/dashboard/units/{cast.unit_a.pk}/"
    assert cast.client(cast.liaison_b).get(url).status_code == 404
    data = cast.client(cast.liaison_a).get(url).json()
    assert [i["task_number"] for i in data["items"]] == ["3", "5", "6"]


def test_anonymous_and_other_districts_are_refused(client: Any, cast: Any, scene: Any, new_user: Any) -> None:
    from fazhi.accounts.models import Role

    for url in [
        "/api/dashboard/office/",
        "/api/dashboard/leader/",
        f"/api/dashboard/units/{cast.unit_a.pk}/",
    ]:
        assert client.get(url).status_code in (401, 403), url
    other = cast.client(new_user("hq", Role.OFFICE, scene.other.jurisdiction))
    assert other.get("/api/dashboard/office/", {"plan": scene.plan.pk}).status_code == 404
    assert other.get(f"/api/dashboard/units/{cast.unit_a.pk}/").status_code == 404


def test_the_token_works_like_the_session(cast: Any, scene: Any) -> None:
    from django.test import Client
    from rest_framework.authtoken.models import Token

    token = Token.objects.create(user=cast.office)
    response = Client().get("/api/dashboard/office/", HTTP_AUTHORIZATION=f"Token {token.key}")
    assert response.status_code == 200
