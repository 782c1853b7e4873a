"""The report form on a liaison's own assignment: drafts, submission, evidence, and refusals."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from progress_samples import PDF, PNG, ooxml


def _url(a: Any) -> str:
    return reverse("progress-report-new", args=[a.task_id, a.unit_id])


def _form(a: Any, **extra: Any) -> dict[str, Any]:
    from fazhi.progress import services

    data = {
        "period": services.period_choices(a)[0].key,
        "status": "in_progress",
        "text": "已开展两次专题培训",
    }
    data.update(extra)
    return data


def _stored(evidence_root: Path) -> list[Path]:
    return [p for p in evidence_root.rglob("*") if p.is_file()] if evidence_root.exists() else []


def test_the_liaison_sees_a_form_with_the_tasks_targets(cast: Any, a_lead: Any) -> None:
    response = cast.client(cast.liaison_a).get(_url(a_lead))
    assert response.status_code == 200
    body = response.content.decode()
    assert "保持100%" in body and "每年参加1次" in body and "无法按期完成" in body


def test_it_saves_a_draft_with_figures_and_evidence(cast: Any, a_lead: Any, evidence_root: Path) -> None:
    from fazhi.progress.models import ProgressReport

    files = [SimpleUploadedFile("会议纪要.pdf", PDF), SimpleUploadedFile("现场照片.png", PNG)]
    response = cast.client(cast.liaison_a).post(
        _url(a_lead), _form(a_lead, action="save", figure_0="100", figure_1="1", files=files)
    )
    report = ProgressReport.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "progress-report", args=[report.pk]
    )
    assert report.state == "draft" and report.consolidated and report.created_by == cast.liaison_a
    assert report.figures == {"0": 100.0, "1": 1.0}
    assert len(_stored(evidence_root)) == 2
    assert [e.action for e in report.events.all()] == ["created", "evidence_added", "evidence_added"]


def test_it_submits_at_once(cast: Any, a_part: Any) -> None:
    from fazhi.progress.models import ProgressReport

    cast.client(cast.liaison_a).post(_url(a_part), _form(a_part, action="submit"))
    report = ProgressReport.objects.get()
    assert report.state == "submitted" and report.submitted_by == cast.liaison_a and report.submitted_at
    assert not report.consolidated


def test_submitting_needs_the_progress_text(cast: Any, a_part: Any) -> None:
    from fazhi.progress.models import ProgressReport

    response = cast.client(cast.liaison_a).post(_url(a_part), _form(a_part, action="submit", text=""))
    assert response.status_code == 400 and "请填写工作进展后再提交" in response.content.decode()
    assert not ProgressReport.objects.exists()


def test_it_refuses_a_proposed_date_in_the_past(cast: Any, a_part: Any) -> None:
    from fazhi.progress.models import ProgressReport

    yesterday = dt.date.today() - dt.timedelta(days=2)
    response = cast.client(cast.liaison_a).post(
        _url(a_part),
        _form(a_part, status="delayed", reason="经费未到位", proposed_date=yesterday.isoformat()),
    )
    assert response.status_code == 400 and "预计完成日期不能早于今天" in response.content.decode()
    assert not ProgressReport.objects.exists()


def test_delayed_needs_a_reason_and_a_date(cast: Any, a_part: Any) -> None:
    from fazhi.progress.models import ProgressReport

    response = cast.client(cast.liaison_a).post(_url(a_part), _form(a_part, status="delayed"))
    body = response.content.decode()
    assert response.status_code == 400 and "请说明原因" in body and "请填写预计完成日期" in body
    assert not ProgressReport.objects.exists()


def test_delayed_with_reason_and_future_date_is_kept(cast: Any, a_part: Any) -> None:
    from fazhi.progress.models import ProgressReport

    later = dt.date.today() + dt.timedelta(days=30)
    cast.client(cast.liaison_a).post(
        _url(a_part), _form(a_part, status="delayed", reason="经费未到位", proposed_date=later.isoformat())
    )
    report = ProgressReport.objects.get()
    assert report.status == "delayed" and report.reason == "经费未到位" and report.proposed_date == later


def test_it_refuses_a_period_that_is_not_offered(cast: Any, a_part: Any) -> None:
    response = cast.client(cast.liaison_a).post(_url(a_part), _form(a_part, period="2019-01"))
    assert response.status_code == 400


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("照片.pdf", PNG, "内容与扩展名不符"),
        ("说明.docx", ooxml("word", {"word/media/x.bin": b"\0" * (60 * 1024 * 1024)}), "压缩炸弹"),
        ("C:说明.pdf", PDF, "不能包含路径"),
        ("程序.exe", PDF, "类型不受支持"),
    ],
)
def test_a_bad_evidence_file_refuses_the_whole_report(
    cast: Any, a_part: Any, evidence_root: Path, name: str, data: bytes, message: str
) -> None:
    from fazhi.evidence.models import EvidenceFile
    from fazhi.progress.models import ProgressReport

    files = [SimpleUploadedFile("好的.pdf", PDF), SimpleUploadedFile(name, data)]
    response = cast.client(cast.liaison_a).post(_url(a_part), _form(a_part, files=files))
    assert response.status_code == 400 and message in response.content.decode()
    assert not ProgressReport.objects.exists() and not EvidenceFile.objects.exists()
    assert _stored(evidence_root) == []


def test_a_file_too_large_is_refused(cast: Any, a_part: Any, settings: Any, evidence_root: Path) -> None:
    from fazhi.progress.models import ProgressReport

    settings.FAZHI_EVIDENCE_MAX_MB = 1
    big = SimpleUploadedFile("大文件.pdf", PDF + b"0" * (1024 * 1024))
    response = cast.client(cast.liaison_a).post(_url(a_part), _form(a_part, files=[big]))
    assert response.status_code == 400 and "超过 1 MB 的上限" in response.content.decode()
    assert not ProgressReport.objects.exists() and _stored(evidence_root) == []


def test_a_path_in_the_uploaded_name_never_reaches_the_disk(
    cast: Any, a_part: Any, evidence_root: Path, tmp_path: Path
) -> None:
    """Django strips "../" from multipart names; what is left is only ever the shown name."""
    from fazhi.evidence.models import EvidenceFile

    evil = SimpleUploadedFile("x.pdf", PDF)
    evil.name = "../../escape.pdf"  # as a hostile client would send it
    cast.client(cast.liaison_a).post(_url(a_part), _form(a_part, files=[evil]))
    stored = _stored(evidence_root)
    assert len(stored) == 1 and stored[0].name != "escape.pdf"
    assert not (tmp_path / "escape.pdf").exists()
    assert "/" not in EvidenceFile.objects.get().original_name


def test_it_refuses_a_report_on_another_units_assignment(cast: Any, a_part: Any, b_part: Any) -> None:
    from fazhi.progress.models import ProgressReport

    b = cast.client(cast.liaison_b)
    assert b.get(_url(a_part)).status_code == 404
    assert b.post(_url(a_part), _form(a_part)).status_code == 404
    # the lead unit reads its responsible units' reports but does not write them
    assert cast.client(cast.liaison_a).post(_url(b_part), _form(b_part)).status_code == 404
    assert not ProgressReport.objects.exists()


@pytest.mark.parametrize("who", ["office", "leader"])
def test_other_roles_do_not_write_reports(cast: Any, a_part: Any, who: str) -> None:
    from fazhi.progress.models import ProgressReport

    c = cast.client(getattr(cast, who))
    assert c.get(_url(a_part)).status_code == 403
    assert c.post(_url(a_part), _form(a_part)).status_code == 403
    assert not ProgressReport.objects.exists()
