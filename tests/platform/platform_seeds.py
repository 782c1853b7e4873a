"""Paths of the seed documents used by the platform tests (importable by name from the tests)."""

from pathlib import Path
from typing import Any

SEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "seeds"
SEED_000 = SEEDS / "000_2c654679abd70264.txt"
SEED_002 = SEEDS / "002_d0914789c651349d.txt"
SEED_003 = SEEDS / "003_12f87d2dbc5014d3.txt"


def import_seed(path: Path, user: Any, jurisdiction: Any, capture: Any, data: bytes | None = None) -> Any:
    """Upload a seed through the service and run its parse job; returns the ImportJob."""
    from fazhi.plans.models import ImportJob
    from fazhi.plans.services import start_import

    data = path.read_bytes() if data is None else data
    with capture(execute=True):
        result = start_import(user=user, jurisdiction=jurisdiction, filename=path.name, data=data)
    return ImportJob.objects.get(pk=result.job.pk)
