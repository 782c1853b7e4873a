"""The report's figures, computed from the database as plain dataclasses (exact numbers)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pytest

from fazhi.annual_reports.figures import (
    Figure,
    LedgerFigures,
    compare,
    ledger_figures,
    progress_figures,
    rate,
    report_figures,
    snapshot,
    supervision_figures,
)

AS_OF = dt.date(2025, 2, 10)


def test_ledger_figures_count_done_on_time_overdue_and_unfinished(cast: Any, year_2024: Any) -> None:
    f = ledger_figures(cast.district.descendant_ids(), 2024, AS_OF)
    assert isinstance(f, LedgerFigures) and dataclasses.is_dataclass(f)
    assert (f.plans, f.tasks_total.value, f.tasks_done.value) == (1, 18, 6)
    assert f.completion_rate.value == 33.33
    assert f.on_time_rate.value == 66.67  # 4 of the 6 done by their deadline
    assert f.overdue.value == 3 and [t.number for t in f.overdue_tasks] == ["7", "8", "9"]
    assert f.unfinished.value == 12
    assert sum(c.total for c in f.by_category) == 18 and sum(c.done for c in f.by_category) == 6
    # Seed 000 puts every task under 二、目标任务: the report groups by the 二级指标 instead.
    first = f.by_category[0]
    assert (first.category, first.total, first.done) == ("(一)深入学习贯彻习近平法治思想", 2, 2)
    assert f.tasks_total.text == "18项" and f.completion_rate.text == "33.33%"


def test_each_figure_names_the_records_it_counts(cast: Any, year_2024: Any) -> None:
    from fazhi.ledger.models import Task

    f = ledger_figures(cast.district.descendant_ids(), 2024, AS_OF)
    done = set(Task.objects.filter(plan=year_2024, done_at__isnull=False).values_list("pk", flat=True))
    assert f.tasks_done.model == "ledger.Task" and set(f.tasks_done.ids) == done
    assert len(f.overdue.ids) == 3 and len(f.tasks_total.ids) == 18


def test_overdue_means_past_its_deadline_on_the_day_of_the_report(cast: Any, year_2024: Any) -> None:
    # In May 2024 the June deadlines have not passed yet: nothing is overdue.
    f = ledger_figures(cast.district.descendant_ids(), 2024, dt.date(2024, 5, 1))
    assert f.overdue.value == 0 and f.unfinished.value == 12


def test_other_years_and_other_districts_do_not_count(cast: Any, year_2024: Any) -> None:
    from fazhi.units.models import Jurisdiction

    assert ledger_figures(cast.district.descendant_ids(), 2023, AS_OF).tasks_total.value == 0
    other = Jurisdiction.objects.get(name="红桥区")
    assert ledger_figures(other.descendant_ids(), 2024, AS_OF).tasks_total.value == 0


def test_an_empty_year_has_no_rates(cast: Any) -> None:
    f = ledger_figures(cast.district.descendant_ids(), 2019, AS_OF)
    assert f.tasks_total.value == 0 and f.completion_rate.value is None and f.completion_rate.text == "—"


@pytest.mark.parametrize(
    ("part", "whole", "expected"), [(1, 3, 33.33), (32, 33, 96.97), (0, 0, None), (5, 5, 100.0)]
)
def test_rate(part: int, whole: int, expected: float | None) -> None:
    assert rate(part, whole) == expected


def test_figures_of_every_group_are_plain_dataclasses(cast: Any, year_2024: Any) -> None:
    f = report_figures(cast.district, 2024, AS_OF)
    for group in (f.ledger, f.progress, f.supervision):
        assert dataclasses.is_dataclass(group)
        assert all(isinstance(x, Figure) for x in group.figures())
    assert [x.key for x in f.figures()][:2] == ["tasks_total", "tasks_done"]


def test_the_snapshot_is_json(cast: Any, year_2024: Any) -> None:
    import json

    data = snapshot(report_figures(cast.district, 2024, AS_OF))
    again = json.loads(json.dumps(data))
    assert again["ledger"]["overdue_tasks"][0]["deadline"] == "2024-06-30"
    flat = {f["key"]: f for f in again["flat"]}
    assert flat["tasks_done"]["text"] == "6项" and flat["tasks_done"]["value"] == 6


def test_this_years_figures_find_last_years_by_keyword_and_kind() -> None:
    flat = [
        {"key": "findings", "label": "发现问题", "unit": "个", "keywords": ["发现问题"]},
        {"key": "completion_rate", "label": "任务完成率", "unit": "%", "keywords": ["完成率"]},
    ]
    past = [
        {"text": "发现问题8处", "value": 8, "unit": "处"},
        {"text": "办结率100.00%", "value": 100.0, "unit": "%"},
        {"text": "完成率98%", "value": 98, "unit": "%"},
    ]
    pairs = compare(flat, past)
    assert [p["text"] for p in pairs[0].past] == ["发现问题8处"]
    assert [p["text"] for p in pairs[1].past] == ["完成率98%"]


def test_the_figure_functions_query_a_bounded_number_of_times(
    cast: Any, year_2024: Any, django_assert_max_num_queries: Any
) -> None:
    ids = cast.district.descendant_ids()
    with django_assert_max_num_queries(2):
        ledger_figures(ids, 2024, AS_OF)
    with django_assert_max_num_queries(10):
        progress_figures(ids, 2024, AS_OF)
        supervision_figures(ids, 2024, AS_OF)
