"""Supervision tests reuse the platform cast and seed fixtures (tests/platform/conftest.py).

The platform conftest is loaded under its own module name (tests/ is not a package) and its
public names — the fixtures among them — are re-exported here. Evidence goes to a temporary
directory; the cached holiday calendar is dropped around every test (a rolled-back override
must not outlive its test).
"""

from __future__ import annotations

import datetime as dt
import http.server
import importlib.util
import json
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

_PLATFORM = Path(__file__).resolve().parents[1] / "platform"
if str(_PLATFORM) not in sys.path:
    sys.path.insert(0, str(_PLATFORM))  # the platform conftest imports platform_seeds by name
_platform = sys.modules.get("platform_conftest")
if _platform is None:
    _spec = importlib.util.spec_from_file_location("platform_conftest", _PLATFORM / "conftest.py")
    assert _spec is not None and _spec.loader is not None
    _platform = importlib.util.module_from_spec(_spec)
    sys.modules["platform_conftest"] = _platform
    _spec.loader.exec_module(_platform)
globals().update({k: v for k, v in vars(_platform).items() if not k.startswith("_")})


@pytest.fixture(autouse=True)
def fresh_calendar() -> Any:
    from fazhi.supervision.workcalendar import invalidate_calendar

    invalidate_calendar()
    yield
    invalidate_calendar()


@pytest.fixture(autouse=True)
def evidence_root(settings: Any, tmp_path: Path) -> Path:
    root = tmp_path / "evidence"
    settings.FAZHI_EVIDENCE_ROOT = root
    return root


@pytest.fixture
def overdue_a(cast: Any, dispatched_000: Any) -> Any:
    """An assignment of unit A (天桥区司法局), 10 days past its deadline, not done."""
    from django.utils import timezone

    from fazhi.ledger.models import Assignment

    assignment = Assignment.objects.filter(task__plan=dispatched_000, unit=cast.unit_a).order_by("pk").first()
    assignment.deadline = timezone.localdate() - dt.timedelta(days=10)
    assignment.save()
    return assignment


@pytest.fixture
def notice_a(cast: Any, overdue_a: Any) -> Any:
    """A 督办单 to unit A about its overdue assignment."""
    from fazhi.supervision.services import issue_notice

    return issue_notice(assignment=overdue_a, user=cast.office, requirement="请说明原因并尽快完成。")


@pytest.fixture
def inspection(cast: Any) -> Any:
    from django.utils import timezone

    from fazhi.supervision.services import create_inspection

    return create_inspection(
        user=cast.office,
        jurisdiction=cast.district,
        name="2024年法治政府建设督察",
        date=timezone.localdate(),
        units=[cast.unit_a, cast.unit_b],
    )


@pytest.fixture
def item_a(cast: Any, inspection: Any) -> Any:
    """An open rectification item of unit A, due in 20 days."""
    from django.utils import timezone

    from fazhi.supervision.services import record_finding

    finding = record_finding(
        inspection=inspection,
        user=cast.office,
        unit=cast.unit_a,
        text="行政执法公示信息更新不及时",
        deadline=timezone.localdate() + dt.timedelta(days=20),
    )
    return finding.rectification


class _Robot(http.server.BaseHTTPRequestHandler):
    received: list[dict[str, Any]] = []
    status = 200

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        type(self).received.append({"body": json.loads(body), "type": self.headers["Content-Type"]})
        self.send_response(type(self).status)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(b'{"errcode": 0, "errmsg": "ok"}')

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def robot() -> Iterator[tuple[str, type[_Robot]]]:
    handler = type("Robot", (_Robot,), {"received": [], "status": 200})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/robot/send?access_token=t", handler
    server.shutdown()
    server.server_close()
