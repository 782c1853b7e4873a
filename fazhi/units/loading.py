"""Create or update registry entries from plain data (demo registry, spreadsheets)."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from fazhi.units.models import Jurisdiction, Unit, UnitAlias, UnitGroup


@transaction.atomic
def load_registry(registry: list[dict[str, Any]]) -> dict[str, Jurisdiction]:
    """Load jurisdictions, units, aliases and groups; running it twice changes nothing."""
    loaded: dict[str, Jurisdiction] = {}
    for district in registry:
        parent = None
        if district.get("parent"):
            pname, pshort = district["parent"]
            parent, _ = Jurisdiction.objects.get_or_create(
                parent=None, name=pname, defaults={"short_name": pshort, "level": Jurisdiction.Level.CITY}
            )
        jur, _ = Jurisdiction.objects.get_or_create(
            parent=parent,
            name=district["name"],
            defaults={"short_name": district.get("short_name", ""), "level": Jurisdiction.Level.DISTRICT},
        )
        loaded[jur.name] = jur
        groups = {
            key: UnitGroup.objects.get_or_create(jurisdiction=jur, name=name, defaults={"aliases": aliases})[
                0
            ]
            for key, (name, aliases) in district.get("groups", {}).items()
        }
        for row in district["units"]:
            unit, _ = Unit.objects.get_or_create(
                jurisdiction=jur,
                name=row["name"],
                defaults={"short_name": row.get("short_name", ""), "kind": row.get("kind", Unit.Kind.OTHER)},
            )
            for alias in row.get("aliases", []):
                UnitAlias.objects.get_or_create(unit=unit, name=alias)
            for key in row.get("groups", []):
                groups[key].members.add(unit)
    return loaded
