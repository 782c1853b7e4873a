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


def test_progress_figures_count_accepted_reports_targets_and_evidence(cast: Any, progress_2024: Any) -> None:
    from fazhi.ledger.models import Task

    f = progress_figures(cast.district.descendant_ids(), 2024, AS_OF)
    assert f.available
    assert f.reports_accepted.value == 2 and set(f.reports_accepted.ids) == {
        progress_2024["done"].pk,
        progress_2024["late"].pk,
    }
    assert f.evidence_files.value == 1 and f.evidence_files.model == "evidence.EvidenceFile"
    # Targets: task 1 (2, nothing reported), task 11 (2: 100% met, 0 of 1次 not), task 12 (1).
    assert (f.targets_total.value, f.targets_met.value) == (5, 1)
    unmet = {(t.task_number, t.text): (t.reported, t.cause) for t in f.unmet_targets}
    assert unmet[("11", "每年参加1次")] == ("0", "")
    assert unmet[("12", "5%以上")] == ("", "人员编制未到位")  # the reason of a report not yet accepted
    task_11 = Task.objects.get(plan__year=2024, number="11")
    assert f.achievements[task_11.pk] == "行政机关负责人出庭应诉率保持100%。"
    # The accepted 已完成 consolidated report finished the task: the ledger counts it.
    assert ledger_figures(cast.district.descendant_ids(), 2024, AS_OF).tasks_done.value == 7


def test_the_draft_gives_the_causes_the_units_reported(cast: Any, progress_2024: Any) -> None:
    from fazhi.annual_reports.drafting import draft_sections

    s = draft_sections(report_figures(cast.district, 2024, AS_OF), {})
    assert "审核通过的进展报告2份，上传佐证材料1份；年度任务中的量化指标5项，已达标1项" in s["measures"]
    assert "原因：上级政策尚未出台" in s["shortcomings"]
    assert "有4项指标未达到要求" in s["shortcomings"] and "原因：人员编制未到位" in s["shortcomings"]
    assert "行政机关负责人出庭应诉率保持100%" in s["measures"]


def test_the_ledger_export_shows_the_accepted_progress(cast: Any, progress_2024: Any) -> None:
    import io

    import openpyxl
    from django.urls import reverse

    plan = progress_2024["done"].assignment.task.plan
    response = cast.client(cast.office).get(reverse("ledger-export-plan", args=[plan.pk]))
    rows = list(
        openpyxl.load_workbook(io.BytesIO(response.content)).active.iter_rows(min_row=3, values_only=True)
    )
    by_number = {r[2]: r for r in rows}
    # accepted today, after the task's 2024 deadline: done, but late
    assert by_number[11][7] == "行政机关负责人出庭应诉率保持100%。" and by_number[11][8] == "逾期完成"
    assert by_number[8][7] == "方案已起草。"


def test_supervision_figures_count_the_years_reminders_notices_and_inspections(
    cast: Any, supervision_2024: Any
) -> None:
    f = supervision_figures(cast.district.descendant_ids(), 2024, AS_OF)
    assert f.available
    values = {x.key: x.value for x in f.figures()}
    assert values == {
        "reminders": 5,
        "notices_issued": 3,
        "notices_answered": 2,
        "inspections": 2,
        "units_inspected": 3,
        "findings": 4,
        "rectified": 2,
    }
    assert set(f.units_inspected.ids) == {u.pk for u in supervision_2024["units"]}
    assert [(r.finding, r.cause) for r in f.open_rectifications] == [
        ("法律顾问未参与合同审查。", "已建立审查制度，待销号"),
        ("普法责任清单未更新。", ""),
    ]
    # Another district sees none of it.
    from fazhi.units.models import Jurisdiction

    other = supervision_figures(Jurisdiction.objects.get(name="红桥区").descendant_ids(), 2024, AS_OF)
    assert all(x.value == 0 for x in other.figures())


def test_the_draft_reports_supervision_and_open_rectification(cast: Any, supervision_2024: Any) -> None:
    from fazhi.annual_reports.drafting import draft_sections

    s = draft_sections(report_figures(cast.district, 2024, AS_OF), {})
    assert "全年发出到期及逾期提醒5次，下发督办单3份、已回复2份" in s["measures"]
    assert "开展法治督察2次，督察单位3个，发现问题4个，已完成整改2个" in s["measures"]
    assert "有2个整改事项尚未销号" in s["shortcomings"]
    assert "法律顾问未参与合同审查（整改情况：已建立审查制度，待销号）" in s["shortcomings"]


def test_a_supervision_figure_links_to_its_records(cast: Any, supervision_2024: Any) -> None:
    from django.urls import reverse

    from fazhi.annual_reports.services import create_report

    report = create_report(cast.district, 2024, "government", cast.office)
    c = cast.client(cast.office)
    response = c.get(reverse("report-figure", args=[report.pk, "notices_issued"]))
    assert response.status_code == 200 and len(response.context["records"]) == 3
    assert "督办〔2024〕1号" in response.content.decode()
    units = c.get(reverse("report-figure", args=[report.pk, "units_inspected"]))
    assert {u.pk for u in units.context["records"]} == {u.pk for u in supervision_2024["units"]}


def test_progress_figures_link_to_the_reports_and_evidence_they_count(cast: Any, progress_2024: Any) -> None:
    from django.urls import reverse

    from fazhi.annual_reports.services import create_report

    report = create_report(cast.district, 2024, "government", cast.office)
    c = cast.client(cast.leader)
    reports = c.get(reverse("report-figure", args=[report.pk, "reports_accepted"]))
    assert {r.pk for r in reports.context["records"]} == {progress_2024["done"].pk, progress_2024["late"].pk}
    evidence = c.get(reverse("report-figure", args=[report.pk, "evidence_files"]))
    assert [e.original_name for e in evidence.context["records"]] == ["出庭记录.pdf"]
