"""The task and assignment lists the figures open: scoped like every other list."""

from __future__ import annotations

from typing import Any


def test_a_liaison_lists_only_their_units_assignments(cast: Any, scene: Any) -> None:
    response = cast.client(cast.liaison_b).get("/dashboard/assignments/")
    assert {a.unit_id for a in response.context["page"]} == {cast.unit_b.pk}
    assert response.context["page"].paginator.count == 3


def test_a_liaison_filtering_by_another_unit_or_district_gets_not_found(cast: Any, scene: Any) -> None:
    b = cast.client(cast.liaison_b)
    assert b.get("/dashboard/assignments/", {"unit": cast.unit_a.pk}).status_code == 404
    assert b.get("/dashboard/tasks/", {"unit": cast.unit_a.pk}).status_code == 404
    assert b.get("/dashboard/tasks/", {"plan": scene.other.pk}).status_code == 404
    assert b.get("/dashboard/tasks/", {"plan": scene.draft.pk}).status_code == 404  # no assignment of B


def test_the_task_list_filters_like_the_figures(cast: Any, scene: Any) -> None:
    c = cast.client(cast.office)
    count = lambda **params: c.get("/dashboard/tasks/", params).context["page"].paginator.count  # noqa: E731
    assert count() == 8
    assert count(light="pending") == 2
    assert count(plan=scene.plan.pk, on_time="1") == 1
    assert count(plan=scene.plan.pk, uncategorised="1") == 1
    assert count(unit=cast.unit_b.pk, light="overdue") == 0  # task 1 is done; B's part of it is late
    assert count(light="bogus") == 8  # unknown values are ignored
    response = c.get("/dashboard/tasks/", {"light": "overdue"})
    assert "已逾期" in response.content.decode() and "共 1 项" in response.content.decode()


def test_the_lists_page_through_large_results(cast: Any, ledger: Any) -> None:
    plan = ledger.plan(cast.district, "大")
    for _ in range(105):
        ledger.task(plan, units=[(cast.unit_a, "lead", None)])
    c = cast.client(cast.office)
    first = c.get("/dashboard/assignments/", {"unit": cast.unit_a.pk})
    assert len(first.context["page"]) == 100 and "下一页" in first.content.decode()
    second = c.get("/dashboard/assignments/", {"unit": cast.unit_a.pk, "page": 2})
    assert len(second.context["page"]) == 5
