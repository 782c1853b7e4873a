"""Ledger workbook exports: seed-003 layout, per plan / unit / filtered view, and the round trip
through the plan import (the exported ledger parses back into the same tasks and units)."""

from __future__ import annotations

import io
from typing import Any

import openpyxl
from django.urls import reverse

from fazhi.docgen.ledger_xlsx import LEDGER_HEADERS

HEADERS = [*LEDGER_HEADERS, "进展情况", "状态"]


def _sheet(response: Any) -> Any:
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.spreadsheetml")
    return openpyxl.load_workbook(io.BytesIO(response.content)).active


def _task_rows(ws: Any) -> list[list[Any]]:
    return [[c.value for c in row] for row in ws.iter_rows(min_row=3)]


def _units_by_task(tasks: Any) -> list[tuple[str, list[tuple[str, str, int]]]]:
    return [
        (
            t.number,
            sorted(
                (link.role, "unit" if link.unit_id else "group", link.unit_id or link.group_id)
                for link in t.task_units.all()
            ),
        )
        for t in tasks
    ]


def test_seed_003_exported_and_reimported_gives_the_same_94_tasks_with_the_same_units(
    cast: Any, hongqiao: Any, django_capture_on_commit_callbacks: Any
) -> None:
    from fazhi.plans.models import ImportJob
    from fazhi.plans.services import confirm_import, start_import

    c = cast.client(hongqiao.office)
    response = c.get(reverse("ledger-export-plan", args=[hongqiao.pk]))
    ws = _sheet(response)
    assert [c.value for c in ws[2]] == HEADERS
    assert len(_task_rows(ws)) == 94
    assert any(str(r).startswith("A3:A") for r in ws.merged_cells.ranges)  # merged 一级指标 cells

    with django_capture_on_commit_callbacks(execute=True):
        result = start_import(
            user=hongqiao.office,
            jurisdiction=hongqiao.jurisdiction,
            filename="台账.xlsx",
            data=response.content,
        )
    job = ImportJob.objects.get(pk=result.job.pk)
    assert job.status == "ready", job.error
    again = confirm_import(job, hongqiao.office)

    old = hongqiao.tasks.prefetch_related("task_units").order_by("position")
    new = again.tasks.prefetch_related("task_units").order_by("position")
    assert new.count() == 94
    assert [(t.number, t.category, t.subcategory, t.content) for t in new] == [
        (t.number, t.category, t.subcategory, t.content) for t in old
    ]
    assert _units_by_task(new) == _units_by_task(old)


def test_the_plan_export_has_the_seed_layout_with_progress_and_status(cast: Any, year_2024: Any) -> None:
    ws = _sheet(cast.client(cast.office).get(reverse("ledger-export-plan", args=[year_2024.pk])))
    assert ws["A1"].value.startswith(year_2024.title[:10])
    rows = _task_rows(ws)
    assert len(rows) == 18
    assert [r[2] for r in rows] == list(range(1, 19))
    assert rows[0][8] == "按期完成" and rows[0][7] == "已于2024年6月1日完成"
    assert rows[6][8] == "已逾期" and rows[6][7] is None


def test_the_export_follows_the_ledger_pages_filters(cast: Any, year_2024: Any) -> None:
    from fazhi.units.models import Unit

    url = reverse("ledger-export-plan", args=[year_2024.pk])
    c = cast.client(cast.office)
    assert [r[2] for r in _task_rows(_sheet(c.get(url, {"status": "done"})))] == [1, 2, 3, 4, 5, 6]
    assert [r[2] for r in _task_rows(_sheet(c.get(url, {"q": "述法"})))] == [4]
    category = "(一)深入学习贯彻习近平法治思想"
    assert [r[2] for r in _task_rows(_sheet(c.get(url, {"category": category})))] == [1, 2]
    school = Unit.objects.get(name="天桥区委党校")
    page = c.get(reverse("plan-ledger", args=[year_2024.pk]), {"unit": school.pk})
    exported = [str(r[2]) for r in _task_rows(_sheet(c.get(url, {"unit": school.pk})))]
    assert exported == [t.number for t in page.context["tasks"]] and "1" in exported


def test_a_liaison_exports_only_their_units_rows(cast: Any, year_2024: Any) -> None:
    from fazhi.ledger.models import Assignment

    mine = sorted(
        int(n) for n in Assignment.objects.filter(unit=cast.unit_a).values_list("task__number", flat=True)
    )
    ws = _sheet(cast.client(cast.liaison_a).get(reverse("ledger-export-plan", args=[year_2024.pk])))
    assert sorted(r[2] for r in _task_rows(ws)) == mine and len(mine) < 18


def test_the_unit_export_lists_the_units_tasks_of_a_year(cast: Any, year_2024: Any) -> None:
    from fazhi.ledger.models import Assignment

    mine = sorted(
        int(n) for n in Assignment.objects.filter(unit=cast.unit_a).values_list("task__number", flat=True)
    )
    url = reverse("ledger-export-unit", args=[cast.unit_a.pk])
    ws = _sheet(cast.client(cast.office).get(url, {"year": "2024"}))
    assert ws["A1"].value == "天桥区司法局2024年任务台账"
    assert sorted(r[2] for r in _task_rows(ws)) == mine
    assert _task_rows(_sheet(cast.client(cast.office).get(url, {"year": "2023"}))) == []
    # The liaison of the unit may export it; the other unit's liaison does not find it.
    assert cast.client(cast.liaison_a).get(url).status_code == 200
    assert cast.client(cast.liaison_b).get(url).status_code == 404


def test_exports_of_other_districts_are_not_found(cast: Any, hongqiao: Any) -> None:
    c = cast.client(cast.office)
    assert c.get(reverse("ledger-export-plan", args=[hongqiao.pk])).status_code == 404


def test_the_export_query_count_does_not_grow_with_the_plan(
    cast: Any, hongqiao: Any, django_assert_max_num_queries: Any
) -> None:
    c = cast.client(hongqiao.office)
    with django_assert_max_num_queries(12):
        assert c.get(reverse("ledger-export-plan", args=[hongqiao.pk])).status_code == 200
