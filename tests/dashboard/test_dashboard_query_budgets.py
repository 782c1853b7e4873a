"""Dashboard views cost the same number of queries with 5 tasks as with 50 (no N+1)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

# Fixed budgets per page (auth and session included); the data size must not change the count.
# Measured on SQLite and PostgreSQL: office/leader 14, to-do 9, lists 7-8; the margin leaves room
# for the progress figures still to come.
BUDGETS = {
    "/dashboard/office/": 17,
    "/dashboard/leader/": 17,
    "/dashboard/units/{unit_a}/": 11,
    "/dashboard/tasks/?light=overdue": 9,
    "/dashboard/assignments/?unit={unit_a}": 10,
    "/api/dashboard/office/": 17,
    "/api/dashboard/leader/": 17,
    "/api/dashboard/units/{unit_a}/": 10,
}


def _grow(cast: Any, ledger: Any, on: dt.date, n: int) -> None:
    """n tasks in every state, each assigned to units A and B, plus as many units' worth of rows."""
    from fazhi.units.models import Unit

    others = list(
        Unit.objects.filter(jurisdiction=cast.district).exclude(pk__in=[cast.unit_a.pk, cast.unit_b.pk])
    )
    plan = ledger.plan(cast.district, f"计划{n}")
    for i in range(n):
        deadline = on + dt.timedelta(days=(i % 7) * 10 - 30) if i % 5 else None
        done = on - dt.timedelta(days=i % 3) if i % 4 == 0 else None
        units = [
            (cast.unit_a, "lead", done),
            (cast.unit_b, "responsible", None),
            (others[i % len(others)], "responsible", done),
        ]
        ledger.task(plan, category=f"{i % 6 + 1}、指标", deadline=deadline, done_on=done, units=units)


def _count(get: Callable[[], Any]) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = get()
    assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("path", list(BUDGETS))
def test_the_query_count_does_not_grow_with_the_ledger(
    cast: Any, ledger: Any, on: dt.date, path: str, django_assert_max_num_queries: Any
) -> None:
    url = path.format(unit_a=cast.unit_a.pk)
    users = {"office": cast.office, "leader": cast.leader, "liaison": cast.liaison_a}
    user = users["liaison"] if "/units/" in url else users["leader"] if "leader" in url else users["office"]
    c = cast.client(user)
    _grow(cast, ledger, on, 5)
    c.get(url)  # warm per-process caches (the holiday calendar) before counting
    small = _count(lambda: c.get(url))
    _grow(cast, ledger, on, 45)
    with django_assert_max_num_queries(BUDGETS[path]):
        large = _count(lambda: c.get(url))
    assert large == small, f"{url}: {small} queries with 5 tasks, {large} with 50"
