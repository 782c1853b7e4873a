"""Evidence is downloaded only through the checked view, with its original name."""

from __future__ import annotations

from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from progress_samples import PDF


def _evidence(report: Any, user: Any) -> Any:
    from fazhi.evidence.services import evidence_of
    from fazhi.progress.services import add_evidence

    add_evidence(report, user, [SimpleUploadedFile("会议纪要.pdf", PDF)])
    return evidence_of(report).get()


def test_the_reporting_unit_and_the_office_download_it(cast: Any, a_part: Any, report_of: Any) -> None:
    from fazhi.progress.services import submit_report

    report = report_of(a_part, cast.liaison_a, submit=False)
    evidence = _evidence(report, cast.liaison_a)
    submit_report(report, cast.liaison_a)
    for who in ("liaison_a", "office", "leader"):
        response = cast.client(getattr(cast, who)).get(reverse("evidence-download", args=[evidence.pk]))
        assert response.status_code == 200, who
        assert b"".join(response.streaming_content) == PDF
        assert response["Content-Type"] == "application/pdf"
        assert (
            "attachment" in response["Content-Disposition"] and "%E4%BC%9A" in response["Content-Disposition"]
        )


def test_the_lead_unit_downloads_its_responsible_units_evidence(
    cast: Any, a_lead: Any, b_part: Any, report_of: Any
) -> None:
    from fazhi.progress.services import submit_report

    report = report_of(b_part, cast.liaison_b, submit=False)
    evidence = _evidence(report, cast.liaison_b)
    url = reverse("evidence-download", args=[evidence.pk])
    assert cast.client(cast.liaison_a).get(url).status_code == 404  # a draft: unit B's own
    submit_report(report, cast.liaison_b)
    assert cast.client(cast.liaison_a).get(url).status_code == 200


def test_outsiders_and_drafts_are_not_found(
    cast: Any, a_part: Any, report_of: Any, django_user_model: Any
) -> None:
    from django.test import Client

    evidence = _evidence(report_of(a_part, cast.liaison_a, submit=False), cast.liaison_a)
    url = reverse("evidence-download", args=[evidence.pk])
    assert cast.client(cast.liaison_b).get(url).status_code == 404
    assert cast.client(cast.office).get(url).status_code == 404  # the unit has not submitted it yet
    assert Client().get(url).status_code == 302
    nobody = Client()
    nobody.force_login(django_user_model.objects.create_user("nobody"))
    assert nobody.get(url).status_code == 403


def test_a_file_missing_on_disk_is_a_404(cast: Any, a_part: Any, report_of: Any) -> None:
    evidence = _evidence(report_of(a_part, cast.liaison_a, submit=False), cast.liaison_a)
    evidence.file.storage.delete(evidence.file.name)
    assert (
        cast.client(cast.liaison_a).get(reverse("evidence-download", args=[evidence.pk])).status_code == 404
    )
