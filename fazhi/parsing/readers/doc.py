"""Old Word .doc (and RTF/ODT): convert to .docx with headless LibreOffice, then read that.

Each conversion gets a private LibreOffice profile so concurrent uploads do not fight over the
user profile lock, and runs in its own process group so a hung converter can be killed whole.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from fazhi.parsing.model import RawText
from fazhi.parsing.readers.common import fail
from fazhi.parsing.readers.docx import docx_lines
from fazhi.soffice import ConversionTimeout, convert, find_soffice

CONVERT_TIMEOUT = 60  # seconds; the first run also creates the profile (a few seconds)


def convert_to_docx(data: bytes, filename: str, label: str, suffix: str) -> bytes:
    soffice = find_soffice()
    if soffice is None:
        raise fail(
            filename,
            f"是{label}格式,本机未安装LibreOffice;请安装 libreoffice-writer-nogui,或在Word/WPS中另存为.docx后再上传",
        )
    with tempfile.TemporaryDirectory(prefix="fazhi-soffice-") as tmp:
        src = Path(tmp, "input" + suffix)
        src.write_bytes(data)
        outdir = Path(tmp, "out")
        try:
            convert(soffice, src, "docx:MS Word 2007 XML", outdir, Path(tmp), CONVERT_TIMEOUT)
        except ConversionTimeout:
            raise fail(
                filename, f"转换超时({CONVERT_TIMEOUT}秒),无法读取;请在Word/WPS中另存为.docx后再上传"
            ) from None
        result = outdir / "input.docx"
        if not result.is_file() or result.stat().st_size == 0:
            raise fail(
                filename, f"是{label}格式,但无法转换(文件可能已损坏或加密);请在Word/WPS中另存为.docx后再上传"
            )
        return result.read_bytes()


def read_doc(data: bytes, filename: str, label: str = "旧版Word(.doc)", suffix: str = ".doc") -> RawText:
    lines, warnings = docx_lines(convert_to_docx(data, filename, label, suffix), filename)
    if not lines:
        raise fail(filename, "中没有文字内容")
    return RawText(
        lines=lines, source_format="doc", warnings=[f"已将{label}自动转换为.docx后读取", *warnings]
    )
