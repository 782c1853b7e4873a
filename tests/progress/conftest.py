"""Progress tests reuse the platform cast and seed fixtures (tests/platform/conftest.py).

The platform conftest is loaded under its own module name (tests/ is not a package), and its
public names — the fixtures among them — are re-exported here. Evidence files go to a temporary
directory per test; sample files are in progress_samples.py.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

import pytest

_PLATFORM = Path(__file__).resolve().parents[1] / "platform"
if str(_PLATFORM) not in sys.path:
    sys.path.insert(0, str(_PLATFORM))  # the platform conftest imports platform_seeds by name
_spec = importlib.util.spec_from_file_location("platform_conftest", _PLATFORM / "conftest.py")
assert _spec is not None and _spec.loader is not None
_platform = importlib.util.module_from_spec(_spec)
sys.modules["platform_conftest"] = _platform
_spec.loader.exec_module(_platform)
globals().update({k: v for k, v in vars(_platform).items() if not k.startswith("_")})


@pytest.fixture(autouse=True)
def evidence_root(settings: Any, tmp_path: Path) -> Path:
    """Evidence is stored under a fresh temporary directory, never in var/."""
    root = tmp_path / "evidence"
    settings.FAZHI_EVIDENCE_ROOT = root
    return root


@pytest.fixture
def files() -> dict[str, bytes]:
    """One valid file of each accepted kind, by extension."""
    from progress_samples import DOC, JPG, PDF, PNG, ooxml

    return {"pdf": PDF, "png": PNG, "jpg": JPG, "doc": DOC, "docx": ooxml("word"), "xlsx": ooxml("xl")}
