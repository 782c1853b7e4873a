"""`manage.py load_demo`: registry, seed plans 000/002/003 dispatched, one account per role; idempotent."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.core.management import call_command


@pytest.mark.django_db
def test_load_demo_loads_everything_once(django_capture_on_commit_callbacks: Any) -> None:
    from fazhi.accounts.models import Profile
    from fazhi.ledger.models import Assignment
    from fazhi.plans.models import Plan

    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", stdout=out, stderr=out)
    titles = {p.jurisdiction.name: (p.tasks.count(), p.dispatched_at is not None) for p in Plan.objects.all()}
    assert titles == {"天桥区": (18, True), "龙泉市": (23, True), "红桥区": (94, True)}
    assert set(Profile.objects.values_list("role", flat=True)) == {"office", "leader", "liaison", "inspector"}
    assert "fazhi-demo" in out.getvalue() and "liaison_sfj" in out.getvalue()
    assert "新建单位" not in out.getvalue(), "every unit name of the seeds matches the demo registry"
    counts = (Plan.objects.count(), Assignment.objects.count())
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", stdout=io.StringIO(), stderr=io.StringIO())
    assert (Plan.objects.count(), Assignment.objects.count()) == counts


@pytest.mark.django_db
def test_load_demo_parses_in_process_even_when_uploads_use_threads(settings: Any, monkeypatch: Any) -> None:
    from fazhi.plans import services
    from fazhi.plans.models import Plan

    settings.FAZHI_PARSE_IN_THREAD = True
    monkeypatch.setattr(services, "enqueue_parse", lambda job: pytest.fail("the loader must not enqueue"))
    call_command("load_demo", stdout=io.StringIO(), stderr=io.StringIO())
    assert Plan.objects.count() == 3
