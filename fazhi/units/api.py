from __future__ import annotations

from typing import Any

from django.db import transaction
from rest_framework import serializers, viewsets

from fazhi.accounts.access import jurisdiction_ids, visible_units
from fazhi.accounts.api import RolePermission
from fazhi.units.models import Jurisdiction, Unit, UnitAlias


class AliasListField(serializers.ListField):
    """Aliases as a list of names, read from the unit's UnitAlias rows."""

    child = serializers.CharField(max_length=100)

    def to_representation(self, data: Any) -> list[str]:
        return [alias.name for alias in data.all()]


class UnitSerializer(serializers.ModelSerializer):
    aliases = AliasListField(required=False)
    jurisdiction = serializers.PrimaryKeyRelatedField(queryset=Jurisdiction.objects.all())

    class Meta:
        model = Unit
        fields = ["id", "name", "short_name", "kind", "jurisdiction", "active", "aliases"]
        validators: list[Any] = []  # uniqueness is checked in validate() with a Chinese message

    def validate_jurisdiction(self, value: Jurisdiction) -> Jurisdiction:
        scope = jurisdiction_ids(self.context["request"].user)
        if scope is not None and value.pk not in scope:
            raise serializers.ValidationError("不能在本辖区以外创建或修改单位")
        return value

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        jur = attrs.get("jurisdiction") or getattr(self.instance, "jurisdiction", None)
        name = attrs.get("name") or getattr(self.instance, "name", None)
        clash = Unit.objects.filter(jurisdiction=jur, name=name)
        if self.instance is not None:
            clash = clash.exclude(pk=self.instance.pk)
        if clash.exists():
            raise serializers.ValidationError({"name": "本辖区已有同名单位"})
        return attrs

    @transaction.atomic
    def create(self, validated_data: dict[str, Any]) -> Unit:
        aliases = validated_data.pop("aliases", [])
        unit = Unit.objects.create(**validated_data)
        UnitAlias.objects.bulk_create([UnitAlias(unit=unit, name=a) for a in dict.fromkeys(aliases)])
        return unit

    @transaction.atomic
    def update(self, instance: Unit, validated_data: dict[str, Any]) -> Unit:
        aliases = validated_data.pop("aliases", None)
        unit = super().update(instance, validated_data)
        if aliases is not None:
            unit.aliases.all().delete()
            UnitAlias.objects.bulk_create([UnitAlias(unit=unit, name=a) for a in dict.fromkeys(aliases)])
        return unit


class UnitViewSet(viewsets.ModelViewSet):
    """Units of the registry; office staff create and change them."""

    serializer_class = UnitSerializer
    permission_classes = [RolePermission]

    def get_queryset(self) -> Any:
        return visible_units(self.request.user).prefetch_related("aliases").order_by("pk")
