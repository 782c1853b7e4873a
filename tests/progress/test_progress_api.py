"""The progress API: same rules as the pages (create, update, submit, evidence, review, missing)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from progress_samples import PDF, PNG

JSON = "application/json"


def test_a_liaison_creates_and_submits_a_report(cast: Any, a_lead: Any) -> None:
    c = cast.client(cast.liaison_a)
    response = c.post(
        "/api/progress-reports/",
        {"assignment": a_lead.pk, "status": "in_progress", "text": "推进中", "figures": {"0": 98.5}},
        content_type=JSON,
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["state"] == "draft" and body["consolidated"] and body["figures"] == {"0": 98.5}
    assert c.post(f"/api/progress-reports/{body['id']}/submit/").json()["state"] == "submitted"


def test_evidence_is_uploaded_and_checked(cast: Any, a_part: Any, report_of: Any) -> None:
    from fazhi.evidence.models import EvidenceFile

    report = report_of(a_part, cast.liaison_a, submit=False)
    c = cast.client(cast.liaison_a)
    ok = c.post(f"/api/progress-reports/{report.pk}/evidence/", {"files": [SimpleUploadedFile("a.pdf", PDF)]})
    assert ok.status_code == 201 and ok.json()["evidence"][0]["name"] == "a.pdf"
    bad = c.post(
        f"/api/progress-reports/{report.pk}/evidence/", {"files": [SimpleUploadedFile("b.pdf", PNG)]}
    )
    assert bad.status_code == 400 and "内容与扩展名不符" in bad.json()["detail"]
    assert EvidenceFile.objects.count() == 1


def test_bad_input_is_refused_with_chinese_messages(cast: Any, a_part: Any) -> None:
    from fazhi.progress.models import ProgressReport

    c = cast.client(cast.liaison_a)
    past = (dt.date.today() - dt.timedelta(days=3)).isoformat()
    response = c.post(
        "/api/progress-reports/",
        {"assignment": a_part.pk, "status": "delayed", "reason": "x", "proposed_date": past},
        content_type=JSON,
    )
    assert response.status_code == 400 and response.json()["proposed_date"] == ["预计完成日期不能早于今天"]
    response = c.post(
        "/api/progress-reports/",
        {"assignment": a_part.pk, "status": "done", "figures": {"9": 1}},
        content_type=JSON,
    )
    assert response.status_code == 400  # task 5 has no targets
    assert not ProgressReport.objects.exists()


def test_no_change_after_acceptance(cast: Any, a_part: Any, report_of: Any) -> None:
    from fazhi.progress.services import accept_report

    report = accept_report(report_of(a_part, cast.liaison_a), cast.office)
    c = cast.client(cast.liaison_a)
    response = c.patch(f"/api/progress-reports/{report.pk}/", {"text": "改"}, content_type=JSON)
    assert response.status_code == 409 and "已审核通过" in response.json()["detail"]
    assert c.post(f"/api/progress-reports/{report.pk}/submit/").status_code == 409
    report.refresh_from_db()
    assert report.text == "已召开专题会议"


def test_a_draft_is_updated(cast: Any, a_part: Any, report_of: Any) -> None:
    report = report_of(a_part, cast.liaison_a, submit=False)
    response = cast.client(cast.liaison_a).patch(
        f"/api/progress-reports/{report.pk}/", {"text": "新的进展", "submit": True}, content_type=JSON
    )
    assert response.status_code == 200 and response.json()["state"] == "submitted"
    assert response.json()["text"] == "新的进展"


def test_the_office_accepts_and_returns(cast: Any, a_part: Any, report_of: Any) -> None:
    c = cast.client(cast.office)
    done = report_of(a_part, cast.liaison_a, status="done")
    assert c.post(f"/api/progress-reports/{done.pk}/accept/").json()["state"] == "accepted"
    a_part.refresh_from_db()
    assert a_part.done_at is not None
    other = report_of(a_part, cast.liaison_a)
    assert c.post(f"/api/progress-reports/{other.pk}/return/", {}, content_type=JSON).status_code == 400
    response = c.post(f"/api/progress-reports/{other.pk}/return/", {"comment": "补充"}, content_type=JSON)
    assert response.json()["state"] == "returned" and response.json()["review_comment"] == "补充"


@pytest.mark.parametrize("who", ["leader", "liaison_a"])
def test_only_the_office_reviews_through_the_api(cast: Any, a_part: Any, report_of: Any, who: str) -> None:
    report = report_of(a_part, cast.liaison_a)
    c = cast.client(getattr(cast, who))
    assert c.post(f"/api/progress-reports/{report.pk}/accept/").status_code == 403
    assert c.post(f"/api/progress-reports/{report.pk}/return/", {"comment": "x"}).status_code == 403


@pytest.mark.parametrize("who", ["office", "leader"])
def test_other_roles_do_not_create_reports(cast: Any, a_part: Any, who: str) -> None:
    response = cast.client(getattr(cast, who)).post(
        "/api/progress-reports/", {"assignment": a_part.pk, "status": "done"}, content_type=JSON
    )
    assert response.status_code == 403


def test_the_list_is_scoped_and_bounded(
    cast: Any, a_part: Any, b_part: Any, report_of: Any, django_assert_max_num_queries: Any
) -> None:
    mine = [report_of(a_part, cast.liaison_a) for _ in range(3)]
    report_of(b_part, cast.liaison_b, submit=False)
    c = cast.client(cast.liaison_a)
    with django_assert_max_num_queries(16):
        listed = c.get("/api/progress-reports/").json()["results"]
    assert sorted(r["id"] for r in listed) == sorted(r.pk for r in mine)


def test_missing_reports_and_the_cycle(cast: Any, a_part: Any, dispatched_000: Any, report_of: Any) -> None:
    office = cast.client(cast.office)
    before = office.get(f"/api/progress-missing/?plan={dispatched_000.pk}").json()["count"]
    report_of(a_part, cast.liaison_a)
    after = office.get(f"/api/progress-missing/?plan={dispatched_000.pk}").json()["count"]
    assert after == before - 1
    mine = cast.client(cast.liaison_b).get("/api/progress-missing/").json()["results"]
    assert {m["unit"] for m in mine} == {cast.unit_b.pk}
    url = f"/api/progress-cycles/{dispatched_000.pk}/"
    assert office.get(url).json()["cycle"] == "monthly"
    assert cast.client(cast.leader).put(url, {"cycle": "quarterly"}, content_type=JSON).status_code == 403
    response = office.put(url, {"cycle": "quarterly"}, content_type=JSON)
    assert response.status_code == 200 and response.json()["cycle"] == "quarterly"
    assert response.json()["period"].endswith(("Q1", "Q2", "Q3", "Q4"))
