import io
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from reader_builders import (
    CATEGORY,
    LEAD,
    RESP,
    ROW_1,
    ROW_2,
    ROW_3,
    SUB_1,
    SUB_2,
    TITLE,
    build_plan_docx,
    soffice_convert,
)

from fazhi.parsing.model import ParseError
from fazhi.parsing.readers import read_bytes

TABLE_ROWS = [
    "| 一级指标 | 二级指标 | 主要任务及牵头、责任部门 |",
    f"| {CATEGORY} | {SUB_1} | {ROW_1} | {LEAD} {RESP} |",
    f"| {CATEGORY} | {SUB_1} | {ROW_2} | {LEAD} {RESP} |",
    f"| {CATEGORY} | {SUB_2} | {ROW_3} | {LEAD} {RESP} |",
]


def _image_pdf() -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (400, 560), "white").save(buf, "PDF", resolution=72)
    return buf.getvalue()


def _rewrite(pdf: bytes, *extra: bytes, user_password: str | None = None, owner_password: str = "") -> bytes:
    writer = PdfWriter()
    for data in (pdf, *extra):
        writer.append(PdfReader(io.BytesIO(data)))
    if user_password is not None:
        writer.encrypt(user_password=user_password, owner_password=owner_password, algorithm="AES-128")
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def test_a_ruled_table_becomes_rows_in_place_of_its_text(ruled_pdf: bytes) -> None:
    raw = read_bytes(ruled_pdf, "plan.pdf")
    assert raw.source_format == "pdf"
    assert raw.lines[0] == TITLE
    start = raw.lines.index("一、总体要求") + 1
    assert raw.lines[start : start + 4] == TABLE_ROWS
    assert raw.lines[start + 4] == "二、目标任务"
    # The table's text appears only as rows, not again as loose lines.
    assert sum(ROW_2[:8] in line for line in raw.lines) == 1


def test_a_pdf_freshly_made_by_libreoffice_reads_the_same(tmp_path: Path, needs_soffice: object) -> None:
    src = tmp_path / "plan.docx"
    src.write_bytes(build_plan_docx())
    pdf = soffice_convert(src, "pdf", tmp_path)
    lines = read_bytes(pdf.read_bytes(), "plan.pdf").lines
    assert [line for line in lines if line.startswith("|")] == TABLE_ROWS


def test_an_encrypted_pdf_is_a_parse_error_saying_so(ruled_pdf: bytes) -> None:
    locked = _rewrite(ruled_pdf, user_password="secret")
    with pytest.raises(ParseError) as err:
        read_bytes(locked, "plan.pdf")
    assert err.value.message == "文件“plan.pdf”已加密,无法读取;请先解除密码保护后再上传。"


def test_a_pdf_with_only_an_owner_password_opens(ruled_pdf: bytes) -> None:
    # Printing/copy restrictions without an open password: readers may decrypt with "".
    restricted = _rewrite(ruled_pdf, user_password="", owner_password="owner")
    assert read_bytes(restricted, "plan.pdf").lines[0] == TITLE


def test_an_image_only_pdf_needs_ocr() -> None:
    with pytest.raises(ParseError) as err:
        read_bytes(_image_pdf(), "扫描件.pdf")
    assert "扫描图片" in err.value.message and "OCR" in err.value.message
    assert err.value.message.startswith("文件“扫描件.pdf”")


def test_a_scanned_page_inside_a_text_pdf_is_a_warning(ruled_pdf: bytes) -> None:
    raw = read_bytes(_rewrite(ruled_pdf, _image_pdf()), "plan.pdf")
    assert raw.lines[0] == TITLE
    assert raw.warnings == ["第2页没有文字层(可能是扫描图片),其内容未读取"]


@pytest.mark.parametrize("keep", [0.3, 0.6, 0.95])
def test_a_truncated_pdf_is_a_parse_error(ruled_pdf: bytes, keep: float) -> None:
    with pytest.raises(ParseError, match="不完整或已损坏"):
        read_bytes(ruled_pdf[: int(len(ruled_pdf) * keep)], "plan.pdf")


def test_a_pdf_with_a_broken_body_is_a_parse_error() -> None:
    with pytest.raises(ParseError, match="损坏"):
        read_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage\n%%EOF\n", "plan.pdf")
