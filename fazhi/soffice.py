"""Headless LibreOffice, run the one way the project needs: one conversion per call.

Used by the .doc reader (doc → docx) and the report renderer (docx → pdf). Each run gets a
private profile under `workdir`, so concurrent conversions do not fight over the profile lock,
and its own process group, so a hung converter is killed whole on timeout.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
from pathlib import Path


class ConversionTimeout(Exception):
    """LibreOffice did not finish within the allowed time (it has been killed)."""


def find_soffice() -> str | None:
    """The LibreOffice executable on PATH, or None."""
    for name in ("soffice", "libreoffice"):
        path = shutil.which(name)
        if path:
            return path
    return None


def convert(
    soffice: str,
    src: Path,
    convert_to: str,
    outdir: Path,
    workdir: Path,
    timeout: float,
    env: dict[str, str] | None = None,
) -> tuple[int, str]:
    """Convert `src` into `outdir` (`convert_to` as LibreOffice names it, e.g. "pdf:writer_pdf_Export").

    Returns (exit code, the end of stderr); the caller checks the output file, because LibreOffice
    exits 0 on some failures. Raises ConversionTimeout after `timeout` seconds.
    """
    cmd = [
        soffice,
        f"-env:UserInstallation={Path(workdir, 'profile').as_uri()}",
        "--headless",
        "--norestore",
        "--nolockcheck",
        "--convert-to",
        convert_to,
        "--outdir",
        str(outdir),
        str(src),
    ]
    proc = subprocess.Popen(
        cmd,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
        env={**os.environ, "HOME": str(workdir), **(env or {})},
    )
    try:
        _, stderr = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        raise ConversionTimeout(f"LibreOffice did not finish within {timeout:g} s") from None
    return proc.returncode, stderr.decode("utf-8", "replace").strip()[-500:]
