"""Every failure is one ParseError line in Chinese naming the file; nothing else escapes."""

import random
from pathlib import Path

import pytest
from reader_builders import build_ledger_xlsx, build_plan_docx

from fazhi.parsing.model import ParseError
from fazhi.parsing.readers import MAX_BYTES, common, read_bytes, read_file, txt
from fazhi.parsing.readers.common import display_name

PDF = (Path(__file__).resolve().parents[2] / "fixtures" / "docs" / "ruled_table_plan.pdf").read_bytes()
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde"


def _message(data: bytes, filename: str) -> str:
    with pytest.raises(ParseError) as err:
        read_bytes(data, filename)
    msg = err.value.message
    assert "\n" not in msg and msg.endswith("。")
    assert msg.startswith(f"文件“{display_name(filename)}”")
    return msg


def test_an_empty_file() -> None:
    assert "空文件" in _message(b"", "plan.docx")


def test_png_bytes_are_named_as_an_image() -> None:
    assert "PNG图片" in _message(PNG, "plan.pdf")


def test_a_zip_of_other_files_is_named_as_an_archive() -> None:
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("附件1.txt", "x")
    assert "ZIP压缩包" in _message(buf.getvalue(), "plans.zip")


def test_an_encrypted_word_file_says_it_is_encrypted() -> None:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + "EncryptedPackage".encode("utf-16-le")
    assert "已加密" in _message(ole, "plan.docx")


def test_input_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    assert MAX_BYTES == 50 * 1024 * 1024
    with pytest.raises(ParseError, match="超过1 MB的大小上限"):
        read_bytes(b"a" * (1024 * 1024 + 1), "big.txt", max_bytes=1024 * 1024)
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * (2 * 1024 * 1024))
    with pytest.raises(ParseError, match="^文件“big.txt”超过1 MB的大小上限"):
        read_file(str(big), max_bytes=1024 * 1024)


def test_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ParseError, match="^文件“nope.docx”不存在或无法打开。$"):
        read_file(str(tmp_path / "nope.docx"))


def test_the_message_names_only_the_basename_on_one_line() -> None:
    msg = _message(b"", "C:\\Users\\张三\\Desktop\\方案\n(终稿).docx")
    assert msg.startswith("文件“方案 (终稿).docx”")


def test_an_unexpected_library_failure_still_becomes_a_parse_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(data: bytes, filename: str) -> None:
        raise RuntimeError("library bug")

    monkeypatch.setattr(txt, "read_txt", boom)
    assert "RuntimeError" in _message("一、总体要求".encode(), "plan.txt")


def _valid_documents() -> list[tuple[str, bytes]]:
    return [("plan.docx", build_plan_docx()), ("ledger.xlsx", build_ledger_xlsx()), ("plan.pdf", PDF)]


@pytest.mark.parametrize("seed", range(8))
def test_random_bytes_never_raise_anything_but_parse_error(seed: int) -> None:
    rng = random.Random(seed)
    data = rng.randbytes(rng.choice([1, 7, 100, 5000]))
    for name in ("x.txt", "x.docx", "x.pdf", "x.html", "x.xlsx", "x.doc"):
        try:
            read_bytes(data, name)
        except ParseError:
            pass


@pytest.mark.parametrize("seed", range(4))
def test_valid_headers_followed_by_garbage_never_raise_anything_but_parse_error(seed: int) -> None:
    # OLE (.doc) and RTF garbage go to LibreOffice; test_reader_doc.py covers that path once.
    rng = random.Random(seed)
    for prefix in (b"PK\x03\x04", b"%PDF-1.7\n", b"<html><body>", b"MIME-Version: 1.0\r\n"):
        data = prefix + rng.randbytes(3000) + (b"%%EOF" if prefix.startswith(b"%PDF") else b"")
        try:
            read_bytes(data, "x.bin")
        except ParseError:
            pass


@pytest.mark.parametrize("cut", [10, 200, 0.25, 0.5, 0.75, 0.99])
def test_truncated_documents_are_parse_errors(cut: float) -> None:
    for name, data in _valid_documents():
        n = int(cut) if cut >= 1 else int(len(data) * cut)
        _message(data[:n], name)


def test_corrupted_bytes_inside_valid_documents_never_escape(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(7)
    for name, data in _valid_documents():
        for _ in range(15):
            damaged = bytearray(data)
            for _ in range(20):
                damaged[rng.randrange(len(damaged))] = rng.randrange(256)
            try:
                read_bytes(bytes(damaged), name)
            except ParseError:
                pass


def test_zip_limits_are_module_constants() -> None:
    assert common.MAX_UNZIPPED_BYTES == 200 * 1024 * 1024
