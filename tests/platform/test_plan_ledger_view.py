"""The plan ledger: filters by category, unit, status and search; bounded queries."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.urls import reverse


def _numbers(response: Any) -> list[str]:
    return [t.number for t in response.context["tasks"]]


def test_the_ledger_lists_every_task_in_order(cast: Any, plan_000: Any) -> None:
    response = cast.client(cast.office).get(reverse("plan-ledger", args=[plan_000.pk]))
    assert response.status_code == 200
    assert _numbers(response) == [str(n) for n in range(1, 19)]
    assert "待下发" in response.content.decode()


def test_it_filters_by_category(cast: Any, plan_000: Any) -> None:
    url = reverse("plan-ledger", args=[plan_000.pk])
    response = cast.client(cast.office).get(url, {"category": "(一)深入学习贯彻习近平法治思想"})
    assert _numbers(response) == ["1", "2"]


def test_it_filters_by_unit_named_directly_or_through_a_group(cast: Any, plan_000: Any) -> None:
    from fazhi.units.models import Unit

    url = reverse("plan-ledger", args=[plan_000.pk])
    c = cast.client(cast.office)
    direct = _numbers(c.get(url, {"unit": Unit.objects.get(name="天桥区委党校").pk}))
    assert "1" in direct
    street = Unit.objects.get(name="天桥区北园街道办事处")
    via_group = _numbers(c.get(url, {"unit": street.pk}))
    assert "2" in via_group and "1" not in via_group


def test_it_searches_the_text(cast: Any, plan_000: Any) -> None:
    response = cast.client(cast.office).get(reverse("plan-ledger", args=[plan_000.pk]), {"q": "述法"})
    assert _numbers(response) == ["4"]


def test_it_filters_by_traffic_light(cast: Any, dispatched_000: Any) -> None:
    from fazhi.ledger.models import Task

    Task.objects.filter(plan=dispatched_000).update(deadline=dt.date(2099, 12, 31))
    Task.objects.filter(plan=dispatched_000, position=1).update(deadline=dt.date(2000, 1, 31))
    Task.objects.filter(plan=dispatched_000, position=2).update(
        deadline=dt.date.today() + dt.timedelta(days=3)
    )
    Task.objects.filter(plan=dispatched_000, position=3).update(
        done_at=dt.datetime(2024, 5, 1, tzinfo=dt.UTC)
    )
    url = reverse("plan-ledger", args=[dispatched_000.pk])
    c = cast.client(cast.leader)
    assert _numbers(c.get(url, {"status": "overdue"})) == ["1"]
    assert _numbers(c.get(url, {"status": "due_soon"})) == ["2"]
    assert _numbers(c.get(url, {"status": "done"})) == ["3"]
    assert len(_numbers(c.get(url, {"status": "on_track"}))) == 15
    assert "已逾期" in c.get(url, {"status": "overdue"}).content.decode()


def test_a_liaison_sees_only_their_units_rows(cast: Any, dispatched_000: Any) -> None:
    from fazhi.ledger.models import Assignment

    response = cast.client(cast.liaison_a).get(reverse("plan-ledger", args=[dispatched_000.pk]))
    mine = set(Assignment.objects.filter(unit=cast.unit_a).values_list("task__number", flat=True))
    assert set(_numbers(response)) == mine and len(mine) < 18


def test_the_ledger_query_count_is_bounded(
    cast: Any,
    dispatched_000: Any,
    django_assert_max_num_queries: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    from platform_seeds import SEED_003, import_seed

    from fazhi.plans.services import confirm_import
    from fazhi.units.models import Jurisdiction

    c = cast.client(cast.office)
    with django_assert_max_num_queries(15):
        assert c.get(reverse("plan-ledger", args=[dispatched_000.pk])).status_code == 200
    # A plan five times the size costs the same number of queries.
    hongqiao = Jurisdiction.objects.get(name="红桥区")
    job = import_seed(SEED_003, cast.office, hongqiao, django_capture_on_commit_callbacks)
    big = confirm_import(job, cast.office)
    with django_assert_max_num_queries(15):
        response = c.get(reverse("plan-ledger", args=[big.pk]), {"q": ""})
    assert response.status_code == 404  # 红桥区 is outside the clerk's 天桥区
    from django.contrib.auth import get_user_model

    admin = get_user_model().objects.create_superuser("root")
    c = cast.client(admin)
    with django_assert_max_num_queries(15):
        response = c.get(reverse("plan-ledger", args=[big.pk]))
    assert len(response.context["tasks"]) == 94
