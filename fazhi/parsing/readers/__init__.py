"""Document readers: bytes of a plan in any supported format → `RawText` lines.

    from fazhi.parsing.readers import read_bytes, read_file
    raw = read_file("plan.docx")      # RawText(lines=[...], source_format="docx")

The format comes from the content (see sniff.py), not the extension. Every failure is a
`ParseError` with a one-line Chinese message naming the file; nothing else escapes.
"""

from __future__ import annotations

import logging
import os

from fazhi.parsing.model import ParseError, RawText
from fazhi.parsing.readers.common import MAX_BYTES, fail
from fazhi.parsing.readers.sniff import Sniffed, sniff

__all__ = ["MAX_BYTES", "read_bytes", "read_file", "sniff", "Sniffed"]

log = logging.getLogger(__name__)
_MB = 1024 * 1024


def _dispatch(data: bytes, filename: str, kind: Sniffed) -> RawText:
    from fazhi.parsing.readers import doc, docx, html, pdf, txt, xlsx

    if kind.kind == "txt":
        return txt.read_txt(data, filename)
    if kind.kind == "docx":
        return docx.read_docx(data, filename)
    if kind.kind == "xlsx":
        return xlsx.read_xlsx(data, filename)
    if kind.kind == "pdf":
        return pdf.read_pdf(data, filename)
    if kind.kind == "html":
        return html.read_html(data, filename)
    if kind.kind == "doc":
        return doc.read_doc(data, filename)
    if kind.kind == "convert":
        suffix = ".odt" if "odt" in kind.label else ".rtf"
        return doc.read_doc(data, filename, label=kind.label, suffix=suffix)
    if kind.kind == "xls":
        raise fail(filename, "是旧版Excel(.xls)格式,无法直接读取;请在Excel/WPS中另存为.xlsx后再上传")
    if kind.kind == "encrypted":
        raise fail(filename, "已加密(受密码保护的Office文档),无法读取;请先解除密码保护后再上传")
    raise fail(filename, f"是{kind.label},不是支持的文档格式;请上传docx、doc、pdf、html、xlsx或txt文件")


def read_bytes(data: bytes, filename: str, *, max_bytes: int = MAX_BYTES) -> RawText:
    """Read a document from memory; `filename` is used for messages and as a format hint."""
    if not data:
        raise fail(filename, "是空文件(0字节),无法读取;请检查文件后重新上传")
    if len(data) > max_bytes:
        raise fail(filename, f"超过{max_bytes // _MB} MB的大小上限,无法读取;请拆分或压缩后再上传")
    kind = sniff(data, filename)
    try:
        return _dispatch(data, filename, kind)
    except ParseError:
        raise
    except Exception as exc:
        # A library failure no reader anticipated: the user still gets one line, the log the trace.
        log.exception("reader %s failed on %r", kind.kind, filename)
        raise fail(
            filename, f"读取时出错({type(exc).__name__}),无法读取;请另存为.docx或.txt后再上传"
        ) from exc


def read_file(path: str, *, max_bytes: int = MAX_BYTES) -> RawText:
    """Read a document from disk, refusing oversized files before loading them."""
    try:
        size = os.path.getsize(path)
        if size > max_bytes:
            raise fail(path, f"超过{max_bytes // _MB} MB的大小上限,无法读取;请拆分或压缩后再上传")
        with open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        raise fail(path, "不存在或无法打开") from exc
    return read_bytes(data, path, max_bytes=max_bytes)
