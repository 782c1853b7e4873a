from pathlib import Path

import pytest
from reader_builders import CATEGORY, TITLE, build_plan_docx, soffice_convert

from fazhi.parsing.model import ParseError
from fazhi.parsing.readers import doc, read_bytes

OLE_WORD = (
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + "WordDocument".encode("utf-16-le") + b"\0" * 2000
)


def _legacy(tmp_path: Path, target: str) -> bytes:
    src = tmp_path / "plan.docx"
    src.write_bytes(build_plan_docx())
    return soffice_convert(src, target, tmp_path).read_bytes()


def test_a_doc_is_converted_with_libreoffice_and_read_like_the_docx(
    tmp_path: Path, needs_soffice: object
) -> None:
    data = _legacy(tmp_path, "doc:MS Word 97")
    assert data.startswith(b"\xd0\xcf\x11\xe0")
    raw = read_bytes(data, "plan.doc")
    assert raw.source_format == "doc"
    assert raw.lines == read_bytes(build_plan_docx(), "plan.docx").lines
    assert sum(line.startswith(f"| {CATEGORY} |") for line in raw.lines) == 3


def test_an_rtf_named_doc_goes_through_the_converter(tmp_path: Path, needs_soffice: object) -> None:
    data = _legacy(tmp_path, "rtf")
    assert data.startswith(b"{\\rtf")
    raw = read_bytes(data, "plan.doc")
    assert raw.lines[0] == TITLE


def test_without_libreoffice_the_message_says_what_to_do(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # a PATH with no soffice on it
    assert doc.find_soffice() is None
    with pytest.raises(ParseError) as err:
        read_bytes(OLE_WORD, "/uploads/2024/方案.doc")
    assert err.value.message == (
        "文件“方案.doc”是旧版Word(.doc)格式,本机未安装LibreOffice;"
        "请安装 libreoffice-writer-nogui,或在Word/WPS中另存为.docx后再上传。"
    )


def test_a_doc_libreoffice_cannot_open_is_a_parse_error(needs_soffice: object) -> None:
    with pytest.raises(ParseError, match="无法转换|损坏"):
        read_bytes(OLE_WORD, "broken.doc")


def test_a_hung_conversion_is_killed_at_the_timeout(
    monkeypatch: pytest.MonkeyPatch, needs_soffice: object
) -> None:
    monkeypatch.setattr(doc, "CONVERT_TIMEOUT", 0.2)
    with pytest.raises(ParseError, match="转换超时"):
        read_bytes(OLE_WORD, "slow.doc")
