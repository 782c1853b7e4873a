"""Render a .docx to PDF with headless LibreOffice, with the 公文 fonts mapped to free faces.

Our documents name the official fonts (仿宋_GB2312, 方正小标宋简体 …), which servers do not have;
without a mapping LibreOffice falls back to whatever it likes, often a Latin face, and Chinese
comes out as boxes. Each run therefore gets:

1. a generated fontconfig file that includes the system configuration and then
   `fonts/fazhi-fonts.conf` (the aliases), passed through FONTCONFIG_FILE;
2. a private LibreOffice profile (-env:UserInstallation), so concurrent renders and the
   readers' .doc conversions never fight over the profile lock;
3. its own process group, so a hung converter is killed whole when the timeout expires.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from fazhi.soffice import ConversionTimeout, convert, find_soffice

FONTS_DIR = Path(__file__).resolve().parent / "fonts"
ALIAS_FILE = FONTS_DIR / "fazhi-fonts.conf"
SYSTEM_FONTCONFIG = Path("/etc/fonts/fonts.conf")
RENDER_TIMEOUT = 120  # seconds; a first run also creates the profile, a few seconds


class RenderError(RuntimeError):
    """The PDF could not be produced; the message is for the office user, in Chinese."""


class SofficeNotFoundError(RenderError):
    """LibreOffice is not installed on this machine."""

    def __init__(self) -> None:
        super().__init__(
            "未找到 LibreOffice(soffice),无法将公文转换为 PDF。"
            "请安装 libreoffice-writer-nogui(Debian/Ubuntu: apt-get install libreoffice-writer-nogui),"
            "或直接下载 Word 文件用 Word/WPS 打开。"
        )


def fontconfig_text(alias_file: Path = ALIAS_FILE, system_config: Path = SYSTEM_FONTCONFIG) -> str:
    """A fontconfig file: the system configuration (font dirs, caches, rules) plus our aliases."""
    return (
        '<?xml version="1.0"?>\n'
        '<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n'
        "<fontconfig>\n"
        f'  <include ignore_missing="yes">{system_config}</include>\n'
        f"  <include>{alias_file}</include>\n"
        "</fontconfig>\n"
    )


def render_pdf(
    docx_path: str | os.PathLike[str], out_dir: str | os.PathLike[str], *, timeout: float = RENDER_TIMEOUT
) -> Path:
    """Convert `docx_path` to `<out_dir>/<stem>.pdf` and return that path.

    Raises SofficeNotFoundError when LibreOffice is missing and RenderError when the conversion
    fails or exceeds `timeout` seconds.
    """
    soffice = find_soffice()
    if soffice is None:
        raise SofficeNotFoundError()
    src = Path(docx_path).resolve()
    if not src.is_file():
        raise RenderError(f"找不到要转换的文件:{src}")
    out = Path(out_dir).resolve()
    out.mkdir(parents=True, exist_ok=True)
    target = out / (src.stem + ".pdf")
    # A stale PDF from an earlier run would hide a failed conversion.
    target.unlink(missing_ok=True)

    with tempfile.TemporaryDirectory(prefix="fazhi-render-") as tmp:
        fc_file = Path(tmp, "fonts.conf")
        fc_file.write_text(fontconfig_text(), encoding="utf-8")
        try:
            returncode, detail = convert(
                soffice,
                src,
                "pdf:writer_pdf_Export",
                out,
                Path(tmp),
                timeout,
                env={"FONTCONFIG_FILE": str(fc_file)},
            )
        except ConversionTimeout:
            raise RenderError(f"LibreOffice 转换 PDF 超时({timeout:g}秒):{src.name}") from None
    if not target.is_file() or target.stat().st_size == 0:
        raise RenderError(
            f"LibreOffice 未能将 {src.name} 转换为 PDF(退出码 {returncode}){':' + detail if detail else ''}"
        )
    return target


__all__ = ["RenderError", "SofficeNotFoundError", "find_soffice", "fontconfig_text", "render_pdf"]
