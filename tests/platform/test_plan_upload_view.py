"""Uploading a plan: the job runs in the background; bad files get a Chinese message."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from platform_seeds import SEED_000


def _upload(cast: Any, capture: Any, name: str, data: bytes) -> Any:
    with capture(execute=True):
        return cast.client(cast.office).post(
            reverse("plan-upload"), {"file": SimpleUploadedFile(name, data), "jurisdiction": cast.district.pk}
        )


def _stored() -> tuple[int, int, int]:
    from fazhi.ledger.models import Assignment, Task
    from fazhi.plans.models import Plan

    return Plan.objects.count(), Task.objects.count(), Assignment.objects.count()


def test_the_office_sees_the_upload_form(cast: Any) -> None:
    response = cast.client(cast.office).get(reverse("plan-upload"))
    assert response.status_code == 200 and "上传并解析" in response.content.decode()


def test_an_upload_becomes_a_job_then_a_preview(cast: Any, django_capture_on_commit_callbacks: Any) -> None:
    from fazhi.plans.models import ImportJob

    response = _upload(cast, django_capture_on_commit_callbacks, SEED_000.name, SEED_000.read_bytes())
    job = ImportJob.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("import-status", args=[job.pk])
    assert job.status == ImportJob.Status.READY and job.progress == 100
    assert len(job.draft["tasks"]) == 18
    assert _stored() == (0, 0, 0), "nothing is stored before confirm"
    status = cast.client(cast.office).get(reverse("import-status", args=[job.pk]))
    assert status.status_code == 302 and status["Location"] == reverse("import-preview", args=[job.pk])
    polled = cast.client(cast.office).get(reverse("import-status", args=[job.pk]), HTTP_HX_REQUEST="true")
    assert polled["HX-Redirect"] == reverse("import-preview", args=[job.pk])


def test_a_queued_job_shows_progress_that_polls_itself(cast: Any) -> None:
    from fazhi.plans.models import ImportJob
    from fazhi.plans.services import start_import

    result = start_import(
        user=cast.office, jurisdiction=cast.district, filename="a.txt", data=b"x"
    )  # not run
    assert ImportJob.objects.get(pk=result.job.pk).status == ImportJob.Status.QUEUED
    page = cast.client(cast.office).get(reverse("import-status", args=[result.job.pk])).content.decode()
    assert 'hx-trigger="every 1s"' in page and "排队等待解析" in page


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("plan.exe", b"MZ\x90\x00", "不支持的文件类型"),
        ("plan", b"abc", "不支持的文件类型"),
        ("plan.txt", b"", "上传的文件是空的"),
    ],
)
def test_a_refused_file_gets_a_message_and_stores_nothing(
    cast: Any, django_capture_on_commit_callbacks: Any, name: str, data: bytes, message: str
) -> None:
    from fazhi.plans.models import ImportJob

    response = _upload(cast, django_capture_on_commit_callbacks, name, data)
    assert response.status_code == 400 and message in response.content.decode()
    assert ImportJob.objects.count() == 0


def test_a_file_over_the_size_limit_is_refused(
    cast: Any, django_capture_on_commit_callbacks: Any, settings: Any
) -> None:
    settings.FAZHI_MAX_UPLOAD_MB = 1
    response = _upload(cast, django_capture_on_commit_callbacks, "big.txt", "一".encode() * 400_000)
    assert response.status_code == 400 and "超过了 1 MB 的上限" in response.content.decode()


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("broken.docx", b"PK\x03\x04 this is not really a zip archive"),
        ("broken.xlsx", b"\x00\x01\x02garbage" * 10),
        ("empty.txt", "这是一段没有任何任务的说明文字。\n谢谢。\n".encode()),
    ],
)
def test_a_document_the_parser_cannot_use_fails_with_a_message(
    cast: Any, plan_000: Any, django_capture_on_commit_callbacks: Any, name: str, data: bytes
) -> None:
    from fazhi.plans.models import ImportJob

    before = _stored()
    _upload(cast, django_capture_on_commit_callbacks, name, data)
    job = ImportJob.objects.exclude(plan=plan_000).get()
    assert job.status == ImportJob.Status.FAILED and job.error
    page = cast.client(cast.office).get(reverse("import-status", args=[job.pk])).content.decode()
    assert "解析失败" in page and job.error in page
    assert _stored() == before


def test_the_same_content_again_shows_the_existing_plan(
    cast: Any, plan_000: Any, django_capture_on_commit_callbacks: Any
) -> None:
    from fazhi.plans.models import ImportJob

    before = _stored()
    response = _upload(cast, django_capture_on_commit_callbacks, "renamed.txt", SEED_000.read_bytes())
    assert response.status_code == 302 and response["Location"] == reverse("plan-ledger", args=[plan_000.pk])
    assert _stored() == before and ImportJob.objects.count() == 1


def test_without_a_broker_the_parse_runs_off_the_request(
    cast: Any, settings: Any, monkeypatch: Any, django_capture_on_commit_callbacks: Any
) -> None:
    from fazhi.plans import services
    from fazhi.plans.models import ImportJob

    settings.FAZHI_PARSE_IN_THREAD = True
    threads: list[tuple[Any, tuple[Any, ...], bool]] = []

    class RecordedThread:
        def __init__(self, target: Any, args: tuple[Any, ...], daemon: bool) -> None:
            threads.append((target, args, daemon))

        def start(self) -> None:
            pass

    monkeypatch.setattr(services.threading, "Thread", RecordedThread)
    response = _upload(cast, django_capture_on_commit_callbacks, SEED_000.name, SEED_000.read_bytes())
    job = ImportJob.objects.get()
    assert response.status_code == 302 and job.status == ImportJob.Status.QUEUED
    assert [(target.__name__, args, daemon) for target, args, daemon in threads] == [
        ("_parse_in_thread", (str(job.pk),), True)
    ]
    polling = cast.client(cast.office).get(reverse("import-status", args=[job.pk])).content.decode()
    assert "every 1s" in polling
    services.run_import(job.pk)  # what the thread does
    job.refresh_from_db()
    assert job.status == ImportJob.Status.READY
    services.run_import(job.pk)  # a second run finds the job claimed and does nothing
