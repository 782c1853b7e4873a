"""The unit registry: jurisdictions (辖区), units (单位), their aliases and collective groups."""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords


class Jurisdiction(models.Model):
    """An administrative area: 市 → 区/县 → 街道/镇. Every unit, plan and office belongs to one."""

    class Level(models.TextChoices):
        PROVINCE = "province", "省"
        CITY = "city", "市"
        DISTRICT = "district", "区/县"
        TOWN = "town", "街道/镇"

    name = models.CharField("名称", max_length=100)
    short_name = models.CharField("简称", max_length=50, blank=True, help_text="例如 天桥区 → 天桥")
    level = models.CharField("层级", max_length=20, choices=Level.choices, default=Level.DISTRICT)
    parent = models.ForeignKey(
        "self",
        verbose_name="上级辖区",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )

    class Meta:
        verbose_name = "辖区"
        verbose_name_plural = "辖区"
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["parent", "name"], name="jurisdiction_unique_name")]

    def __str__(self) -> str:
        return self.name

    def descendant_ids(self) -> set[int]:
        """This jurisdiction and every one below it (the tree is small: one query)."""
        children: dict[int | None, list[int]] = {}
        for pk, parent_id in Jurisdiction.objects.values_list("pk", "parent_id"):
            children.setdefault(parent_id, []).append(pk)
        found, todo = set(), [self.pk]
        while todo:
            pk = todo.pop()
            if pk not in found:
                found.add(pk)
                todo.extend(children.get(pk, []))
        return found


class Unit(models.Model):
    """A unit that receives tasks: a party organ, department, street/town, court, procuratorate."""

    class Kind(models.TextChoices):
        PARTY = "party", "党委机关"
        GOVERNMENT = "government", "政府部门"
        TOWN = "town", "街道/乡镇"
        COURT = "court", "法院"
        PROCURATORATE = "procuratorate", "检察院"
        OTHER = "other", "其他"

    name = models.CharField("全称", max_length=100)
    short_name = models.CharField("简称", max_length=50, blank=True)
    kind = models.CharField("类型", max_length=20, choices=Kind.choices, default=Kind.GOVERNMENT)
    jurisdiction = models.ForeignKey(
        Jurisdiction, verbose_name="辖区", on_delete=models.PROTECT, related_name="units"
    )
    active = models.BooleanField("在用", default=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "单位"
        verbose_name_plural = "单位"
        ordering = ["jurisdiction_id", "kind", "name"]
        constraints = [models.UniqueConstraint(fields=["jurisdiction", "name"], name="unit_unique_name")]

    def __str__(self) -> str:
        return self.name

    @property
    def display_name(self) -> str:
        return self.short_name or self.name


class UnitAlias(models.Model):
    """Another name a plan uses for a unit (区委依法治区办 for 区委全面依法治区委员会办公室)."""

    unit = models.ForeignKey(Unit, verbose_name="单位", on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField("别名", max_length=100)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "单位别名"
        verbose_name_plural = "单位别名"
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["unit", "name"], name="alias_unique_name")]

    def __str__(self) -> str:
        return self.name


class UnitGroup(models.Model):
    """A collective name (各街道, 区各部门, 各行政执法机关) that expands to its member units."""

    name = models.CharField("名称", max_length=100)
    aliases = models.JSONField("别名", default=list, blank=True, help_text="同一分组的其他写法")
    jurisdiction = models.ForeignKey(
        Jurisdiction, verbose_name="辖区", on_delete=models.PROTECT, related_name="unit_groups"
    )
    members = models.ManyToManyField(Unit, verbose_name="成员单位", related_name="groups", blank=True)
    history = HistoricalRecords(m2m_fields=[members])

    class Meta:
        verbose_name = "单位分组"
        verbose_name_plural = "单位分组"
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["jurisdiction", "name"], name="group_unique_name")]

    def __str__(self) -> str:
        return self.name
