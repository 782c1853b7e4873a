"""The parser and the document writers must run without Django (CLI, workers, other tools).

Checked in a fresh interpreter: the test process itself may already have Django loaded by
pytest-django or the platform tests.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "tests" / "fixtures" / "seeds" / "000_2c654679abd70264.txt"

_CHECK = """
import sys
{body}
bad = sorted(m for m in sys.modules if m == "django" or m.startswith("django.") or m.startswith("django_"))
print("\\n".join(bad))
"""


def _django_modules_after(body: str) -> list[str]:
    r = subprocess.run(
        [sys.executable, "-c", _CHECK.format(body=body)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
    return [m for m in r.stdout.splitlines() if m]


def test_parsing_does_not_import_django() -> None:
    body = f"import fazhi.parsing\nplan = fazhi.parsing.parse_file({str(SEED)!r})\nassert plan.tasks"
    assert _django_modules_after(body) == []


def test_docgen_does_not_import_django(tmp_path: Path) -> None:
    out = tmp_path / "ledger.xlsx"
    body = (
        "import fazhi.docgen\n"
        "from fazhi.parsing import parse_file\n"
        f"fazhi.docgen.write_ledger(parse_file({str(SEED)!r}), {str(out)!r})"
    )
    assert _django_modules_after(body) == []
    assert out.stat().st_size > 0


def test_cli_module_does_not_import_django() -> None:
    assert _django_modules_after("import fazhi.cli") == []
