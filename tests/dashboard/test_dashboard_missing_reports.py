"""Missing progress reports (本期未报送) on the dashboards, by the progress app's rule."""

from __future__ import annotations

from typing import Any

import pytest

from fazhi.dashboard.figures import office_figures, unit_todo


@pytest.fixture
def reported(cast: Any, scene: Any) -> Any:
    """Unit B reported this month on task 4 (submitted); everything else open is unreported."""
    from fazhi.ledger.models import Assignment
    from fazhi.progress import periods
    from fazhi.progress.models import ProgressReport

    assignment = Assignment.objects.get(task=scene.tasks[3], unit=cast.unit_b)
    return ProgressReport.objects.create(
        assignment=assignment,
        period=periods.period_on("monthly", scene.on).key,
        status="in_progress",
        state="submitted",
        created_by=cast.liaison_b,
    )


def test_open_assignments_without_this_periods_report_are_counted_per_unit(
    cast: Any, scene: Any, reported: Any
) -> None:
    f = office_figures(cast.office, scene.on)
    assert f.reports_available
    assert {u.unit_id: u.missing_reports for u in f.units} == {cast.unit_a.pk: 3, cast.unit_b.pk: 2}
    assert f.missing_reports == 5
    c = cast.client(cast.office)
    assert c.get(f.missing_reports_url).context["page"].paginator.count == 5
    b = next(u for u in f.units if u.unit_id == cast.unit_b.pk)
    assert c.get(b.missing_reports_url).context["page"].paginator.count == 2


def test_a_units_to_do_marks_the_reports_still_to_send(cast: Any, scene: Any, reported: Any) -> None:
    todo = unit_todo(cast.liaison_b, cast.unit_b, scene.on)
    assert [(i.task_number, i.report_missing) for i in todo.items] == [("1", True), ("4", False), ("5", True)]
    assert todo.missing_reports == 2
    html = cast.client(cast.liaison_b).get(f"/dashboard/units/{cast.unit_b.pk}/").content.decode()
    assert html.count(">未报送</a>") == 2


def test_a_returned_report_does_not_count(cast: Any, scene: Any, reported: Any) -> None:
    reported.state = "returned"
    reported.save()
    assert unit_todo(cast.liaison_b, cast.unit_b, scene.on).missing_reports == 3
