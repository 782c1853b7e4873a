"""Open 督办单 and 整改 on the dashboards and in a unit's to-do list."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from fazhi.dashboard.figures import office_figures, unit_todo


def _page(name: str) -> str:
    """The supervision list page's URL, or "" while the supervision app has no such page."""
    from django.urls import NoReverseMatch, reverse

    try:
        return reverse(name)
    except NoReverseMatch:
        return ""


@pytest.fixture
def supervision(cast: Any, scene: Any) -> dict[str, Any]:
    """督办单: two to unit B (one past its reply deadline), one to A already replied, one to A
    closed. 整改: A open and late, A submitted, B open, B closed."""
    from fazhi.ledger.models import Assignment
    from fazhi.supervision.models import Finding, Inspection, Notice, RectificationItem

    on, d = scene.on, dt.timedelta
    b1 = Assignment.objects.get(task=scene.tasks[0], unit=cast.unit_b)
    a3 = Assignment.objects.get(task=scene.tasks[2], unit=cast.unit_a)
    notices = []
    for number, (assignment, state, reply) in enumerate(
        [
            (b1, "open", on - d(2)),
            (b1, "open", on + d(3)),
            (a3, "replied", on - d(1)),
            (a3, "closed", on - d(9)),
        ],
        start=1,
    ):
        notices.append(
            Notice.objects.create(
                jurisdiction=cast.district,
                year=on.year,
                number=number,
                assignment=assignment,
                unit=assignment.unit,
                requirement="请于期限内报告",
                reply_deadline=reply,
                state=state,
            )
        )
    inspection = Inspection.objects.create(
        jurisdiction=cast.district, plan=scene.plan, name="第一次督察", date=on
    )
    rects = []
    for unit, state, deadline in [
        (cast.unit_a, "open", on - d(1)),
        (cast.unit_a, "submitted", on - d(1)),
        (cast.unit_b, "open", on + d(10)),
        (cast.unit_b, "closed", on - d(20)),
    ]:
        finding = Finding.objects.create(inspection=inspection, unit=unit, text=f"{unit.name}执法案卷不规范")
        rects.append(
            RectificationItem.objects.create(finding=finding, unit=unit, deadline=deadline, state=state)
        )
    return {"notices": notices, "rects": rects}


def test_the_office_sees_open_notices_and_rectifications(cast: Any, scene: Any, supervision: Any) -> None:
    s = office_figures(cast.office, scene.on).supervision
    assert s.available
    assert (s.notices_awaiting_reply, s.notices_reply_late, s.notices_awaiting_close) == (2, 1, 1)
    assert (s.rectifications_open, s.rectifications_late, s.rectifications_submitted) == (2, 1, 1)
    assert (s.open_notices, s.open_rectifications) == (3, 3)
    assert (s.notices_url, s.rectifications_url) == (_page("notice-list"), _page("rectification-list"))
    # The items to chase: notices awaiting a reply and open rectifications, earliest deadline first.
    assert [(i.kind, i.unit_id, i.days_left) for i in s.items] == [
        ("notice", cast.unit_b.pk, -2),
        ("rectification", cast.unit_a.pk, -1),
        ("notice", cast.unit_b.pk, 3),
        ("rectification", cast.unit_b.pk, 10),
    ]
    assert s.items[0].label.endswith(f"〔{scene.on.year}〕1号")


def test_a_units_to_do_lists_only_its_own_open_items(cast: Any, scene: Any, supervision: Any) -> None:
    todo = unit_todo(cast.liaison_b, cast.unit_b, scene.on)
    assert [(i.kind, i.days_left) for i in todo.supervision.items] == [
        ("notice", -2),
        ("notice", 3),
        ("rectification", 10),
    ]
    todo = unit_todo(cast.liaison_a, cast.unit_a, scene.on)
    assert [(i.kind, i.state) for i in todo.supervision.items] == [("rectification", "open")]


def test_the_pages_show_them(cast: Any, scene: Any, supervision: Any) -> None:
    html = cast.client(cast.office).get("/dashboard/office/").content.decode()
    assert "未办结督办单" in html and "1 件超期未回复" in html and "未销号整改" in html
    html = cast.client(cast.liaison_b).get(f"/dashboard/units/{cast.unit_b.pk}/").content.decode()
    assert "督办单与整改" in html and "逾期 2 天" in html
    assert "天桥区司法局执法案卷不规范" not in html


def test_another_district_sees_none_of_them(cast: Any, scene: Any, supervision: Any, new_user: Any) -> None:
    from fazhi.accounts.models import Role

    s = office_figures(new_user("hq", Role.OFFICE, scene.other.jurisdiction), scene.on).supervision
    assert (s.open_notices, s.open_rectifications, s.items) == (0, 0, [])
