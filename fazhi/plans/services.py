"""Plan import: upload → background parse → draft → confirm (one transaction)."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import threading
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import IntegrityError, connections, transaction
from simple_history.utils import bulk_create_with_history

from fazhi.ledger.models import Task, TaskUnit
from fazhi.plans import drafts
from fazhi.plans.models import ImportJob, Plan
from fazhi.units.matching import Registry
from fazhi.units.models import Jurisdiction, Unit, UnitGroup

log = logging.getLogger(__name__)


class UploadError(Exception):
    """An upload refused before parsing; `message` is for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass
class UploadResult:
    job: ImportJob | None = None
    existing_plan: Plan | None = None


def check_upload(filename: str, size: int) -> None:
    """Refuse wrong types, empty files and files over the limit, with a Chinese message."""
    ext = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    allowed = settings.FAZHI_UPLOAD_EXTENSIONS
    if ext not in allowed:
        raise UploadError(
            f"不支持的文件类型“{ext or '无扩展名'}”，请上传 {'、'.join(allowed)} 格式的计划文件"
        )
    if size == 0:
        raise UploadError("上传的文件是空的")
    limit = settings.FAZHI_MAX_UPLOAD_MB
    if size > limit * 1024 * 1024:
        raise UploadError(f"文件大小为 {size / 1024 / 1024:.1f} MB，超过了 {limit} MB 的上限")


def start_import(
    *, user: Any, jurisdiction: Jurisdiction, filename: str, data: bytes, enqueue: bool = True
) -> UploadResult:
    """Store the upload as a job and queue its parse; same content as a stored plan → that plan.

    enqueue=False leaves the job queued for the caller to run (`run_import`) itself.
    """
    check_upload(filename, len(data))
    digest = hashlib.sha256(data).hexdigest()
    existing = Plan.objects.filter(jurisdiction=jurisdiction, sha256=digest).first()
    if existing is not None:
        return UploadResult(existing_plan=existing)
    job = ImportJob.objects.create(
        jurisdiction=jurisdiction,
        filename=filename[:255],
        data=data,
        sha256=digest,
        created_by=user,
        stage="排队等待解析",
    )
    if enqueue:
        enqueue_parse(job)
    return UploadResult(job=job)


def enqueue_parse(job: ImportJob) -> None:
    """Queue the parse after the job row is committed.

    With a broker, a Celery worker runs it. Without one (the demo), Celery would run it eagerly
    inside the upload request; a daemon thread runs it instead, so the upload returns at once and
    the progress page polls, as it does with a worker. FAZHI_PARSE_IN_THREAD=0 keeps it inline.
    """
    from fazhi.plans.tasks import parse_import

    job_id = str(job.pk)
    if settings.CELERY_TASK_ALWAYS_EAGER and settings.FAZHI_PARSE_IN_THREAD:
        transaction.on_commit(
            lambda: threading.Thread(target=_parse_in_thread, args=(job_id,), daemon=True).start()
        )
    else:
        transaction.on_commit(lambda: parse_import.delay(job_id))


def _parse_in_thread(job_id: str) -> None:
    try:
        run_import(job_id)
    finally:
        connections.close_all()  # this thread's own database connections


def _progress(job_id: Any, progress: int, stage: str, **extra: Any) -> None:
    ImportJob.objects.filter(pk=job_id).update(progress=progress, stage=stage, **extra)


