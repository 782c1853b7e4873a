"""The preview: the parsed draft with unit matches, edited in place before anything is stored."""

from __future__ import annotations

from typing import Any

from django.urls import reverse


def _post(cast: Any, job: Any, index: int, data: dict[str, Any]) -> Any:
    return cast.client(cast.office).post(
        reverse("preview-unit", args=[job.pk, index]), data, HTTP_HX_REQUEST="true"
    )


def _draft(job: Any) -> dict[str, Any]:
    job.refresh_from_db()
    return job.draft


def test_the_preview_shows_tasks_units_matches_and_warnings(cast: Any, job_000: Any) -> None:
    page = cast.client(cast.office).get(reverse("import-preview", args=[job_000.pk])).content.decode()
    assert page.count('class="task-row') == 18
    assert "领导干部带头学法" in page
    assert "区委依法治区办" in page and "集合名称" in page  # a matched unit and an expanded group
    for warning in job_000.draft["warnings"]:
        assert warning in page
    assert "确认导入" in page


def test_every_unit_of_seed_000_matches_the_registry(job_000: Any) -> None:
    unresolved = [u["name"] for t in job_000.draft["tasks"] for u in t["units"] if u["id"] is None]
    assert unresolved == []


def test_editing_a_task_changes_only_the_draft(cast: Any, job_000: Any) -> None:
    from fazhi.ledger.models import Task

    url = reverse("preview-task-edit", args=[job_000.pk, 0])
    form = cast.client(cast.office).get(url, HTTP_HX_REQUEST="true")
    assert form.status_code == 200 and 'name="deadline"' in form.content.decode()
    response = cast.client(cast.office).post(
        url,
        {"title": "领导干部带头学法（修改）", "deadline": "2024-10-31", "content": "内容"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200 and "领导干部带头学法（修改）" in response.content.decode()
    task = _draft(job_000)["tasks"][0]
    assert (task["title"], task["deadline"]) == ("领导干部带头学法（修改）", "2024-10-31")
    assert Task.objects.count() == 0


def test_a_bad_deadline_is_refused_with_a_message(cast: Any, job_000: Any) -> None:
    response = cast.client(cast.office).post(
        reverse("preview-task-edit", args=[job_000.pk, 0]), {"deadline": "九月底"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 400 and "不是有效日期" in response.content.decode()
    assert _draft(job_000)["tasks"][0]["deadline"] == "2024-09-30"


def test_the_office_points_a_name_at_another_unit(cast: Any, job_000: Any) -> None:
    response = _post(cast, job_000, 0, {"action": "choose", "position": 0, "name": "天桥区委宣传部"})
    assert response.status_code == 200
    entry = _draft(job_000)["tasks"][0]["units"][0]
    assert (entry["id"], entry["method"], entry["name"]) == (cast.unit_b.pk, "manual", "区委依法治区办")


def test_a_candidate_can_be_chosen_from_the_list(cast: Any, job_000: Any) -> None:
    _post(cast, job_000, 0, {"action": "choose", "position": 1, "choice": f"unit:{cast.unit_a.pk}"})
    assert _draft(job_000)["tasks"][0]["units"][1]["id"] == cast.unit_a.pk


def test_a_name_not_in_the_registry_is_shown_and_blocks_confirmation(cast: Any, job_000: Any) -> None:
    from fazhi.plans.models import Plan

    response = _post(cast, job_000, 2, {"action": "add", "role": "responsible", "name": "区数据资源局"})
    assert "未匹配" in response.content.decode() and "新建单位“区数据资源局”" in response.content.decode()
    confirm = cast.client(cast.office).post(reverse("import-confirm", args=[job_000.pk]))
    assert confirm.status_code == 400 and "区数据资源局" in confirm.content.decode()
    assert "没有对应单位" in confirm.content.decode()
    assert Plan.objects.count() == 0


def test_the_office_creates_a_unit_for_an_unknown_name(cast: Any, job_000: Any) -> None:
    from fazhi.units.models import Unit

    _post(cast, job_000, 2, {"action": "add", "role": "responsible", "name": "区数据资源局"})
    position = len(_draft(job_000)["tasks"][2]["units"]) - 1
    _post(cast, job_000, 2, {"action": "create", "position": position})
    entry = _draft(job_000)["tasks"][2]["units"][position]
    unit = Unit.objects.get(name="区数据资源局", jurisdiction=cast.district)
    assert (entry["id"], entry["method"]) == (unit.pk, "created")


def test_a_name_matching_two_units_must_be_chosen(cast: Any, job_000: Any) -> None:
    from fazhi.plans.models import Plan
    from fazhi.units.models import Unit, UnitAlias

    other = Unit.objects.create(jurisdiction=cast.district, name="天桥区司法所")
    UnitAlias.objects.create(unit=other, name="司法部门")
    UnitAlias.objects.create(unit=cast.unit_a, name="司法部门")
    response = _post(cast, job_000, 0, {"action": "add", "role": "lead", "name": "司法部门"})
    assert "匹配到多个单位" in response.content.decode()
    confirm = cast.client(cast.office).post(reverse("import-confirm", args=[job_000.pk]))
    assert confirm.status_code == 400 and "同时匹配多个单位" in confirm.content.decode()
    assert Plan.objects.count() == 0
    position = len(_draft(job_000)["tasks"][0]["units"]) - 1
    _post(cast, job_000, 0, {"action": "choose", "position": position, "choice": f"unit:{cast.unit_a.pk}"})
    assert cast.client(cast.office).post(reverse("import-confirm", args=[job_000.pk])).status_code == 302


def test_a_name_can_be_removed_explicitly(cast: Any, job_000: Any) -> None:
    before = [u["name"] for u in _draft(job_000)["tasks"][0]["units"]]
    _post(cast, job_000, 0, {"action": "remove", "position": 0})
    assert [u["name"] for u in _draft(job_000)["tasks"][0]["units"]] == before[1:]


def test_a_typed_name_that_is_not_in_the_registry_is_refused(cast: Any, job_000: Any) -> None:
    response = _post(cast, job_000, 0, {"action": "choose", "position": 0, "name": "不存在的单位"})
    assert "单位名录中没有“不存在的单位”" in response.content.decode()
    assert _draft(job_000)["tasks"][0]["units"][0]["method"] == "exact"


def test_out_of_range_indexes_are_refused(cast: Any, job_000: Any) -> None:
    c = cast.client(cast.office)
    assert c.get(reverse("preview-task-edit", args=[job_000.pk, 99])).status_code == 400
    assert "找不到该单位" in _post(cast, job_000, 0, {"action": "remove", "position": 99}).content.decode()


def test_edits_to_a_missing_task_or_a_discarded_draft_are_refused(cast: Any, job_000: Any) -> None:
    response = _post(cast, job_000, 99, {"action": "remove", "position": 0})
    assert response.status_code == 400 and "找不到该任务" in response.content.decode()
    cast.client(cast.office).post(reverse("import-discard", args=[job_000.pk]))
    response = _post(cast, job_000, 0, {"action": "remove", "position": 0})
    assert response.status_code == 400 and "不能再修改" in response.content.decode()
