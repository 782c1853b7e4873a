"""The report .docx rendered by LibreOffice (headless) to PDF and by pdftoppm to PNG: Chinese
glyphs render (CJK fonts embedded, text extracts back, no replacement boxes), and the page
images are kept in test-artifacts/annual_reports/ for a human look."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from django.urls import reverse

from fazhi.docgen.render import find_soffice, render_pdf

pytestmark = pytest.mark.skipif(
    find_soffice() is None or shutil.which("pdftoppm") is None or shutil.which("pdffonts") is None,
    reason="LibreOffice (soffice) or poppler-utils is not installed; `make sysdeps` installs them",
)
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "annual_reports"
CJK_FONT = re.compile(r"Noto(Serif|Sans)CJK|WenQuanYi|Fandol|ARPL|UKai|UMing", re.I)


def test_the_report_renders_to_pdf_and_png_with_chinese_glyphs(cast: Any, year_2024: Any) -> None:
    from fazhi.annual_reports.services import create_report

    report = create_report(cast.district, 2024, "government", cast.office)
    response = cast.client(cast.office).get(reverse("report-docx", args=[report.pk]))
    assert response.status_code == 200
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    docx = ARTIFACTS / "annual_report_2024.docx"
    docx.write_bytes(response.content)

    pdf = render_pdf(docx, ARTIFACTS)
    for old in ARTIFACTS.glob("annual_report_2024-*.png"):
        old.unlink()
    subprocess.run(
        ["pdftoppm", "-r", "80", "-png", str(pdf), str(ARTIFACTS / "annual_report_2024")], check=True
    )
    pngs = sorted(ARTIFACTS.glob("annual_report_2024-*.png"))
    assert pngs and all(p.stat().st_size > 10_000 for p in pngs)

    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    rows = fonts.splitlines()[2:]
    assert rows and all(CJK_FONT.search(r.split()[0]) for r in rows), fonts  # no Latin-only fallback
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    flat = re.sub(r"\s+", "", text)
    for expected in (
        "天桥区2024年度法治政府建设工作报告",
        "一、2024年度法治政府建设的主要举措和成效",
        "二、2024年度法治政府建设存在的不足和原因",
        "共部署法治政府建设任务18项，已完成6项，完成率33.33%",
        "天桥区人民政府",
    ):
        assert expected in flat, expected
    assert "\ufffd" not in text and "□" not in text


def test_the_artifacts_directory_is_git_ignored() -> None:
    root = Path(__file__).resolve().parents[2]
    assert "test-artifacts/" in (root / ".gitignore").read_text().splitlines()
