"""Every annual-report route refuses whoever is outside its scope: liaisons and inspectors are
refused outright, an office of another district finds nothing; anonymous visitors log in.

The platform's route guard (tests/platform/test_access.py) covers its own apps; this module
keeps the equivalent check for the routes of fazhi.annual_reports.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from fazhi.annual_reports import urls as report_urls


@pytest.fixture
def objs(cast: Any, year_2024: Any) -> dict[str, Any]:
    from fazhi.annual_reports.services import create_report, import_past_report

    report = create_report(cast.district, 2024, "government", cast.office)
    past = import_past_report(
        jurisdiction=cast.district,
        filename="2023.txt",
        data="一、主要举措和成效\n办理10件。".encode(),
        user=cast.office,
        year=2023,
    )
    return {"report": report.pk, "past": past.pk, "plan": year_2024.pk, "unit_a": cast.unit_a.pk}


def _routes(o: dict[str, Any]) -> list[tuple[str, str, list[Any]]]:
    """(method, route name, args) of every annual-report page."""
    r = o["report"]
    return [
        ("get", "report-list", []),
        ("post", "report-create", []),
        ("get", "report-detail", [r]),
        ("get", "report-edit", [r]),
        ("post", "report-edit", [r]),
        ("get", "report-generate", [r]),
        ("post", "report-generate", [r]),
        ("post", "report-status", [r]),
        ("get", "report-versions", [r]),
        ("get", "report-version", [r, 1]),
        ("get", "report-docx", [r]),
        ("get", "report-figure", [r, "tasks_total"]),
        ("get", "past-report-upload", []),
        ("post", "past-report-upload", []),
        ("get", "past-report-detail", [o["past"]]),
        ("get", "ledger-export-unit", [o["unit_a"]]),
    ]


# Scoped like the ledger page (a liaison exports the rows they see, see test_ledger_export);
# other districts' plans are checked by id below.
SCOPED_EXPORTS = {"ledger-export-plan"}


def test_every_annual_report_route_has_an_outsider_check(objs: dict[str, Any]) -> None:
    names = {p.name for p in report_urls.urlpatterns}
    assert names == {name for _, name, _ in _routes(objs)} | SCOPED_EXPORTS


@pytest.mark.parametrize("who", ["liaison_a", "liaison_b", "inspector"])
def test_liaisons_and_inspectors_are_refused_on_every_report_page(
    cast: Any, objs: dict[str, Any], new_user: Any, who: str
) -> None:
    from fazhi.accounts.models import Role
    from fazhi.annual_reports.models import AnnualReport

    user = new_user("insp", Role.INSPECTOR, cast.district) if who == "inspector" else getattr(cast, who)
    c = cast.client(user)
    for method, name, args in _routes(objs):
        if name == "ledger-export-unit" and who != "liaison_b":
            continue  # unit A's ledger: liaison A's own, and inspectors read every ledger
        data = {"to": "ready", "title": "x", "year": 2023, "kind": "government"}
        response = getattr(c, method)(reverse(name, args=args), data)
        assert response.status_code in (403, 404), (who, method, name, response.status_code)
    assert AnnualReport.objects.get().status == "draft" and AnnualReport.objects.get().versions.count() == 1


def test_an_office_of_another_district_finds_nothing(cast: Any, objs: dict[str, Any], new_user: Any) -> None:
    from fazhi.accounts.models import Role
    from fazhi.units.models import Jurisdiction

    other = cast.client(new_user("hq", Role.OFFICE, Jurisdiction.objects.get(name="红桥区")))
    for method, name, args in _routes(objs):
        if not args:
            continue
        response = getattr(other, method)(reverse(name, args=args), {"to": "ready"})
        assert response.status_code == 404, (method, name)
    assert other.get(reverse("ledger-export-plan", args=[objs["plan"]])).status_code == 404
    listing = other.get(reverse("report-list"))
    assert listing.context["rows"] == [] and list(listing.context["past_reports"]) == []


def test_anonymous_visitors_are_sent_to_login(client: Any, objs: dict[str, Any]) -> None:
    for method, name, args in [*_routes(objs), ("get", "ledger-export-plan", [objs["plan"]])]:
        response = getattr(client, method)(reverse(name, args=args))
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], name
