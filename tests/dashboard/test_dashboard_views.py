"""The dashboard pages, per role of the shared cast; outsiders are refused."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.urls import reverse

OFFICE = "/dashboard/office/"
LEADER = "/dashboard/leader/"


def _charts(response: Any) -> dict[str, Any]:
    html = response.content.decode()
    start = html.index('<script id="dashboard-charts" type="application/json">') + len(
        '<script id="dashboard-charts" type="application/json">'
    )
    return json.loads(html[start : html.index("</script>", start)])


def test_dashboard_sends_each_role_to_its_own_page(cast: Any) -> None:
    assert cast.client(cast.office).get("/dashboard/")["Location"] == "/dashboard/office/"
    assert cast.client(cast.leader).get("/dashboard/")["Location"] == "/dashboard/leader/"
    assert cast.client(cast.liaison_a).get("/dashboard/")["Location"] == f"/dashboard/units/{cast.unit_a.pk}/"


def test_the_office_dashboard_shows_the_figures_and_charts(cast: Any, scene: Any) -> None:
    response = cast.client(cast.office).get(OFFICE)
    assert response.status_code == 200
    html = response.content.decode()
    for text in [
        "工作看板",
        "任务状态分布",
        "各计划完成情况",
        "各单位完成情况",
        "逾期清单",
        "天桥区司法局",
        "33.33%",
    ]:
        assert text in html, text
    assert "echarts.min.js" in html and "js/dashboard.js" in html
    charts = _charts(response)
    assert {i["name"]: i["value"] for i in charts["lights"]["items"]} == {
        "已完成": 2,
        "正常推进": 2,
        "即将到期": 1,
        "已逾期": 1,
        "待下发": 2,
    }
    from fazhi.ledger.status import COLOURS, Light

    overdue = next(i for i in charts["lights"]["items"] if i["name"] == "已逾期")
    assert overdue["itemStyle"]["color"] == COLOURS[Light.OVERDUE]
    assert overdue["url"]  # a click opens the overdue tasks
    assert charts["units"]["labels"] and all(d["url"] for s in charts["units"]["series"] for d in s["data"])
    # The office may dispatch the draft plan from here; the leader's page has no such link.
    assert reverse("plan-dispatch", args=[scene.draft.pk]) in html


def test_the_office_dashboard_can_be_limited_to_a_plan(cast: Any, scene: Any) -> None:
    c = cast.client(cast.office)
    response = c.get(OFFICE, {"plan": scene.draft.pk})
    assert response.status_code == 200 and response.context["f"].totals.total == 2
    assert c.get(OFFICE, {"plan": scene.other.pk}).status_code == 404  # 红桥区's plan
    assert c.get(OFFICE, {"plan": "x"}).status_code == 404


def test_the_leader_reads_the_same_figures_with_a_ranking_and_no_actions(cast: Any, scene: Any) -> None:
    response = cast.client(cast.leader).get(LEADER)
    assert response.status_code == 200
    html = response.content.decode()
    assert "单位排名" in html and "天桥区司法局" in html
    ranking = response.context["ranking"]
    assert [r.unit_id for r in ranking] == [cast.unit_a.pk, cast.unit_b.pk]
    assert _charts(response)["ranking"]["labels"][0].startswith("1. ")
    assert reverse("plan-dispatch", args=[scene.draft.pk]) not in html
    assert 'method="post"' not in html.split("<main>")[1]  # read-only: no forms that write


@pytest.mark.parametrize("who", ["leader", "liaison_a", "liaison_b"])
def test_only_the_office_opens_the_office_dashboard(cast: Any, who: str) -> None:
    assert cast.client(getattr(cast, who)).get(OFFICE).status_code == 403


@pytest.mark.parametrize("who", ["liaison_a", "liaison_b"])
def test_liaisons_are_refused_the_leader_dashboard(cast: Any, who: str) -> None:
    assert cast.client(getattr(cast, who)).get(LEADER).status_code == 403


def test_the_office_and_inspectors_may_read_the_leader_dashboard(cast: Any, new_user: Any) -> None:
    from fazhi.accounts.models import Role

    assert cast.client(cast.office).get(LEADER).status_code == 200
    inspector = new_user("insp", Role.INSPECTOR, cast.district)
    assert cast.client(inspector).get(LEADER).status_code == 200
    assert cast.client(inspector).get("/dashboard/")["Location"] == LEADER


def test_anonymous_visitors_and_users_without_a_role_are_refused(
    client: Any, cast: Any, django_user_model: Any
) -> None:
    urls = ["/dashboard/", OFFICE, LEADER, f"/dashboard/units/{cast.unit_a.pk}/", "/dashboard/tasks/"]
    urls.append("/dashboard/assignments/")
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], url
    client.force_login(django_user_model.objects.create_user("nobody"))
    for url in urls:
        assert client.get(url).status_code == 403, url


def test_an_office_of_another_district_sees_none_of_this_one(cast: Any, scene: Any, new_user: Any) -> None:
    from fazhi.accounts.models import Role

    other = cast.client(new_user("hq", Role.OFFICE, scene.other.jurisdiction))
    response = other.get(OFFICE)
    assert "天桥区司法局" not in response.content.decode()
    assert [p.plan_id for p in response.context["f"].plans] == [scene.other.pk]
    assert other.get(OFFICE, {"plan": scene.plan.pk}).status_code == 404
    assert other.get(LEADER, {"plan": scene.plan.pk}).status_code == 404
    assert other.get(f"/dashboard/units/{cast.unit_a.pk}/").status_code == 404
    assert other.get("/dashboard/assignments/", {"unit": cast.unit_a.pk}).status_code == 404
