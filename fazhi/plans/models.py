"""Plans (实施方案/台账) and the import jobs that turn an uploaded document into one."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords


class Plan(models.Model):
    """A confirmed plan: the document's metadata; its tasks live in the ledger."""

    jurisdiction = models.ForeignKey(
        "units.Jurisdiction", verbose_name="辖区", on_delete=models.PROTECT, related_name="plans"
    )
    title = models.CharField("标题", max_length=300)
    issuer = models.CharField("发文单位", max_length=200, blank=True)
    date = models.DateField("发布日期", null=True, blank=True)
    year = models.PositiveIntegerField("年度", null=True, blank=True)
    filename = models.CharField("原始文件名", max_length=255)
    sha256 = models.CharField("内容哈希", max_length=64)
    source_format = models.CharField("文件格式", max_length=10, blank=True)
    warnings = models.JSONField("解析提示", default=list, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="导入人",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField("导入时间", auto_now_add=True)
    dispatched_at = models.DateTimeField("下发时间", null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "计划"
        verbose_name_plural = "计划"
        ordering = ["-created_at"]
        constraints = [
            # The same document imported twice in one jurisdiction is the same plan.
            models.UniqueConstraint(fields=["jurisdiction", "sha256"], name="plan_unique_content")
        ]

    def __str__(self) -> str:
        return self.title


class ImportJob(models.Model):
    """One upload on its way to becoming a Plan.

    The parsed result is kept here as a JSON draft (not in the ledger) while the office reviews
    and edits it; confirming creates the Plan and its tasks in one transaction.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", "排队中"
        RUNNING = "running", "解析中"
        READY = "ready", "待确认"
        FAILED = "failed", "解析失败"
        CONFIRMED = "confirmed", "已确认"
        DISCARDED = "discarded", "已放弃"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    jurisdiction = models.ForeignKey(
        "units.Jurisdiction", verbose_name="辖区", on_delete=models.PROTECT, related_name="import_jobs"
    )
    filename = models.CharField("文件名", max_length=255)
    data = models.BinaryField("文件内容")
    sha256 = models.CharField("内容哈希", max_length=64, db_index=True)
    status = models.CharField("状态", max_length=20, choices=Status.choices, default=Status.QUEUED)
    progress = models.PositiveSmallIntegerField("进度", default=0)
    stage = models.CharField("当前步骤", max_length=100, blank=True)
    error = models.TextField("错误信息", blank=True)
    draft = models.JSONField("解析草稿", null=True, blank=True)
    plan = models.ForeignKey(Plan, verbose_name="计划", null=True, blank=True, on_delete=models.SET_NULL)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="上传人",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField("上传时间", auto_now_add=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    class Meta:
        verbose_name = "导入任务"
        verbose_name_plural = "导入任务"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.filename

    @property
    def is_finished(self) -> bool:
        return self.status not in (self.Status.QUEUED, self.Status.RUNNING)
