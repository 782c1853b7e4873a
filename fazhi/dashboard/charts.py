"""Chart data for static/js/dashboard.js, built from the figures (no queries here).

Each data point carries the URL of the records it counts, so a click on a bar or slice opens
them; colours come from `fazhi.ledger.status.COLOURS`, the one colour table.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from fazhi.dashboard.figures import LIGHT_ORDER, CountLinks, Counts, LeaderFigures, LightSlice, OfficeFigures
from fazhi.ledger.status import COLOURS, Light


def pie(slices: Iterable[LightSlice]) -> dict[str, Any]:
    return {
        "type": "pie",
        "items": [
            {"name": s.label, "value": s.count, "url": s.url, "itemStyle": {"color": s.colour}}
            for s in slices
            if s.count
        ],
    }


def stacked(
    rows: list[Any],
    label: Callable[[Any], str],
    counts: Callable[[Any], Counts],
    links: Callable[[Any], CountLinks],
    title: Callable[[Any], str] | None = None,
) -> dict[str, Any]:
    """Horizontal bars, one per row, stacked by light (lights nobody has are left out)."""
    series = []
    for light in LIGHT_ORDER:
        values = [counts(row).by_light(light) for row in rows]
        if not any(values):
            continue
        series.append(
            {
                "name": Light(light).label,
                "color": COLOURS[Light(light)],
                "data": [
                    {"value": v, "url": links(row).by_light(light)}
                    for v, row in zip(values, rows, strict=True)
                ],
            }
        )
    return {
        "type": "stacked",
        "labels": [label(row) for row in rows],
        "titles": [(title or label)(row) for row in rows],
        "series": series,
    }


def rates(rows: list[Any], label: Callable[[Any], str], title: Callable[[Any], str]) -> dict[str, Any]:
    """Completion and on-time rate per row (percent), each bar linking to what it counts."""
    return {
        "type": "rates",
        "labels": [label(row) for row in rows],
        "titles": [title(row) for row in rows],
        "series": [
            {
                "name": "完成率",
                "color": COLOURS[Light.DONE],
                "data": [{"value": row.counts.completion_rate, "url": row.links.done} for row in rows],
            },
            {
                "name": "按时完成率",
                "color": COLOURS[Light.ON_TRACK],
                "data": [{"value": row.counts.on_time_rate, "url": row.links.done_on_time} for row in rows],
            },
        ],
    }


def _short(text: str, n: int = 14) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def office_charts(f: OfficeFigures) -> dict[str, Any]:
    return {
        "lights": pie(f.lights),
        "plans": rates(f.plans, lambda p: _short(p.title), lambda p: p.title),
        "categories": stacked(
            f.categories,
            lambda c: _short(c.label),
            lambda c: c.counts,
            lambda c: c.links,
            lambda c: f"{c.plan_title} · {c.label}",
        ),
        "units": stacked(
            f.units, lambda u: _short(u.label, 10), lambda u: u.counts, lambda u: u.links, lambda u: u.name
        ),
    }


def leader_charts(f: LeaderFigures) -> dict[str, Any]:
    charts = office_charts(f.office)
    top = f.ranking[:15]
    charts["ranking"] = {
        "type": "ranking",
        "labels": [f"{r.rank}. {_short(r.name, 10)}" for r in top],
        "titles": [r.name for r in top],
        "series": [
            {
                "name": "得分",
                "color": COLOURS[Light.DONE],
                "data": [{"value": r.score, "url": r.url} for r in top],
            }
        ],
    }
    return charts
