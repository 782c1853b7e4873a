"""督察 and 整改: findings become rectification items; closing (销号) needs evidence and the
office's confirmation; refusals carry a Chinese message and store nothing."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone
from sv_samples import PDF, upload

from fazhi.supervision.models import Finding, Inspection, RectificationItem


def test_the_office_creates_an_inspection_and_records_findings(cast: Any) -> None:
    c = cast.client(cast.office)
    response = c.post(
        reverse("inspection-create"),
        {"name": "2024年第三季度督察", "date": "2024-09-10", "units": [cast.unit_a.pk, cast.unit_b.pk]},
    )
    inspection = Inspection.objects.get()
    assert response.status_code == 302 and set(inspection.units.all()) == {cast.unit_a, cast.unit_b}
    deadline = (timezone.localdate() + dt.timedelta(days=30)).isoformat()
    response = c.post(
        reverse("finding-create", args=[inspection.pk]),
        {"unit": cast.unit_a.pk, "text": "执法公示不及时", "deadline": deadline},
    )
    assert response.status_code == 302
    item = RectificationItem.objects.get()
    assert item.unit == cast.unit_a and item.state == "open" and item.finding.text == "执法公示不及时"
    page = c.get(reverse("inspection-detail", args=[inspection.pk])).content.decode()
    assert "执法公示不及时" in page and reverse("rectification-detail", args=[item.pk]) in page


def test_an_inspector_records_findings_but_a_leader_does_not(
    cast: Any, inspection: Any, new_user: Any
) -> None:
    from fazhi.accounts.models import Role

    inspector = new_user("inspector1", Role.INSPECTOR, cast.district)
    deadline = (timezone.localdate() + dt.timedelta(days=30)).isoformat()
    data = {"unit": cast.unit_b.pk, "text": "台账不完整", "deadline": deadline}
    assert (
        cast.client(inspector).post(reverse("finding-create", args=[inspection.pk]), data).status_code == 302
    )
    assert (
        cast.client(cast.leader).post(reverse("finding-create", args=[inspection.pk]), data).status_code
        == 403
    )
    assert (
        cast.client(cast.liaison_a).post(reverse("finding-create", args=[inspection.pk]), data).status_code
        == 403
    )
    assert Finding.objects.count() == 1


def test_a_finding_with_a_past_deadline_or_an_uninspected_unit_is_refused(cast: Any, inspection: Any) -> None:
    from fazhi.units.models import Unit

    c = cast.client(cast.office)
    past = (timezone.localdate() - dt.timedelta(days=1)).isoformat()
    response = c.post(
        reverse("finding-create", args=[inspection.pk]),
        {"unit": cast.unit_a.pk, "text": "x", "deadline": past},
    )
    assert response.status_code == 400 and "早于今天" in response.content.decode()
    other = (
        Unit.objects.filter(jurisdiction=cast.district)
        .exclude(pk__in=[cast.unit_a.pk, cast.unit_b.pk])
        .first()
    )
    future = (timezone.localdate() + dt.timedelta(days=5)).isoformat()
    response = c.post(
        reverse("finding-create", args=[inspection.pk]), {"unit": other.pk, "text": "x", "deadline": future}
    )
    assert response.status_code == 400 and "督察范围内的单位" in response.content.decode()
    assert not Finding.objects.exists() and not RectificationItem.objects.exists()


def test_the_unit_submits_with_evidence_and_the_office_closes(cast: Any, item_a: Any) -> None:
    a = cast.client(cast.liaison_a)
    response = a.post(
        reverse("rectification-submit", args=[item_a.pk]),
        {"text": "已更新公示平台", "files": [upload("截图.pdf")]},
    )
    assert response.status_code == 302
    item_a.refresh_from_db()
    assert item_a.state == "submitted" and item_a.submitted_by == cast.liaison_a
    again = a.post(
        reverse("rectification-submit", args=[item_a.pk]), {"text": "再交", "files": [upload("b.pdf")]}
    )
    assert again.status_code == 400 and "等待依法治办确认销号" in again.content.decode()
    assert a.post(reverse("rectification-close", args=[item_a.pk])).status_code == 403
    o = cast.client(cast.office)
    assert (
        o.post(reverse("rectification-close", args=[item_a.pk]), {"comment": "核实无误"}).status_code == 302
    )
    item_a.refresh_from_db()
    assert item_a.state == "closed" and item_a.closed_by == cast.office and item_a.closed_at is not None
    refused = a.post(
        reverse("rectification-submit", args=[item_a.pk]), {"text": "x", "files": [upload("c.pdf")]}
    )
    assert refused.status_code == 400 and "已销号" in refused.content.decode()


def test_the_office_returns_a_submission_with_a_comment(cast: Any, item_a: Any) -> None:
    from fazhi.supervision.services import submit_rectification

    submit_rectification(item=item_a, user=cast.liaison_a, text="已整改", files=[upload("a.pdf")])
    o = cast.client(cast.office)
    response = o.post(reverse("rectification-return", args=[item_a.pk]), {"comment": ""})
    assert response.status_code == 400 and "请填写审核意见" in response.content.decode()
    assert (
        o.post(reverse("rectification-return", args=[item_a.pk]), {"comment": "材料不全"}).status_code == 302
    )
    item_a.refresh_from_db()
    assert item_a.state == "open" and item_a.office_comment == "材料不全"


def test_closing_needs_a_submission(cast: Any, item_a: Any) -> None:
    response = cast.client(cast.office).post(reverse("rectification-close", args=[item_a.pk]))
    assert response.status_code == 400 and "尚未提交整改情况，不能销号" in response.content.decode()
    item_a.refresh_from_db()
    assert item_a.state == "open"


def test_bad_evidence_or_someone_elses_item_is_refused(cast: Any, item_a: Any) -> None:
    a = cast.client(cast.liaison_a)
    response = a.post(
        reverse("rectification-submit", args=[item_a.pk]),
        {"text": "见附件", "files": [upload("说明.docx", PDF)]},
    )
    assert response.status_code == 400 and "内容与扩展名不符" in response.content.decode()
    b = cast.client(cast.liaison_b)
    data = {"text": "x", "files": [upload("a.pdf")]}
    assert b.post(reverse("rectification-submit", args=[item_a.pk]), data).status_code == 404
    assert b.get(reverse("rectification-detail", args=[item_a.pk])).status_code == 404
    assert b.post(f"/api/rectifications/{item_a.pk}/submit/", data).status_code == 404
    item_a.refresh_from_db()
    assert item_a.state == "open" and item_a.submission == ""


@pytest.mark.parametrize("who", ["liaison_a", "liaison_b"])
def test_liaisons_do_not_see_inspections(cast: Any, inspection: Any, who: str) -> None:
    c = cast.client(getattr(cast, who))
    assert c.get(reverse("inspection-list")).status_code == 403
    assert c.get(reverse("inspection-detail", args=[inspection.pk])).status_code == 403
    assert c.get("/api/inspections/").json()["results"] == []


def test_open_items_count_in_the_units_status(cast: Any, item_a: Any) -> None:
    from fazhi.ledger.status import Light, unit_summaries
    from fazhi.units.models import Unit

    RectificationItem.objects.filter(pk=item_a.pk).update(
        deadline=timezone.localdate() - dt.timedelta(days=1)
    )
    summary = unit_summaries(Unit.objects.filter(pk=cast.unit_a.pk))[cast.unit_a.pk]
    assert summary.open_rectifications == 1 and summary.overdue_rectifications == 1
    assert summary.light == Light.OVERDUE


def test_the_api_lists_and_acts_on_items(cast: Any, item_a: Any) -> None:
    a = cast.client(cast.liaison_a)
    rows = a.get("/api/rectifications/").json()["results"]
    assert [r["id"] for r in rows] == [item_a.pk] and rows[0]["light"] in ("on_track", "due_soon")
    assert (
        a.post(
            f"/api/rectifications/{item_a.pk}/submit/", {"text": "已改", "files": [upload("a.pdf")]}
        ).status_code
        == 200
    )
    o = cast.client(cast.office)
    assert o.post(f"/api/rectifications/{item_a.pk}/close/").json()["state"] == "closed"
    assert cast.client(cast.liaison_b).get("/api/rectifications/").json()["results"] == []
