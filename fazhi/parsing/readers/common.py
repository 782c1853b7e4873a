"""Helpers shared by the readers: user-facing errors, table-row formatting, zip-bomb guard."""

from __future__ import annotations

import io
import os
import re
import zipfile
from collections.abc import Iterable

from fazhi.parsing.model import ParseError

MAX_BYTES = 50 * 1024 * 1024
# A docx/xlsx is a zip: refuse archives that would inflate beyond this, or that compress
# suspiciously well while being large (a zip bomb), before any library unpacks them.
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024
MAX_ZIP_RATIO = 100
ZIP_RATIO_MIN_BYTES = 10 * 1024 * 1024
MAX_ZIP_ENTRIES = 10_000

_WS = re.compile(r"\s+")


def display_name(filename: str) -> str:
    """The basename, made safe for a one-line message."""
    name = os.path.basename(filename.replace("\\", "/")) if filename else ""
    name = _WS.sub(" ", name).strip()
    return name or "未命名"


def fail(filename: str, problem: str) -> ParseError:
    """A ParseError whose message names the file: 文件“x”<problem>。"""
    msg = f"文件“{display_name(filename)}”{problem}"
    msg = _WS.sub(" ", msg).strip()
    if not msg.endswith("。"):
        msg += "。"
    return ParseError(msg)


def cell_text(text: str) -> str:
    """A table cell on one line: inner newlines (and runs of whitespace) become one space."""
    return " ".join(text.split())


def table_row(cells: Iterable[str]) -> str | None:
    """`| a | b |`, or None when every cell is empty (empty rows are skipped)."""
    texts = [cell_text(c) for c in cells]
    if not any(texts):
        return None
    return "| " + " | ".join(texts) + " |"


def open_zip_guarded(data: bytes, filename: str, kind: str) -> zipfile.ZipFile:
    """Open an OOXML zip after checking its declared sizes; raise ParseError when unsafe or corrupt.

    zipfile stops inflating an entry at its declared size (and then fails the CRC), so the
    declared sizes are a real bound on what a reader can be made to unpack.
    """
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except Exception as exc:  # BadZipFile, NotImplementedError (odd zip versions), OSError...
        raise fail(
            filename, f"不是有效的{kind}文件或已损坏,无法打开;请用Word/WPS/Excel打开后重新保存再上传"
        ) from exc
    total = sum(i.file_size for i in infos)
    packed = sum(i.compress_size for i in infos)
    bomb = (
        len(infos) > MAX_ZIP_ENTRIES
        or total > MAX_UNZIPPED_BYTES
        or (total > ZIP_RATIO_MIN_BYTES and total > MAX_ZIP_RATIO * max(packed, 1))
    )
    if bomb:
        zf.close()
        raise fail(
            filename,
            f"解压后体积异常({total // (1024 * 1024)} MB,压缩比过高),疑似压缩炸弹,已拒绝读取",
        )
    return zf
