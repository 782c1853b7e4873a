"""Jurisdictions nest: a city-level account sees its districts; a district sees only itself."""

from __future__ import annotations

from typing import Any

from django.urls import reverse


def test_a_city_leader_sees_the_plans_of_its_districts(cast: Any, plan_000: Any, new_user: Any) -> None:
    from fazhi.accounts.models import Role
    from fazhi.units.models import Jurisdiction

    city = Jurisdiction.objects.get(name="济南市")
    assert cast.district.parent == city
    leader = cast.client(new_user("city_leader", Role.LEADER, city))
    assert list(leader.get(reverse("plan-list")).context["plans"]) == [plan_000]
    assert leader.get(reverse("unit-detail", args=[cast.unit_a.pk])).status_code == 200
    assert leader.post(reverse("plan-dispatch", args=[plan_000.pk])).status_code == 403


def test_a_city_account_does_not_see_another_citys_districts(cast: Any, plan_000: Any, new_user: Any) -> None:
    from fazhi.accounts.models import Role
    from fazhi.units.models import Jurisdiction

    office = cast.client(new_user("tj_office", Role.OFFICE, Jurisdiction.objects.get(name="天津市")))
    assert list(office.get(reverse("plan-list")).context["plans"]) == []
    assert office.get(reverse("plan-ledger", args=[plan_000.pk])).status_code == 404
    units = office.get(reverse("unit-list")).context["page"]
    assert {u.jurisdiction.name for u in units} == {"红桥区"}


def test_a_token_is_issued_for_a_username_and_password(cast: Any, client: Any) -> None:
    cast.office.set_password("s3cret-pass")
    cast.office.save()
    response = client.post("/api/token/", {"username": "clerk", "password": "s3cret-pass"})
    token = response.json()["token"]
    assert client.get("/api/plans/", HTTP_AUTHORIZATION=f"Token {token}").status_code == 200
    assert client.post("/api/token/", {"username": "clerk", "password": "wrong"}).status_code == 400
