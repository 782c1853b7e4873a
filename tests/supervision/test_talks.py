"""The 约谈 list: units with N or more overdue items or unanswered 督办单, thresholds from settings."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from fazhi.supervision.models import Notice
from fazhi.supervision.talks import talk_list


@pytest.fixture
def late_a(cast: Any, dispatched_000: Any) -> list[Any]:
    from fazhi.ledger.models import Assignment

    Assignment.objects.filter(task__plan=dispatched_000).update(
        deadline=timezone.localdate() + dt.timedelta(days=60)
    )
    late = list(Assignment.objects.filter(task__plan=dispatched_000, unit=cast.unit_a).order_by("pk")[:3])
    Assignment.objects.filter(pk__in=[a.pk for a in late]).update(
        deadline=timezone.localdate() - dt.timedelta(days=3)
    )
    return list(Assignment.objects.filter(pk__in=[a.pk for a in late]).order_by("pk"))


def test_three_overdue_items_put_a_unit_on_the_list(cast: Any, late_a: list[Any], settings: Any) -> None:
    from fazhi.units.models import Unit

    settings.FAZHI_TALK_OVERDUE_THRESHOLD = 3
    rows = talk_list(Unit.objects.filter(jurisdiction=cast.district))
    assert [r.unit for r in rows] == [cast.unit_a]
    assert rows[0].overdue_assignments == 3 and rows[0].reasons == ["逾期事项3项"]
    settings.FAZHI_TALK_OVERDUE_THRESHOLD = 4
    assert talk_list(Unit.objects.filter(jurisdiction=cast.district)) == []


def test_unanswered_notices_past_their_reply_deadline_count(
    cast: Any, late_a: list[Any], settings: Any
) -> None:
    from fazhi.supervision.services import issue_notice
    from fazhi.units.models import Unit

    settings.FAZHI_TALK_OVERDUE_THRESHOLD = 99
    settings.FAZHI_TALK_UNANSWERED_THRESHOLD = 2
    for assignment in late_a[:2]:
        issue_notice(assignment=assignment, user=cast.office, requirement="x")
    assert talk_list(Unit.objects.filter(jurisdiction=cast.district)) == []  # not yet due
    Notice.objects.update(reply_deadline=timezone.localdate() - dt.timedelta(days=1))
    rows = talk_list(Unit.objects.filter(jurisdiction=cast.district))
    assert rows[0].unit == cast.unit_a and rows[0].reasons == ["督办单逾期未回复2件"]


def test_the_page_is_for_office_and_leader(
    cast: Any, late_a: list[Any], django_assert_max_num_queries: Any
) -> None:
    for user in (cast.office, cast.leader):
        client = cast.client(user)
        with django_assert_max_num_queries(12):
            response = client.get(reverse("talk-list"))
        assert response.status_code == 200 and "天桥区司法局" in response.content.decode()
        assert client.get("/api/talks/").json()[0]["unit_name"] == "天桥区司法局"
    for user in (cast.liaison_a, cast.liaison_b):
        assert cast.client(user).get(reverse("talk-list")).status_code == 403
        assert cast.client(user).get("/api/talks/").status_code == 403
