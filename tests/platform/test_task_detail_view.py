"""A task's page: content, units, assignments and its history (留痕)."""

from __future__ import annotations

from typing import Any

from django.urls import reverse


def _task(plan: Any, position: int = 1) -> Any:
    return plan.tasks.get(position=position)


def test_the_task_page_shows_content_units_and_assignments(cast: Any, dispatched_000: Any) -> None:
    task = _task(dispatched_000)
    page = cast.client(cast.office).get(reverse("task-detail", args=[task.pk])).content.decode()
    assert "领导干部带头学法" in page and "至少2次" in page
    assert "区委依法治区办" in page and "天桥区委全面依法治区委员会办公室" in page
    assert "2024-09-30" in page and "变更记录" in page


def test_an_edit_is_recorded_with_user_and_before_after(cast: Any, dispatched_000: Any) -> None:
    task = _task(dispatched_000)
    c = cast.client(cast.office)
    response = c.post(
        reverse("task-edit", args=[task.pk]),
        {
            "number": "1",
            "category": task.category,
            "subcategory": task.subcategory,
            "title": "领导干部带头学法用法",
            "content": task.content,
            "deadline": "2024-10-31",
            "deadline_text": "2024年10月底",
        },
    )
    assert response.status_code == 302
    task.refresh_from_db()
    assert str(task.deadline) == "2024-10-31"
    assert {str(a.deadline) for a in task.assignments.all()} == {"2024-10-31"}, (
        "assignments follow the deadline"
    )
    page = c.get(reverse("task-detail", args=[task.pk]))
    history = page.context["history"]
    edit = next(h for h in history if h["object"] == "任务" and h["what"] == "修改")
    assert edit["who"] == cast.office
    changes = {c["field"]: (c["old"], c["new"]) for c in edit["changes"]}
    assert changes["任务名称"] == ("领导干部带头学法", "领导干部带头学法用法")
    assert "领导干部带头学法用法" in page.content.decode() and "clerk" in page.content.decode()
    assert any(h["object"].startswith("分派：") and h["what"] == "修改" for h in history)


def test_a_liaison_sees_only_their_own_assignment_on_a_shared_task(cast: Any, dispatched_000: Any) -> None:
    task = (
        dispatched_000.tasks.filter(assignments__unit=cast.unit_a)
        .filter(assignments__unit=cast.unit_b)
        .first()
    )
    assert task is not None
    response = cast.client(cast.liaison_a).get(reverse("task-detail", args=[task.pk]))
    assert {a.unit_id for a in response.context["assignments"]} == {cast.unit_a.pk}
    assert all(h["object"] in ("任务", f"分派：{cast.unit_a.name}") for h in response.context["history"])


def test_the_task_page_query_count_is_bounded(
    cast: Any, dispatched_000: Any, django_assert_max_num_queries: Any
) -> None:
    task = _task(dispatched_000, 2)  # 2 goes to every department and street
    c = cast.client(cast.office)
    with django_assert_max_num_queries(15):
        assert c.get(reverse("task-detail", args=[task.pk])).status_code == 200
