"""validate_upload / store_evidence: the content decides, the extension must agree, nothing
refused is stored."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from progress_samples import DOC, JPG, PDF, PNG, ooxml, upload


def _refusal(name: str, data: bytes) -> str:
    from fazhi.evidence.services import validate_upload

    with pytest.raises(ValidationError) as exc:
        validate_upload(upload(name, data))
    return exc.value.messages[0]


@pytest.mark.parametrize(
    ("name", "kind"),
    [("a.pdf", "pdf"), ("b.png", "png"), ("c.jpg", "jpg"), ("c.JPEG", "jpg"), ("d.doc", "doc"),
     ("e.docx", "docx"), ("f.xlsx", "xlsx")],
)  # fmt: skip
def test_it_accepts_each_allowed_kind_by_its_content(files: dict[str, bytes], name: str, kind: str) -> None:
    from fazhi.evidence.services import validate_upload

    ext = name.rpartition(".")[2].lower().replace("jpeg", "jpg")
    detected = validate_upload(upload(name, files[ext]))
    assert detected.kind == kind and detected.original_name == name and detected.size == len(files[ext])


@pytest.mark.parametrize(
    ("name", "data"),
    [("photo.pdf", PNG), ("scan.png", PDF), ("minutes.docx", ooxml("xl")), ("table.xlsx", ooxml("word")),
     ("old.doc", PDF), ("pic.jpg", b"hello, not an image"), ("text.pdf", "会议纪要".encode())],
)  # fmt: skip
def test_it_refuses_a_file_that_is_not_what_its_name_says(name: str, data: bytes) -> None:
    message = _refusal(name, data)
    assert "内容与扩展名不符" in message and name in message


def test_it_refuses_an_excel_workbook_renamed_doc() -> None:
    ole_without_word = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "Workbook".encode("utf-16-le") + b"\x00" * 64
    assert "内容与扩展名不符" in _refusal("budget.doc", ole_without_word)


def test_it_refuses_a_zip_that_is_not_an_office_document() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("evil.exe", b"MZ")
    assert "内容与扩展名不符" in _refusal("report.docx", buf.getvalue())


@pytest.mark.parametrize("name", ["run.exe", "notes.txt", "page.html", "archive.zip", "noext"])
def test_it_refuses_types_outside_the_list(name: str) -> None:
    assert "类型不受支持" in _refusal(name, PDF)


def test_it_refuses_a_file_over_the_size_limit(settings: Any) -> None:
    settings.FAZHI_EVIDENCE_MAX_MB = 1
    message = _refusal("big.pdf", PDF + b"0" * (1024 * 1024))
    assert "超过 1 MB 的上限" in message


def test_it_refuses_an_empty_file() -> None:
    assert "空文件" in _refusal("empty.pdf", b"")


def test_it_refuses_a_zip_bomb_inside_a_docx() -> None:
    bomb = ooxml("word", {"word/media/zeros.bin": b"\x00" * (60 * 1024 * 1024)})
    assert len(bomb) < 1024 * 1024  # small on the wire, 60 MB declared inside
    assert "压缩炸弹" in _refusal("bomb.docx", bomb)


def test_it_refuses_a_corrupt_docx() -> None:
    assert "已损坏" in _refusal("broken.docx", b"PK\x03\x04" + b"\x00" * 100)


@pytest.mark.parametrize("name", ["..\\..\\evil.pdf", "C:evil.pdf", "..evil.pdf"])
def test_it_refuses_a_path_in_the_file_name(name: str) -> None:
    assert "不能包含路径" in _refusal(name, PDF)


def test_it_refuses_control_characters_in_the_file_name() -> None:
    assert "控制字符" in _refusal("a\x07b.pdf", PDF)


def test_it_shortens_a_long_name_but_keeps_the_extension() -> None:
    from fazhi.evidence.services import validate_upload

    detected = validate_upload(upload("很" * 300 + ".pdf", PDF))
    assert len(detected.original_name) == 100 and detected.original_name.endswith(".pdf")


def test_store_evidence_writes_a_uuid_name_under_the_evidence_root(
    cast: Any, evidence_root: Path, django_assert_max_num_queries: Any
) -> None:
    from fazhi.evidence.models import EvidenceFile
    from fazhi.evidence.services import evidence_of, store_evidence

    evidence = store_evidence(upload("会议纪要.pdf", PDF), cast.liaison_a, owner=cast.unit_a)
    stored = Path(evidence.file.path)
    assert stored.is_relative_to(evidence_root) and stored.read_bytes() == PDF
    assert stored.name != "会议纪要.pdf" and len(stored.stem) == 32 and stored.suffix == ".pdf"
    assert evidence.original_name == "会议纪要.pdf" and evidence.content_type == "application/pdf"
    assert evidence.owner == cast.unit_a and evidence.uploaded_by == cast.liaison_a
    assert list(evidence_of(cast.unit_a)) == [evidence]
    assert EvidenceFile.history.filter(id=evidence.pk).count() == 1


def test_store_evidence_stores_nothing_when_refused(cast: Any, evidence_root: Path) -> None:
    from fazhi.evidence.models import EvidenceFile
    from fazhi.evidence.services import store_evidence

    for name, data in [("x.pdf", PNG), ("x.exe", PDF), ("..\\x.pdf", PDF), ("x.doc", JPG + DOC)]:
        with pytest.raises(ValidationError):
            store_evidence(upload(name, data), cast.liaison_a, owner=cast.unit_a)
    assert EvidenceFile.objects.count() == 0
    assert not evidence_root.exists() or not any(p.is_file() for p in evidence_root.rglob("*"))


def test_discard_evidence_removes_the_row_and_the_file(
    cast: Any, django_capture_on_commit_callbacks: Any
) -> None:
    from fazhi.evidence.models import EvidenceFile
    from fazhi.evidence.services import discard_evidence, store_evidence

    evidence = store_evidence(upload("a.png", PNG), cast.liaison_a, owner=cast.unit_a)
    path = Path(evidence.file.path)
    with django_capture_on_commit_callbacks(execute=True):
        discard_evidence(evidence)
    assert not path.exists() and EvidenceFile.objects.count() == 0


def test_the_evidence_root_is_outside_the_web_roots() -> None:
    from django.conf import settings

    from fazhi import settings as defaults  # the configured value, not this test's temporary root

    root = Path(defaults.FAZHI_EVIDENCE_ROOT).resolve()
    for web_root in [settings.STATIC_ROOT, settings.MEDIA_ROOT, *settings.STATICFILES_DIRS]:
        assert not root.is_relative_to(Path(web_root).resolve())
