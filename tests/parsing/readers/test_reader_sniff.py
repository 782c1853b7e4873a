import io
import zipfile

import pytest

from fazhi.parsing.readers.sniff import sniff


def _zip(names: list[str]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name in names:
            zf.writestr(name, "x")
    return buf.getvalue()


OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504


@pytest.mark.parametrize(
    ("data", "filename", "kind"),
    [
        (_zip(["[Content_Types].xml", "word/document.xml"]), "plan.txt", "docx"),
        (_zip(["[Content_Types].xml", "xl/workbook.xml"]), "plan.docx", "xlsx"),
        (b"%PDF-1.7\n...", "plan.doc", "pdf"),
        (OLE + "WordDocument".encode("utf-16-le"), "plan.xls", "doc"),
        (OLE + "Workbook".encode("utf-16-le"), "ledger.doc", "xls"),
        (OLE + "EncryptedPackage".encode("utf-16-le"), "plan.docx", "encrypted"),
        (OLE, "plan.doc", "doc"),  # directory unreadable: the extension breaks the tie
        (b"<!DOCTYPE html><html><body>x</body></html>", "plan.doc", "html"),
        (b"\xef\xbb\xbf<html>", "plan.txt", "html"),
        (b"<p>\xb7\xa8\xd6\xce</p>", "page.htm", "html"),
        (b"<p>\xb7\xa8\xd6\xce</p>", "notes.txt", "txt"),  # a stray tag in a .txt is still text
        (b"MIME-Version: 1.0\r\nContent-Type: multipart/related;", "plan.doc", "html"),
        (b"{\\rtf1\\ansi ...}", "plan.doc", "convert"),
        ("一、总体要求".encode("gbk"), "plan.html", "txt"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "plan.pdf", "unsupported"),
        (_zip(["a.txt", "b.txt"]), "plans.zip", "unsupported"),
        (_zip(["mimetype", "content.xml"]), "plan.odt", "unsupported"),
    ],
)
def test_it_trusts_content_over_the_extension(data: bytes, filename: str, kind: str) -> None:
    assert sniff(data, filename).kind == kind


def test_a_damaged_docx_is_still_sent_to_the_docx_reader() -> None:
    data = _zip(["[Content_Types].xml", "word/document.xml"])
    assert sniff(data[:-30], "x.bin").kind == "docx"


def test_unsupported_types_carry_a_chinese_label() -> None:
    assert sniff(b"\xff\xd8\xff\xe0", "scan.jpg").label == "JPEG图片"
    assert "PowerPoint" in sniff(_zip(["ppt/presentation.xml"]), "a.pptx").label
