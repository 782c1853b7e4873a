"""`manage.py load_supervision_demo` adds a notice, an inspection with rectification items and
today's reminders to the demo, and a second run adds nothing."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.management import CommandError, call_command

from fazhi.supervision.models import Inspection, Notice, RectificationItem


def test_it_needs_the_demo_first(db: Any) -> None:
    with pytest.raises(CommandError, match="load_demo"):
        call_command("load_supervision_demo")


def test_it_loads_once(cast: Any, dispatched_000: Any, new_user: Any) -> None:
    from fazhi.accounts.models import Role

    new_user("office", Role.OFFICE, cast.district)
    call_command("load_supervision_demo")
    assert Notice.objects.filter(unit=cast.unit_a).count() == 1  # seed 000's 2024 deadlines are past
    assert Inspection.objects.count() == 1 and RectificationItem.objects.count() == 2
    call_command("load_supervision_demo")
    assert Notice.objects.count() == 1 and RectificationItem.objects.count() == 2
