"""Each figure links to the records it counts: open every link and count what it lists."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import pytest

from fazhi.dashboard.figures import COUNT_FIELDS, office_figures, unit_todo


def _listed(client: Any, url: str) -> int:
    response = client.get(url)
    assert response.status_code == 200, url
    path = urlsplit(url).path
    if path.startswith("/plans/"):  # the plan ledger
        return len(response.context["tasks"])
    return response.context["page"].paginator.count


def _pairs(f: Any) -> list[tuple[str, int, str]]:
    """(what, count, url) of every count on the office dashboard."""
    pairs = []
    groups = [("totals", f.totals, f.totals_links), ("unit totals", f.unit_totals, f.unit_totals_links)]
    groups += [(f"plan {p.title}", p.counts, p.links) for p in f.plans]
    groups += [(f"category {c.label}", c.counts, c.links) for c in f.categories]
    groups += [(f"unit {u.name}", u.counts, u.links) for u in f.units]
    for what, counts, links in groups:
        pairs += [(f"{what}: {name}", getattr(counts, name), getattr(links, name)) for name in COUNT_FIELDS]
    pairs += [(f"light {s.light}", s.count, s.url) for s in f.lights]
    pairs.append(("overdue list", f.overdue_total, f.overdue_url))
    return pairs


@pytest.mark.parametrize("plan", ["all", "one"])
def test_every_office_figure_opens_exactly_the_records_it_counts(cast: Any, scene: Any, plan: str) -> None:
    f = office_figures(cast.office, scene.on, plan_id=scene.plan.pk if plan == "one" else None)
    c = cast.client(cast.office)
    for what, count, url in _pairs(f):
        assert _listed(c, url) == count, (what, url)


def test_plan_and_category_figures_open_the_plan_ledger_with_its_filters(cast: Any, scene: Any) -> None:
    f = office_figures(cast.office, scene.on)
    plan = next(p for p in f.plans if p.plan_id == scene.plan.pk)
    assert plan.links.overdue == f"/plans/{scene.plan.pk}/?status=overdue"
    jia = next(c for c in f.categories if c.plan_id == scene.plan.pk and c.category == "一、甲")
    assert jia.links.overdue.startswith(f"/plans/{scene.plan.pk}/?category=")
    # What the ledger cannot filter (on time, a unit, no category) opens the dashboard's lists.
    assert plan.links.done_on_time.startswith("/dashboard/tasks/?")
    assert f.units[0].links.overdue == f"/dashboard/assignments/?unit={f.units[0].unit_id}&light=overdue"


def test_a_units_to_do_counts_open_what_they_count(cast: Any, scene: Any) -> None:
    todo = unit_todo(cast.liaison_a, cast.unit_a, scene.on)
    c = cast.client(cast.liaison_a)
    for name in COUNT_FIELDS:
        assert _listed(c, getattr(todo.links, name)) == getattr(todo.counts, name), name
