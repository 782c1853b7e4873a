"""The read-only annual-report API: same scope as the pages."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture
def report(cast: Any, year_2024: Any) -> Any:
    from fazhi.annual_reports.services import create_report

    return create_report(cast.district, 2024, "government", cast.office)


def test_office_and_leader_read_reports_with_their_figures(
    cast: Any, report: Any, django_assert_max_num_queries: Any
) -> None:
    for who in (cast.office, cast.leader):
        c = cast.client(who)
        with django_assert_max_num_queries(10):
            data = c.get("/api/annual-reports/").json()
        assert [r["id"] for r in data["results"]] == [report.pk]
        one = c.get(f"/api/annual-reports/{report.pk}/").json()
        assert one["version"] == 1 and one["deadline"] == "2025-03-31"
        figures = {f["key"]: f for f in one["figures"]}
        assert figures["tasks_total"]["value"] == 18 and figures["completion_rate"]["text"] == "33.33%"
        assert "共部署法治政府建设任务18项" in one["sections"]["measures"]


def test_liaisons_are_refused_and_other_districts_find_nothing(cast: Any, report: Any, new_user: Any) -> None:
    from fazhi.accounts.models import Role
    from fazhi.units.models import Jurisdiction

    for liaison in (cast.liaison_a, cast.liaison_b):
        c = cast.client(liaison)
        assert c.get("/api/annual-reports/").status_code == 403
        assert c.get(f"/api/annual-reports/{report.pk}/").status_code == 403
    other = cast.client(new_user("hq", Role.OFFICE, Jurisdiction.objects.get(name="红桥区")))
    assert other.get("/api/annual-reports/").json()["results"] == []
    assert other.get(f"/api/annual-reports/{report.pk}/").status_code == 404
    assert cast.client(cast.office).post("/api/annual-reports/", {}).status_code == 405
