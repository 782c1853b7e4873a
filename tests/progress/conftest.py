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


def _assignment(plan: Any, number: str, unit: Any) -> Any:
    from fazhi.ledger.models import Assignment

    return Assignment.objects.select_related("task__plan", "unit").get(
        task__plan=plan, task__number=number, unit=unit
    )


@pytest.fixture
def a_part(cast: Any, dispatched_000: Any) -> Any:
    """Unit A's assignment as a responsible unit on task 5 (led by 政法委; unit B not on it)."""
    return _assignment(dispatched_000, "5", cast.unit_a)


@pytest.fixture
def a_lead(cast: Any, dispatched_000: Any) -> Any:
    """Unit A's assignment as the lead unit of task 11 (two targets; unit B is responsible)."""
    return _assignment(dispatched_000, "11", cast.unit_a)


@pytest.fixture
def b_part(cast: Any, dispatched_000: Any) -> Any:
    """Unit B's assignment as a responsible unit on task 11 (led by unit A)."""
    return _assignment(dispatched_000, "11", cast.unit_b)


@pytest.fixture
def report_of() -> Any:
    """report_of(assignment, user, submit=True, **fields): a report written through the service."""
    from fazhi.progress import services

    def make(assignment: Any, user: Any, submit: bool = True, **fields: Any) -> Any:
        period = services.period_choices(assignment)[0].key
        data = services.ReportInput(
            period=period, status=fields.pop("status", "in_progress"), text="已召开专题会议", **fields
        )
        return services.create_report(assignment, user, data, submit=submit)

    return make
