"""Fixtures for the reader tests; the builders live in reader_builders.py."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from reader_builders import DOCS, build_ledger_xlsx, build_plan_docx, soffice_path


@pytest.fixture
def plan_docx() -> bytes:
    return build_plan_docx()


@pytest.fixture
def ledger_xlsx() -> bytes:
    return build_ledger_xlsx()


@pytest.fixture
def ruled_pdf() -> bytes:
    return (DOCS / "ruled_table_plan.pdf").read_bytes()


@pytest.fixture
def needs_soffice() -> Callable[[], str]:
    path = soffice_path()
    if path is None:
        pytest.skip("LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui")
    return lambda: path
