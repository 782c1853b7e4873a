"""Evidence files (佐证材料): the stored upload and who owns it."""

from __future__ import annotations

import os
from functools import cached_property
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.files.storage import FileSystemStorage
from django.db import models
from simple_history.models import HistoricalRecords


class EvidenceStorage(FileSystemStorage):
    """A file system storage rooted at settings.FAZHI_EVIDENCE_ROOT, read at each use (so tests
    and deployments can move it) and with no URL: files are only served by the download view."""

    @property
    def base_location(self) -> str:  # type: ignore[override]
        return str(settings.FAZHI_EVIDENCE_ROOT)

    @property
    def location(self) -> str:  # type: ignore[override]
        return os.path.abspath(self.base_location)

    @cached_property
    def base_url(self) -> None:  # type: ignore[override]
        return None

    def url(self, name: Any) -> str:
        raise ValueError("佐证材料只能通过下载页面获取")


_storage = EvidenceStorage()


def evidence_storage() -> EvidenceStorage:
    """The storage of evidence files (a callable, so migrations do not record a path)."""
    return _storage


class Kind(models.TextChoices):
    PDF = "pdf", "PDF 文档"
    DOCX = "docx", "Word 文档（docx）"
    DOC = "doc", "Word 文档（doc）"
    XLSX = "xlsx", "Excel 表格"
    JPG = "jpg", "JPEG 图片"
    PNG = "png", "PNG 图片"


class EvidenceFile(models.Model):
    """One uploaded evidence file (留痕), owned by a report, a 督办单 reply, a 整改 item…"""

    file = models.FileField("文件", storage=evidence_storage, max_length=200)
    original_name = models.CharField("原始文件名", max_length=120)
    kind = models.CharField("类型", max_length=10, choices=Kind.choices)
    content_type = models.CharField("内容类型", max_length=100)
    size = models.PositiveBigIntegerField("大小（字节）")
    sha256 = models.CharField("内容哈希", max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="上传人",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    uploaded_at = models.DateTimeField("上传时间", auto_now_add=True)
    owner_type = models.ForeignKey(
        ContentType, verbose_name="所属对象类型", on_delete=models.PROTECT, related_name="+"
    )
    owner_id = models.PositiveBigIntegerField("所属对象")
    owner = GenericForeignKey("owner_type", "owner_id")
    history = HistoricalRecords()

    class Meta:
        verbose_name = "佐证材料"
        verbose_name_plural = "佐证材料"
        ordering = ["uploaded_at", "pk"]
        indexes = [models.Index(fields=["owner_type", "owner_id"], name="evidence_owner")]

    def __str__(self) -> str:
        return self.original_name

    @property
    def size_display(self) -> str:
        if self.size >= 1024 * 1024:
            return f"{self.size / (1024 * 1024):.1f} MB"
        return f"{max(1, round(self.size / 1024))} KB"
