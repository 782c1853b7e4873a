"""Decide a document's format from its bytes; the file extension only breaks ties.

Uploads are often misnamed (a .doc that is really HTML or RTF, a .txt that is a .docx), so
content wins whenever it is conclusive.
"""

from __future__ import annotations

import io
import os
import re
import zipfile
from dataclasses import dataclass

READABLE = frozenset({"txt", "docx", "doc", "pdf", "html", "xlsx", "xls", "convert", "encrypted"})


@dataclass(frozen=True)
class Sniffed:
    """`kind` is one of READABLE or "unsupported"; `label` names the type for messages."""

    kind: str
    label: str = ""


_MAGIC: list[tuple[bytes, str]] = [
    (b"\x89PNG\r\n\x1a\n", "PNG图片"),
    (b"\xff\xd8\xff", "JPEG图片"),
    (b"GIF87a", "GIF图片"),
    (b"GIF89a", "GIF图片"),
    (b"II*\x00", "TIFF图片"),
    (b"MM\x00*", "TIFF图片"),
    (b"Rar!\x1a\x07", "RAR压缩包"),
    (b"7z\xbc\xaf\x27\x1c", "7z压缩包"),
    (b"\x1f\x8b", "gzip压缩包"),
    (b"MZ", "Windows可执行程序"),
    (b"\x7fELF", "可执行程序"),
    (b"%!PS", "PostScript文件"),
]

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_HTML_STRONG = re.compile(rb"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta\s[^>]*charset", re.I)
_HTML_WEAK = re.compile(rb"<(p|div|table|br|span|h[1-6]|ul|ol|font|center)[\s/>]", re.I)
_HTML_EXT = {".htm", ".html", ".shtml", ".xhtml", ".asp", ".aspx", ".jsp", ".php"}


def _ext(filename: str) -> str:
    return os.path.splitext(filename.lower())[1]


def _utf16le(name: str) -> bytes:
    return name.encode("utf-16-le")


def _sniff_ole(data: bytes, ext: str) -> Sniffed:
    # OLE directory entries store stream names in UTF-16LE; their presence tells the application.
    if _utf16le("EncryptedPackage") in data:
        return Sniffed("encrypted", "加密的Office文档")
    if _utf16le("WordDocument") in data:
        return Sniffed("doc")
    if _utf16le("Workbook") in data or _utf16le("Book\x00") in data:
        return Sniffed("xls")
    if _utf16le("PowerPoint Document") in data:
        return Sniffed("unsupported", "PowerPoint演示文稿(.ppt)")
    if ext in {".doc", ".wps", ".dot"}:
        return Sniffed("doc")
    if ext in {".xls", ".et"}:
        return Sniffed("xls")
    return Sniffed("unsupported", "OLE复合文档(非Word/Excel)")


def _sniff_zip(data: bytes, ext: str) -> Sniffed:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
            mimetype = zf.read("mimetype")[:100] if "mimetype" in names else b""
    except Exception:
        # Damaged archive: the local headers usually survive, so look for the main part's name;
        # the reader then reports the damage with the right wording.
        if b"word/document.xml" in data or ext in {".docx", ".docm", ".dotx"}:
            return Sniffed("docx")
        if b"xl/workbook.xml" in data or ext in {".xlsx", ".xlsm"}:
            return Sniffed("xlsx")
        return Sniffed("unsupported", "已损坏的压缩包")
    if "word/document.xml" in names:
        return Sniffed("docx")
    if "xl/workbook.xml" in names:
        return Sniffed("xlsx")
    if "ppt/presentation.xml" in names:
        return Sniffed("unsupported", "PowerPoint演示文稿(.pptx)")
    if mimetype.startswith(b"application/vnd.oasis.opendocument.text"):
        return Sniffed("convert", "ODF文本文档(.odt)")
    if "OFD.xml" in names:
        return Sniffed("unsupported", "OFD版式文件(请导出为PDF)")
    # An archive whose part names are damaged: let the reader the name asks for report the damage.
    if ext in {".docx", ".docm", ".dotx"}:
        return Sniffed("docx")
    if ext in {".xlsx", ".xlsm"}:
        return Sniffed("xlsx")
    return Sniffed("unsupported", "ZIP压缩包")


def looks_like_html(data: bytes, filename: str = "") -> bool:
    head = data[:4096]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = head.decode("utf-16", errors="ignore").encode("utf-8", errors="ignore")
    if _HTML_STRONG.search(head):
        return True
    return _ext(filename) in _HTML_EXT and bool(_HTML_WEAK.search(head))


def looks_like_mht(data: bytes) -> bool:
    head = data[:2048].lower()
    return head.lstrip().startswith(b"mime-version:") or (
        b"mime-version:" in head and b"multipart/related" in head
    )


def sniff(data: bytes, filename: str) -> Sniffed:
    """The format of `data`; see READABLE."""
    ext = _ext(filename)
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        return _sniff_zip(data, ext)
    if data.startswith(_OLE_MAGIC):
        return _sniff_ole(data, ext)
    if b"%PDF-" in data[:1024]:
        return Sniffed("pdf")
    if data.lstrip()[:5] == b"{\\rtf":
        return Sniffed("convert", "RTF文档")
    # BMP's two reserved header fields are zero; "BM" alone could start a text file.
    if data.startswith(b"BM") and data[6:10] == b"\x00\x00\x00\x00":
        return Sniffed("unsupported", "BMP图片")
    if data[8:12] == b"WEBP" and data.startswith(b"RIFF"):
        return Sniffed("unsupported", "WEBP图片")
    for magic, label in _MAGIC:
        if data.startswith(magic):
            return Sniffed("unsupported", label)
    if looks_like_mht(data) or looks_like_html(data, filename):
        return Sniffed("html")
    return Sniffed("txt")
