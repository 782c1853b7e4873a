"""Checking and storing evidence uploads.

1. The name: a bare file name (no path, drive or control characters), length-limited.
2. The size: at most settings.FAZHI_EVIDENCE_MAX_MB, and not empty.
3. The extension: one of pdf, docx, xlsx, doc, jpg/jpeg, png.
4. The content: magic bytes say what the file is; it must be what the extension says. docx and
   xlsx are zip containers: checked for [Content_Types].xml and word/ or xl/ parts, after the
   parser's zip-bomb guard; a doc must be an OLE2 file with a WordDocument stream.
5. Storing: a new name (uuid4 + extension) under settings.FAZHI_EVIDENCE_ROOT, then the row.
"""

from __future__ import annotations

import hashlib
import unicodedata
import uuid
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models, transaction
from django.utils import timezone

from fazhi.evidence.models import EvidenceFile, Kind
from fazhi.parsing.model import ParseError
from fazhi.parsing.readers.common import open_zip_guarded

MAX_NAME_CHARS = 100
ALLOWED_TEXT = "pdf、docx、xlsx、doc、jpg、png"
EXTENSIONS = {
    "pdf": Kind.PDF,
    "docx": Kind.DOCX,
    "doc": Kind.DOC,
    "xlsx": Kind.XLSX,
    "jpg": Kind.JPG,
    "jpeg": Kind.JPG,
    "png": Kind.PNG,
}
CONTENT_TYPES = {
    Kind.PDF: "application/pdf",
    Kind.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    Kind.DOC: "application/msword",
    Kind.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    Kind.JPG: "image/jpeg",
    Kind.PNG: "image/png",
}
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
WORD_STREAM = "WordDocument".encode("utf-16-le")


@dataclass(frozen=True)
class DetectedFile:
    """What validate_upload found: the kind by content, and the facts stored with the file."""

    kind: str
    extension: str
    content_type: str
    original_name: str
    size: int
    sha256: str
    data: bytes


def max_bytes() -> int:
    return settings.FAZHI_EVIDENCE_MAX_MB * 1024 * 1024


def clean_name(raw: str | None) -> str:
    """The original name as shown and stored; refuses paths, drives and control characters."""
    name = unicodedata.normalize("NFC", (raw or "").strip())
    if not name or name in (".", ".."):
        raise ValidationError("请选择要上传的文件。", code="missing")
    if any(sep in name for sep in ("/", "\\", ":")) or name.startswith(".."):
        raise ValidationError(
            "文件名不能包含路径（/、\\、: 或 ..），请只上传文件本身并重命名后再试。", code="path"
        )
    if any(unicodedata.category(ch).startswith("C") for ch in name):
        raise ValidationError("文件名含有控制字符，请重命名后再上传。", code="name")
    stem, dot, ext = name.rpartition(".")
    if dot and len(name) > MAX_NAME_CHARS:
        name = stem[: MAX_NAME_CHARS - len(ext) - 1] + "." + ext
    return name[:MAX_NAME_CHARS]


def _kind_by_content(data: bytes, name: str) -> str | None:
    """The kind the bytes say the file is, or None when it is none of the accepted kinds."""
    if data.startswith(b"%PDF-"):
        return Kind.PDF
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return Kind.PNG
    if data.startswith(b"\xff\xd8\xff"):
        return Kind.JPG
    if data.startswith(OLE2):
        return Kind.DOC if WORD_STREAM in data else None
    if data.startswith(b"PK\x03\x04"):
        try:
            zf = open_zip_guarded(data, name, "Word/Excel")
        except ParseError as exc:
            raise ValidationError(str(exc), code="zip") from exc
        with zf:
            names = set(zf.namelist())
        if "[Content_Types].xml" not in names:
            return None
        if "word/document.xml" in names:
            return Kind.DOCX
        if "xl/workbook.xml" in names:
            return Kind.XLSX
    return None


def validate_upload(uploaded_file: Any) -> DetectedFile:
    """Check an uploaded file (Django UploadedFile or any file with .name/.size/.read).

    Returns what it is; raises ValidationError with a Chinese message when it is refused.
    """
    if uploaded_file is None:
        raise ValidationError("请选择要上传的文件。", code="missing")
    name = clean_name(getattr(uploaded_file, "name", ""))
    size = getattr(uploaded_file, "size", None)
    limit = max_bytes()
    if size is not None and size > limit:
        raise ValidationError(
            f"文件“{name}”大小为 {size / (1024 * 1024):.1f} MB，超过 {settings.FAZHI_EVIDENCE_MAX_MB} MB 的上限，"
            "请压缩或拆分后再上传。",
            code="too_large",
        )
    ext = name.rpartition(".")[2].lower() if "." in name else ""
    expected = EXTENSIONS.get(ext)
    if expected is None:
        raise ValidationError(f"文件“{name}”的类型不受支持，只能上传 {ALLOWED_TEXT} 文件。", code="extension")
    if hasattr(uploaded_file, "seek"):
        uploaded_file.seek(0)
    data = uploaded_file.read(limit + 1)
    if len(data) > limit:
        raise ValidationError(
            f"文件“{name}”超过 {settings.FAZHI_EVIDENCE_MAX_MB} MB 的上限，请压缩或拆分后再上传。",
            code="too_large",
        )
    if not data:
        raise ValidationError(f"文件“{name}”是空文件，请检查后重新上传。", code="empty")
    actual = _kind_by_content(data, name)
    if actual != expected:
        what = Kind(actual).label if actual else "无法识别的内容"
        raise ValidationError(
            f"文件“{name}”的内容与扩展名不符：扩展名是 .{ext}，实际是{what}。"
            "请上传真实的文件，不要只修改扩展名。",
            code="mismatch",
        )
    return DetectedFile(
        kind=actual,
        extension="jpg" if actual == Kind.JPG else actual,
        content_type=CONTENT_TYPES[Kind(actual)],
        original_name=name,
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        data=data,
    )


def store_evidence(uploaded_file: Any, user: Any, *, owner: models.Model) -> EvidenceFile:
    """Validate, then store the file under a new name and record it for its owner.

    Raises ValidationError (nothing stored) when the file is refused. The file is written before
    the row and removed again if the row cannot be created.
    """
    detected = validate_upload(uploaded_file)
    now = timezone.localtime()
    evidence = EvidenceFile(
        original_name=detected.original_name,
        kind=detected.kind,
        content_type=detected.content_type,
        size=detected.size,
        sha256=detected.sha256,
        uploaded_by=user if getattr(user, "is_authenticated", False) else None,
        owner_type=ContentType.objects.get_for_model(owner),
        owner_id=owner.pk,
    )
    stored_name = f"{now:%Y/%m}/{uuid.uuid4().hex}.{detected.extension}"
    evidence.file.save(stored_name, ContentFile(detected.data), save=False)
    try:
        with transaction.atomic():
            evidence.save()
    except BaseException:
        evidence.file.storage.delete(evidence.file.name)
        raise
    return evidence


def discard_evidence(evidence: EvidenceFile) -> None:
    """Delete an evidence row and its stored file."""
    name = evidence.file.name
    storage = evidence.file.storage
    evidence.delete()
    transaction.on_commit(lambda: storage.delete(name))


def evidence_of(owner: models.Model) -> models.QuerySet:
    """The evidence files of one owner, oldest first (the caller has checked access to the owner)."""
    return EvidenceFile.objects.filter(
        owner_type=ContentType.objects.get_for_model(owner), owner_id=owner.pk
    ).select_related("uploaded_by")
