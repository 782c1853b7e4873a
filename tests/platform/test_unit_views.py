"""Unit list, unit detail with assignments, unit create/edit, group page."""

from __future__ import annotations

from typing import Any

from django.urls import reverse


def test_the_unit_list_shows_the_registry_and_groups(cast: Any) -> None:
    response = cast.client(cast.leader).get(reverse("unit-list"))
    page = response.content.decode()
    assert "天桥区司法局" in page and "各街道" in page
    assert "红桥区司法局" not in page, "another district's units stay hidden"


def test_the_unit_list_searches_names_and_aliases(cast: Any) -> None:
    response = cast.client(cast.office).get(reverse("unit-list"), {"q": "依法治区办"})
    assert [u.name for u in response.context["page"]] == ["天桥区委全面依法治区委员会办公室"]


def test_a_liaison_sees_only_their_own_unit(cast: Any) -> None:
    response = cast.client(cast.liaison_a).get(reverse("unit-list"))
    assert [u.pk for u in response.context["page"]] == [cast.unit_a.pk]
    assert not response.context["groups"]


def test_unit_pages_query_counts_are_bounded(
    cast: Any, dispatched_000: Any, django_assert_max_num_queries: Any
) -> None:
    c = cast.client(cast.office)
    with django_assert_max_num_queries(12):
        assert c.get(reverse("unit-list")).status_code == 200
    with django_assert_max_num_queries(12):
        response = c.get(reverse("unit-detail", args=[cast.unit_a.pk]))
    assert len(response.context["assignments"]) == cast.unit_a.assignments.count() > 3


def test_the_office_creates_a_unit_with_aliases_and_groups(cast: Any) -> None:
    from fazhi.units.models import Unit, UnitGroup

    streets = UnitGroup.objects.get(jurisdiction=cast.district, name="各街道")
    response = cast.client(cast.office).post(
        reverse("unit-create"),
        {
            "name": "天桥区新街道办事处",
            "short_name": "新街道",
            "kind": "town",
            "jurisdiction": cast.district.pk,
            "active": "on",
            "aliases_text": "新街、新区街道",
            "groups": [streets.pk],
        },
    )
    unit = Unit.objects.get(name="天桥区新街道办事处")
    assert response.status_code == 302
    assert sorted(a.name for a in unit.aliases.all()) == ["新区街道", "新街"]
    assert list(unit.groups.all()) == [streets]
    assert unit.history.get().history_user == cast.office


def test_a_duplicate_name_is_refused(cast: Any) -> None:
    response = cast.client(cast.office).post(
        reverse("unit-create"),
        {"name": "天桥区司法局", "kind": "government", "jurisdiction": cast.district.pk, "active": "on"},
    )
    assert response.status_code == 200 and "本辖区已有同名单位" in response.content.decode()


def test_editing_a_unit_is_recorded(cast: Any) -> None:
    c = cast.client(cast.office)
    c.post(
        reverse("unit-edit", args=[cast.unit_a.pk]),
        {
            "name": "天桥区司法局",
            "short_name": "司法局",
            "kind": "government",
            "jurisdiction": cast.district.pk,
        },
    )
    cast.unit_a.refresh_from_db()
    assert (cast.unit_a.short_name, cast.unit_a.active) == ("司法局", False)
    latest = cast.unit_a.history.first()
    assert latest.history_user == cast.office and latest.prev_record.short_name == "区司法局"


def test_a_unit_cannot_be_moved_to_another_district(cast: Any) -> None:
    from fazhi.units.models import Jurisdiction

    other = Jurisdiction.objects.get(name="红桥区")
    response = cast.client(cast.office).post(
        reverse("unit-edit", args=[cast.unit_a.pk]),
        {"name": "天桥区司法局", "kind": "government", "jurisdiction": other.pk, "active": "on"},
    )
    assert response.status_code == 200 and response.context["form"].errors["jurisdiction"]


def test_the_group_page_lists_members(cast: Any) -> None:
    from fazhi.units.models import UnitGroup

    group = UnitGroup.objects.get(jurisdiction=cast.district, name="各街道")
    page = cast.client(cast.office).get(reverse("group-detail", args=[group.pk])).content.decode()
    assert "天桥区北园街道办事处" in page
    assert cast.client(cast.liaison_a).get(reverse("group-detail", args=[group.pk])).status_code == 404


def test_the_office_creates_and_edits_a_group(cast: Any) -> None:
    from fazhi.units.models import Unit, UnitGroup

    c = cast.client(cast.office)
    courts = list(Unit.objects.filter(jurisdiction=cast.district, kind__in=["court", "procuratorate"]))
    response = c.post(
        reverse("group-create"),
        {
            "name": "政法单位",
            "jurisdiction": cast.district.pk,
            "aliases_text": "区政法各单位",
            "members": [u.pk for u in courts],
        },
    )
    group = UnitGroup.objects.get(name="政法单位")
    assert response.status_code == 302 and set(group.members.all()) == set(courts)
    assert group.aliases == ["区政法各单位"] and group.history.first().history_user == cast.office
    c.post(
        reverse("group-edit", args=[group.pk]),
        {"name": "政法单位", "jurisdiction": cast.district.pk, "members": [courts[0].pk]},
    )
    assert list(group.members.all()) == [courts[0]]


def test_a_group_cannot_take_members_of_another_district(cast: Any) -> None:
    from fazhi.units.models import Jurisdiction, Unit, UnitGroup

    city = Jurisdiction.objects.get(name="济南市")
    response = cast.client(cast.office).post(
        reverse("group-create"),
        {"name": "混合", "jurisdiction": cast.district.pk, "members": [cast.unit_a.pk]},
    )
    assert response.status_code == 302  # same district: fine
    other = Unit.objects.get(name="红桥区司法局")
    response = cast.client(cast.office).post(
        reverse("group-create"), {"name": "越界", "jurisdiction": cast.district.pk, "members": [other.pk]}
    )
    assert response.status_code == 200 and not UnitGroup.objects.filter(name="越界").exists()
    assert city.pk != cast.district.pk
