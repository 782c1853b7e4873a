"""Shared fixtures of the platform tests: the demo registry, the cast, seed plans.

The cast (office clerk, leader, liaison of unit A, liaison of unit B) works in 天桥区; unit A is
天桥区司法局 and unit B is 天桥区委宣传部. Every access test also checks the refused user.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from platform_seeds import SEED_000, import_seed


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: Any, django_db_blocker: Any) -> None:
    """Load the demo unit registry once per session (tests roll back their own changes)."""
    from fazhi.units.demo_registry import REGISTRY
    from fazhi.units.loading import load_registry

    with django_db_blocker.unblock():
        load_registry(REGISTRY)


@pytest.fixture(autouse=True)
def parse_inline(settings: Any) -> None:
    """Run parse jobs where the on-commit callbacks run, not in a background thread."""
    settings.FAZHI_PARSE_IN_THREAD = False


@dataclass
class Cast:
    office: Any
    leader: Any
    liaison_a: Any
    liaison_b: Any
    unit_a: Any
    unit_b: Any
    district: Any

    def client(self, user: Any) -> Any:
        from django.test import Client

        c = Client()
        c.force_login(user)
        return c


def make_user(username: str, role: str, jurisdiction: Any, unit: Any = None) -> Any:
    from django.contrib.auth import get_user_model

    from fazhi.accounts.models import Profile

    user = get_user_model().objects.create_user(username=username)  # no password: tests force_login
    Profile.objects.create(user=user, role=role, jurisdiction=jurisdiction, unit=unit)
    return user


@pytest.fixture
def new_user(db: Any) -> Any:
    """make_user as a fixture: new_user(username, role, jurisdiction, unit=None)."""
    return make_user


@pytest.fixture
def cast(db: Any) -> Cast:
    from fazhi.accounts.models import Role
    from fazhi.units.models import Jurisdiction, Unit

    district = Jurisdiction.objects.get(name="天桥区")
    unit_a = Unit.objects.get(name="天桥区司法局")
    unit_b = Unit.objects.get(name="天桥区委宣传部")
    return Cast(
        office=make_user("clerk", Role.OFFICE, district),
        leader=make_user("leader", Role.LEADER, district),
        liaison_a=make_user("liaison_a", Role.LIAISON, district, unit_a),
        liaison_b=make_user("liaison_b", Role.LIAISON, district, unit_b),
        unit_a=unit_a,
        unit_b=unit_b,
        district=district,
    )


@pytest.fixture
def revised_job(cast: Cast, django_capture_on_commit_callbacks: Any) -> Any:
    """A draft of seed 000 with one more line (other content, so not a duplicate of plan_000)."""
    data = SEED_000.read_bytes() + "\n（修订稿）\n".encode()
    return import_seed(SEED_000, cast.office, cast.district, django_capture_on_commit_callbacks, data)


@pytest.fixture
def job_000(cast: Cast, django_capture_on_commit_callbacks: Any) -> Any:
    """Seed 000 parsed into a draft, not yet confirmed."""
    return import_seed(SEED_000, cast.office, cast.district, django_capture_on_commit_callbacks)


@pytest.fixture
def plan_000(cast: Cast, job_000: Any) -> Any:
    """Seed 000 confirmed (not dispatched)."""
    from fazhi.plans.services import confirm_import

    return confirm_import(job_000, cast.office)


@pytest.fixture
def dispatched_000(cast: Cast, plan_000: Any) -> Any:
    """Seed 000 confirmed and dispatched."""
    from fazhi.ledger.dispatch import dispatch

    dispatch(plan_000, cast.office)
    plan_000.refresh_from_db()
    return plan_000
