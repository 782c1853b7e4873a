"""Unit-name matching against the demo registry: printed name → registry entry."""

from __future__ import annotations

from typing import Any

import pytest

from fazhi.units.matching import normalise

TIANQIAO = [
    # printed name, method, expected full name (unit) or group name
    ("区司法局", "exact", "天桥区司法局"),
    ("天桥区司法局", "exact", "天桥区司法局"),
    ("依法治区办", "alias", "天桥区委全面依法治区委员会办公室"),
    ("区委依法治区办", "exact", "天桥区委全面依法治区委员会办公室"),
    ("区委全面依法治区委员会办公室", "normalised", "天桥区委全面依法治区委员会办公室"),
    ("区政府办", "normalised", "天桥区人民政府办公室"),
    ("区人民政府办公室", "normalised", "天桥区人民政府办公室"),
    ("区人民法院", "normalised", "天桥区人民法院"),
    ("各街道", "group", "各街道"),
    ("区各部门", "group", "区各部门"),
    ("区各行政执法部门(单位)", "group", "区各行政执法部门(单位)"),
    ("各行政执法机关", "group", "区各行政执法部门(单位)"),
]
HONGQIAO = [
    ("公安红桥分局", "normalised", "红桥区公安分局"),
    ("区政府办", "normalised", "红桥区人民政府办公室"),
    ("规自分局", "alias", "红桥区规划和自然资源局红桥分局"),
    ("其他部门", "group", "其他部门"),
    ("区生态局", "normalised", "红桥区生态环境局"),
]


def _registry(name: str) -> Any:
    from fazhi.units.matching import Registry
    from fazhi.units.models import Jurisdiction

    return Registry(Jurisdiction.objects.get(name=name).descendant_ids())


def _label(registry: Any, match: Any) -> str:
    return (registry.group_names if match.kind == "group" else registry.names)[match.id]


@pytest.mark.django_db
@pytest.mark.parametrize(("printed", "method", "expected"), TIANQIAO)
def test_it_matches_tianqiao_names(printed: str, method: str, expected: str) -> None:
    registry = _registry("天桥区")
    match = registry.match(printed)
    assert (match.method, _label(registry, match)) == (method, expected)


@pytest.mark.django_db
@pytest.mark.parametrize(("printed", "method", "expected"), HONGQIAO)
def test_it_matches_hongqiao_names(printed: str, method: str, expected: str) -> None:
    registry = _registry("红桥区")
    match = registry.match(printed)
    assert (match.method, _label(registry, match)) == (method, expected)


@pytest.mark.django_db
def test_an_unknown_name_is_unresolved_but_gets_candidates() -> None:
    match = _registry("天桥区").match("区司法所")
    assert match.method == "none" and not match.resolved
    assert match.candidates and match.candidates[0].name == "天桥区司法局"


@pytest.mark.django_db
def test_a_name_reaching_two_units_is_ambiguous() -> None:
    from fazhi.units.models import Jurisdiction, Unit, UnitAlias

    jur = Jurisdiction.objects.get(name="天桥区")
    other = Unit.objects.create(jurisdiction=jur, name="天桥区司法所")
    UnitAlias.objects.create(unit=other, name="司法部门")
    UnitAlias.objects.create(unit=Unit.objects.get(name="天桥区司法局"), name="司法部门")
    match = _registry("天桥区").match("司法部门")
    assert match.method == "ambiguous" and not match.resolved
    assert {c.name for c in match.candidates} == {"天桥区司法所", "天桥区司法局"}


@pytest.mark.django_db
def test_a_name_from_another_district_does_not_match() -> None:
    assert not _registry("天桥区").match("区政务服务办").resolved


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("区委依法治区办", "区委全面依法治区委员会办公室"),
        ("区政府办", "区政府办公室"),
        ("市府办", "市政府办公室"),
        ("区人民检察院", "区检察院"),
    ],
)
def test_normalised_forms_meet(a: str, b: str) -> None:
    assert normalise(a) == normalise(b)


def test_place_names_are_dropped() -> None:
    assert normalise("公安红桥分局", ["红桥区", "红桥"]) == normalise("区公安分局", ["红桥区", "红桥"])


@pytest.mark.django_db
@pytest.mark.parametrize("printed", ["市委组织部", "市委依法治市办", "市司法局", "县法院"])
def test_a_name_of_another_level_does_not_match_a_district_unit(printed: str) -> None:
    match = _registry("天桥区").match(printed)
    assert not match.resolved and match.method == "none"


@pytest.mark.django_db
def test_a_county_level_city_matches_its_own_city_prefixed_names() -> None:
    registry = _registry("龙泉市")
    match = registry.match("市府办")
    assert (match.method, _label(registry, match)) == ("alias", "龙泉市人民政府办公室")
    match = registry.match("市人民法院")
    assert (match.method, _label(registry, match)) == ("normalised", "龙泉市人民法院")


def test_a_traditional_name_matches_its_simplified_registry_entry():
    from fazhi.units.matching import clean

    assert clean("天橋區司法局") == clean("天桥区司法局")
