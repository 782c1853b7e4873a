"""A provisional ranking of units for the leader dashboard.

This is not the assessment (考核评价): the configurable scoring scheme (completion, timeliness,
targets met, inspection findings) comes later and will replace `score`. Until then units are
ranked by a simple, documented score from their assignment counts (see `fazhi.dashboard.figures`):

    score = w_completion × 完成率 + w_on_time × 按时完成率 − w_overdue × 逾期项数, floored at 0

with rates in percent, so with the default weights (0.5, 0.5, 2) a unit that finished everything on
time scores 100 and every overdue assignment costs 2 points. A unit with nothing due yet (no
on-time rate) is treated as on time. Units with no assignments are not ranked. Equal scores share
a rank (1, 1, 3); ties are listed by fewer overdue, then by name.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class RankingWeights:
    completion: float = 0.5
    on_time: float = 0.5
    overdue: float = 2.0


@dataclass(frozen=True)
class RankedUnit:
    rank: int
    unit_id: int
    name: str
    score: float
    total: int
    done: int
    overdue: int
    completion_rate: float | None
    on_time_rate: float | None
    url: str  # the unit's assignments


def score(
    completion_rate: float | None, on_time_rate: float | None, overdue: int, weights: RankingWeights
) -> float:
    value = (
        weights.completion * (completion_rate or 0.0)
        + weights.on_time * (100.0 if on_time_rate is None else on_time_rate)
        - weights.overdue * overdue
    )
    return round(max(value, 0.0), 2)


def rank_units(units: Iterable[Any], weights: RankingWeights | None = None) -> list[RankedUnit]:
    """Rank `figures.UnitFigure`s (anything with unit_id, name, counts, links) by `score`."""
    weights = weights or RankingWeights()
    scored = [
        (score(u.counts.completion_rate, u.counts.on_time_rate, u.counts.overdue, weights), u)
        for u in units
        if u.counts.total
    ]
    scored.sort(key=lambda pair: (-pair[0], pair[1].counts.overdue, pair[1].name))
    ranked: list[RankedUnit] = []
    for position, (value, u) in enumerate(scored, start=1):
        rank = ranked[-1].rank if ranked and ranked[-1].score == value else position
        ranked.append(
            RankedUnit(
                rank=rank,
                unit_id=u.unit_id,
                name=u.name,
                score=value,
                total=u.counts.total,
                done=u.counts.done,
                overdue=u.counts.overdue,
                completion_rate=u.counts.completion_rate,
                on_time_rate=u.counts.on_time_rate,
                url=u.links.total,
            )
        )
    return ranked
