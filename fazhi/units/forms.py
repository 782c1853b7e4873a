from __future__ import annotations

import re
from typing import Any

from django import forms

from fazhi.units.models import Jurisdiction, Unit, UnitAlias, UnitGroup


class UnitForm(forms.ModelForm):
    aliases_text = forms.CharField(
        label="别名", required=False, help_text="多个别名用顿号或逗号分隔", widget=forms.TextInput()
    )
    groups = forms.ModelMultipleChoiceField(
        label="所属分组",
        queryset=UnitGroup.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Unit
        fields = ["name", "short_name", "kind", "jurisdiction", "active"]

    def __init__(self, *args: Any, jurisdiction_ids: set[int] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        juris = Jurisdiction.objects.all()
        groups = UnitGroup.objects.select_related("jurisdiction")
        if jurisdiction_ids is not None:
            juris = juris.filter(pk__in=jurisdiction_ids)
            groups = groups.filter(jurisdiction_id__in=jurisdiction_ids)
        self.fields["jurisdiction"].queryset = juris
        self.fields["groups"].queryset = groups
        if self.instance.pk:
            self.fields["aliases_text"].initial = "、".join(a.name for a in self.instance.aliases.all())
            self.fields["groups"].initial = list(self.instance.groups.all())

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        jur = data.get("jurisdiction")
        for group in data.get("groups") or []:
            if jur and group.jurisdiction_id != jur.pk:
                self.add_error("groups", f"分组“{group.name}”属于{group.jurisdiction}，与单位的辖区不一致")
        name = data.get("name")
        if (
            jur
            and name
            and Unit.objects.filter(jurisdiction=jur, name=name).exclude(pk=self.instance.pk).exists()
        ):
            self.add_error("name", "本辖区已有同名单位")
        return data

    def save(self, commit: bool = True) -> Unit:
        unit = super().save(commit=True)
        names = {a for a in re.split(r"[、,，;；\s]+", self.cleaned_data.get("aliases_text") or "") if a}
        unit.aliases.exclude(name__in=names).delete()
        for name in names - set(unit.aliases.values_list("name", flat=True)):
            UnitAlias.objects.create(unit=unit, name=name)
        # Change membership from the group side: the group's history records it (with the user).
        wanted = set(self.cleaned_data.get("groups") or [])
        current = set(unit.groups.all())
        for group in wanted - current:
            group.members.add(unit)
        for group in current - wanted:
            group.members.remove(unit)
        return unit


class UnitImportForm(forms.Form):
    file = forms.FileField(label="单位名录文件（.xlsx 或 .csv）")
    jurisdiction = forms.ModelChoiceField(label="导入到辖区", queryset=Jurisdiction.objects.none())

    def __init__(self, *args: Any, jurisdiction_ids: set[int] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        qs = Jurisdiction.objects.all()
        if jurisdiction_ids is not None:
            qs = qs.filter(pk__in=jurisdiction_ids)
        self.fields["jurisdiction"].queryset = qs


class UnitGroupForm(forms.ModelForm):
    """A collective name and its members; members must belong to the group's jurisdiction."""

    aliases_text = forms.CharField(label="其他写法", required=False, help_text="多个写法用顿号或逗号分隔")

    class Meta:
        model = UnitGroup
        fields = ["name", "jurisdiction", "members"]
        widgets = {"members": forms.CheckboxSelectMultiple}

    def __init__(self, *args: Any, jurisdiction_ids: set[int] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        juris = Jurisdiction.objects.all()
        units = Unit.objects.filter(active=True).order_by("kind", "name")
        if jurisdiction_ids is not None:
            juris = juris.filter(pk__in=jurisdiction_ids)
            units = units.filter(jurisdiction_id__in=jurisdiction_ids)
        self.fields["jurisdiction"].queryset = juris
        self.fields["members"].queryset = units
        self.fields["aliases_text"].initial = "、".join(self.instance.aliases or [])

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        jur = data.get("jurisdiction")
        outside = [u.name for u in data.get("members") or [] if jur and u.jurisdiction_id != jur.pk]
        if outside:
            self.add_error("members", f"以下单位不属于{jur}：{'、'.join(outside)}")
        name = data.get("name")
        if jur and name:
            clash = UnitGroup.objects.filter(jurisdiction=jur, name=name).exclude(pk=self.instance.pk)
            if clash.exists():
                self.add_error("name", "本辖区已有同名分组")
        return data

    def save(self, commit: bool = True) -> UnitGroup:
        group = super().save(commit=False)
        group.aliases = [
            a for a in re.split(r"[、,，;；\s]+", self.cleaned_data.get("aliases_text") or "") if a
        ]
        group.save()
        self.save_m2m()
        return group
