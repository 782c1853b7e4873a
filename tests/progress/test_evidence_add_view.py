"""Adding evidence to a draft or returned report (htmx swaps the list); refusals store nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from progress_samples import JPG, PDF, ooxml


def _add(c: Any, report: Any, name: str, data: bytes, **headers: Any) -> Any:
    return c.post(
        reverse("progress-evidence-add", args=[report.pk]),
        {"files": [SimpleUploadedFile(name, data)]},
        **headers,
    )


def test_htmx_upload_returns_the_new_list(cast: Any, a_part: Any, report_of: Any) -> None:
    report = report_of(a_part, cast.liaison_a, submit=False)
    response = _add(cast.client(cast.liaison_a), report, "现场.jpg", JPG, HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and "现场.jpg" in response.content.decode()
    assert 'id="evidence-list"' in response.content.decode()


def test_htmx_refusal_is_shown_in_the_list_and_nothing_is_stored(
    cast: Any, a_part: Any, report_of: Any, evidence_root: Path
) -> None:
    from fazhi.evidence.models import EvidenceFile

    report = report_of(a_part, cast.liaison_a, submit=False)
    response = _add(cast.client(cast.liaison_a), report, "表格.xlsx", ooxml("word"), HTTP_HX_REQUEST="true")
    assert "内容与扩展名不符" in response.content.decode()
    assert not EvidenceFile.objects.exists() and not evidence_root.exists()


def test_no_evidence_after_acceptance(cast: Any, a_part: Any, report_of: Any, evidence_root: Path) -> None:
    from fazhi.evidence.models import EvidenceFile
    from fazhi.progress.services import accept_report

    report = accept_report(report_of(a_part, cast.liaison_a), cast.office)
    response = _add(cast.client(cast.liaison_a), report, "补充.pdf", PDF)
    assert response.status_code == 409 and "已审核通过，不能再修改" in response.content.decode()
    assert not EvidenceFile.objects.exists() and not evidence_root.exists()


def test_a_missing_file_is_refused(cast: Any, a_part: Any, report_of: Any) -> None:
    report = report_of(a_part, cast.liaison_a, submit=False)
    response = cast.client(cast.liaison_a).post(reverse("progress-evidence-add", args=[report.pk]))
    assert response.status_code == 400 and "请选择要上传的文件" in response.content.decode()


def test_others_cannot_add_evidence(cast: Any, a_lead: Any, b_part: Any, report_of: Any) -> None:
    from fazhi.evidence.models import EvidenceFile

    report = report_of(b_part, cast.liaison_b)
    assert _add(cast.client(cast.liaison_a), report, "a.pdf", PDF).status_code == 403  # lead reads only
    draft = report_of(b_part, cast.liaison_b, submit=False)
    assert _add(cast.client(cast.liaison_a), draft, "a.pdf", PDF).status_code == 404
    assert _add(cast.client(cast.office), report, "a.pdf", PDF).status_code == 403
    assert not EvidenceFile.objects.exists()
