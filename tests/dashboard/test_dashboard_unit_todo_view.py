"""A unit's to-do list: its liaison, the office and leaders see it; another unit's liaison does not."""

from __future__ import annotations

from typing import Any


def _url(unit: Any) -> str:
    return f"/dashboard/units/{unit.pk}/"


def test_a_liaison_sees_their_units_open_tasks_overdue_first(cast: Any, scene: Any) -> None:
    response = cast.client(cast.liaison_b).get(_url(cast.unit_b))
    assert response.status_code == 200
    html = response.content.decode()
    assert "天桥区委宣传部 · 待办事项" in html
    assert [i.task_number for i in response.context["todo"].items] == ["1", "4", "5"]
    assert html.index("逾期 10 天") < html.index("剩 1 天") < html.index("剩 60 天")


def test_a_liaison_is_refused_another_units_to_do(cast: Any, scene: Any) -> None:
    assert cast.client(cast.liaison_b).get(_url(cast.unit_a)).status_code == 404
    assert cast.client(cast.liaison_a).get(_url(cast.unit_b)).status_code == 404


def test_the_office_and_the_leader_read_any_units_to_do(cast: Any, scene: Any) -> None:
    for user in (cast.office, cast.leader):
        response = cast.client(user).get(_url(cast.unit_a))
        assert response.status_code == 200
        assert [i.task_number for i in response.context["todo"].items] == ["3", "5", "6"]


def test_a_unit_without_tasks_has_an_empty_list(cast: Any) -> None:
    response = cast.client(cast.liaison_a).get(_url(cast.unit_a))
    assert response.status_code == 200 and "没有未完成的任务" in response.content.decode()
