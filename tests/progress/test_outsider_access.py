"""Liaison B (the outsider) is refused on every progress page pointed at unit A's objects, by URL
and by id, GET and POST; every named route of fazhi.progress.urls is in the table."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from progress_samples import PDF

# Pages liaison B may open, each scoped to B's own objects (checked in their own test files).
OPEN_TO_ALL = {"progress-mine"}


@pytest.fixture
def objects(cast: Any, a_part: Any, report_of: Any) -> dict[str, Any]:
    from fazhi.evidence.services import evidence_of
    from fazhi.progress.services import add_evidence

    draft = report_of(a_part, cast.liaison_a, submit=False)
    add_evidence(draft, cast.liaison_a, [SimpleUploadedFile("纪要.pdf", PDF)])
    submitted = report_of(a_part, cast.liaison_a)
    return {
        "a": a_part,
        "draft": draft,
        "submitted": submitted,
        "evidence": evidence_of(draft).get(),
        "plan": a_part.task.plan_id,
    }


def _routes(o: dict[str, Any]) -> list[tuple[str, list[Any]]]:
    a, draft, submitted = o["a"], o["draft"], o["submitted"]
    return [
        ("progress-review", []),
        ("progress-plan", [o["plan"]]),
        ("progress-task", [a.task_id]),
        ("progress-assignment", [a.task_id, a.unit_id]),
        ("progress-report-new", [a.task_id, a.unit_id]),
        ("progress-report", [draft.pk]),
        ("progress-report", [submitted.pk]),
        ("progress-report-edit", [draft.pk]),
        ("progress-report-submit", [draft.pk]),
        ("progress-evidence-add", [draft.pk]),
        ("progress-evidence-remove", [draft.pk, o["evidence"].pk]),
        ("progress-report-review", [submitted.pk]),
        ("evidence-download", [o["evidence"].pk]),
    ]


def test_liaison_b_is_refused_on_every_progress_page_of_unit_a(cast: Any, objects: dict[str, Any]) -> None:
    from fazhi.evidence.models import EvidenceFile
    from fazhi.progress.models import ProgressReport

    b = cast.client(cast.liaison_b)
    payload = {"status": "done", "text": "x", "action": "accept", "cycle": "quarterly", "comment": "x"}
    for name, args in _routes(objects):
        for method in ("get", "post"):
            response = getattr(b, method)(reverse(name, args=args), payload)
            assert response.status_code in (403, 404), (method, name)
    assert ProgressReport.objects.count() == 2 and EvidenceFile.objects.count() == 1
    objects["draft"].refresh_from_db()
    assert objects["draft"].state == "draft" and objects["submitted"].state == "submitted"


def test_unit_as_objects_are_not_found_by_id_through_the_api(cast: Any, objects: dict[str, Any]) -> None:
    b = cast.client(cast.liaison_b)
    for report in (objects["draft"], objects["submitted"]):
        assert b.get(f"/api/progress-reports/{report.pk}/").status_code == 404
        assert (
            b.patch(
                f"/api/progress-reports/{report.pk}/", {"text": "x"}, content_type="application/json"
            ).status_code
            == 404
        )
        for verb in ("submit", "accept", "return", "evidence"):
            assert b.post(f"/api/progress-reports/{report.pk}/{verb}/").status_code == 404, verb
    listed = b.get("/api/progress-reports/").json()["results"]
    assert listed == []
    response = b.post(
        "/api/progress-reports/",
        {"assignment": objects["a"].pk, "status": "done"},
        content_type="application/json",
    )
    assert response.status_code == 404


def test_every_progress_route_is_in_the_table(objects: dict[str, Any]) -> None:
    from fazhi.progress import urls

    checked = {name for name, _ in _routes(objects)} | OPEN_TO_ALL
    assert {p.name for p in urls.urlpatterns} <= checked
