"""Removing evidence from a draft; never from an accepted report or by someone else."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from progress_samples import PDF


def _with_file(a: Any, user: Any, report_of: Any) -> tuple[Any, Any]:
    from fazhi.evidence.services import evidence_of
    from fazhi.progress.services import add_evidence

    report = report_of(a, user, submit=False)
    add_evidence(report, user, [SimpleUploadedFile("纪要.pdf", PDF)])
    return report, evidence_of(report).get()


def test_the_liaison_removes_evidence_from_a_draft(
    cast: Any, a_part: Any, report_of: Any, django_capture_on_commit_callbacks: Any
) -> None:
    report, evidence = _with_file(a_part, cast.liaison_a, report_of)
    path = Path(evidence.file.path)
    with django_capture_on_commit_callbacks(execute=True):
        response = cast.client(cast.liaison_a).post(
            reverse("progress-evidence-remove", args=[report.pk, evidence.pk]), HTTP_HX_REQUEST="true"
        )
    assert response.status_code == 200 and "纪要.pdf" not in response.content.decode()
    assert not path.exists()
    assert report.events.filter(action="evidence_removed", comment="纪要.pdf").exists()


def test_evidence_of_an_accepted_report_stays(cast: Any, a_part: Any, report_of: Any) -> None:
    from fazhi.evidence.models import EvidenceFile
    from fazhi.progress.services import accept_report, submit_report

    report, evidence = _with_file(a_part, cast.liaison_a, report_of)
    accept_report(submit_report(report, cast.liaison_a), cast.office)
    response = cast.client(cast.liaison_a).post(
        reverse("progress-evidence-remove", args=[report.pk, evidence.pk])
    )
    assert response.status_code == 409 and EvidenceFile.objects.filter(pk=evidence.pk).exists()


def test_others_cannot_remove_evidence(cast: Any, a_part: Any, report_of: Any) -> None:
    from fazhi.evidence.models import EvidenceFile

    report, evidence = _with_file(a_part, cast.liaison_a, report_of)
    url = reverse("progress-evidence-remove", args=[report.pk, evidence.pk])
    assert cast.client(cast.liaison_b).post(url).status_code == 404
    assert cast.client(cast.office).post(url).status_code == 404  # a draft: not the office's to see
    other, other_file = _with_file(a_part, cast.liaison_a, report_of)
    mixed = reverse("progress-evidence-remove", args=[report.pk, other_file.pk])
    assert cast.client(cast.liaison_a).post(mixed).status_code == 404  # evidence of another report
    assert EvidenceFile.objects.count() == 2