def run_import(job_id: Any) -> None:
    """Parse one queued job into a draft. Claims the job first, so a second worker does nothing."""
    from fazhi.parsing import ParseError, parse_bytes

    claimed = ImportJob.objects.filter(pk=job_id, status=ImportJob.Status.QUEUED).update(
        status=ImportJob.Status.RUNNING, progress=10, stage="正在读取文件"
    )
    if not claimed:
        return
    job = ImportJob.objects.get(pk=job_id)
    try:
        # the parser reports its stages; they fill 10–65 % of the bar, unit matching the rest
        parsed = parse_bytes(
            bytes(job.data),
            job.filename,
            progress=lambda fraction, stage: _progress(job_id, 10 + int(fraction * 55), stage),
        ).to_dict()
        _progress(job_id, 70, "正在匹配单位名录")
        if not parsed.get("tasks"):
            raise ParseError("未能从文件中识别出任何任务，请确认上传的是计划或任务分工文件")
        registry = Registry(job.jurisdiction.descendant_ids())
        draft = drafts.build_draft(parsed, registry)
    except ParseError as exc:
        _progress(job_id, 100, "解析失败", status=ImportJob.Status.FAILED, error=exc.message)
        return
    except Exception:
        log.exception("import job %s failed", job_id)
        _progress(
            job_id,
            100,
            "解析失败",
            status=ImportJob.Status.FAILED,
            error="解析文件时发生内部错误，请联系管理员",
        )
        return
    _progress(job_id, 100, "解析完成，待确认", status=ImportJob.Status.READY, draft=draft)


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def confirm_import(job: ImportJob, user: Any) -> Plan:
    """Create the plan, its tasks and their units from the draft, all or nothing.

    Raises DraftError (nothing stored) when the draft still has problems, when a chosen unit
    left the registry meanwhile, or when the same document was confirmed in the meantime.
    """
    if job.status != ImportJob.Status.READY or not job.draft:
        raise drafts.DraftError("该导入任务不能确认（尚未解析完成，或已确认/放弃）")
    draft = job.draft
    issues = drafts.problems(draft)
    if issues:
        raise drafts.DraftError("；".join(issues[:5]) + ("等" if len(issues) > 5 else ""))
    scope = job.jurisdiction.descendant_ids()
    unit_ids = {e["id"] for _, t in drafts.live_tasks(draft) for e in t["units"] if e["kind"] == "unit"}
    group_ids = {e["id"] for _, t in drafts.live_tasks(draft) for e in t["units"] if e["kind"] == "group"}
    if len(
        set(Unit.objects.filter(pk__in=unit_ids, jurisdiction_id__in=scope).values_list("pk", flat=True))
    ) != len(unit_ids) or UnitGroup.objects.filter(
        pk__in=group_ids, jurisdiction_id__in=scope
    ).count() != len(group_ids):
        raise drafts.DraftError("草稿中引用的部分单位已不在本辖区名录中，请重新指定")
    try:
        with transaction.atomic():
            plan = Plan.objects.create(
                jurisdiction=job.jurisdiction,
                title=(draft.get("title") or job.filename)[:300],
                issuer=(draft.get("issuer") or "")[:200],
                date=_date(draft.get("date")),
                year=draft.get("year") or (_date(draft.get("date")).year if draft.get("date") else None),
                filename=job.filename,
                sha256=job.sha256,
                source_format=draft.get("source_format") or "",
                warnings=draft.get("warnings") or [],
                created_by=user,
            )
            rows = []
            for position, (_, t) in enumerate(drafts.live_tasks(draft), start=1):
                rows.append(
                    Task(
                        plan=plan,
                        position=position,
                        number=t["number"][:20],
                        level=(t.get("level") or "")[:10],
                        category=t.get("category", "")[:200],
                        subcategory=t.get("subcategory", "")[:200],
                        heading_path=t.get("heading_path") or [],
                        title=(t.get("title") or "")[:300],
                        content=t.get("content") or "",
                        deadline=_date(t.get("deadline")),
                        deadline_text=(t.get("deadline_text") or "")[:100],
                        recurrence=t.get("recurrence"),
                        targets=t.get("targets") or [],
                    )
                )
            tasks = bulk_create_with_history(rows, Task, default_user=user)
            if not all(t.pk for t in tasks):  # backends without RETURNING: read the ids back
                tasks = list(Task.objects.filter(plan=plan).order_by("position"))
            links = []
            for task, (_, t) in zip(tasks, drafts.live_tasks(draft), strict=True):
                for pos, e in enumerate(t["units"]):
                    links.append(
                        TaskUnit(
                            task=task,
                            role=e["role"],
                            printed_name=e["name"][:200],
                            unit_id=e["id"] if e["kind"] == "unit" else None,
                            group_id=e["id"] if e["kind"] == "group" else None,
                            position=pos,
                        )
                    )
            bulk_create_with_history(links, TaskUnit, default_user=user)
            updated = ImportJob.objects.filter(pk=job.pk, status=ImportJob.Status.READY).update(
                status=ImportJob.Status.CONFIRMED, plan=plan, stage="已确认"
            )
            if not updated:
                raise drafts.DraftError("该导入任务已被确认或放弃")
    except IntegrityError:
        raise drafts.DraftError("相同内容的计划已经导入过，未重复创建") from None
    job.refresh_from_db()
    return plan


def resolve_leftovers(job: ImportJob) -> list[str]:
    """What the office does by hand in the preview, done automatically (the demo loader, tests):
    pick the first candidate of an ambiguous name, create a unit for a name the registry lacks.
    Returns the names of the units created."""
    from fazhi.units.models import Unit

    created: list[str] = []
    for task in job.draft["tasks"]:
        for entry in task["units"]:
            if entry.get("id") is not None:
                continue
            if entry["method"] == "ambiguous" and entry["candidates"]:
                first = entry["candidates"][0]
                entry.update(kind=first["kind"], id=first["id"], label=first["name"], method="manual")
            else:
                unit, _ = Unit.objects.get_or_create(jurisdiction=job.jurisdiction, name=entry["name"])
                entry.update(kind="unit", id=unit.pk, label=unit.name, method="created")
                created.append(unit.name)
    job.save(update_fields=["draft"])
    return created
