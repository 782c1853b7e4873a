"""A plan's reporting cycle (set by the office) and its missing reports."""

from __future__ import annotations

from typing import Any

from django.urls import reverse


def test_the_office_sets_the_cycle(cast: Any, dispatched_000: Any) -> None:
    from fazhi.progress.models import ReportingCycle

    url = reverse("progress-plan", args=[dispatched_000.pk])
    response = cast.client(cast.office).post(url, {"cycle": "quarterly"})
    assert response.status_code == 302
    setting = ReportingCycle.objects.get(plan=dispatched_000)
    assert setting.cycle == "quarterly" and setting.updated_by == cast.office
    assert cast.client(cast.office).post(url, {"cycle": "weekly"}).status_code == 200  # form error
    assert ReportingCycle.objects.get(plan=dispatched_000).cycle == "quarterly"


def test_it_lists_the_missing_reports_in_bounded_queries(
    cast: Any, dispatched_000: Any, a_part: Any, report_of: Any, django_assert_max_num_queries: Any
) -> None:
    report_of(a_part, cast.liaison_a)
    c = cast.client(cast.leader)
    with django_assert_max_num_queries(10):
        response = c.get(reverse("progress-plan", args=[dispatched_000.pk]))
    missing = list(response.context["missing"])
    assert a_part not in missing and len(missing) == response.context["total"] - 1
    assert "本期未报送" in response.content.decode()


def test_only_the_office_writes_and_liaisons_are_refused(cast: Any, dispatched_000: Any) -> None:
    from fazhi.progress.models import ReportingCycle

    url = reverse("progress-plan", args=[dispatched_000.pk])
    assert cast.client(cast.leader).post(url, {"cycle": "quarterly"}).status_code == 403
    for who in ("liaison_a", "liaison_b"):
        c = cast.client(getattr(cast, who))
        assert c.get(url).status_code == 403
        assert c.post(url, {"cycle": "quarterly"}).status_code == 403
    assert not ReportingCycle.objects.exists()
