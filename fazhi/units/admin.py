from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from fazhi.units.models import Jurisdiction, Unit, UnitAlias, UnitGroup


@admin.register(Jurisdiction)
class JurisdictionAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "level", "parent"]


class UnitAliasInline(admin.TabularInline):
    model = UnitAlias
    extra = 1


@admin.register(Unit)
class UnitAdmin(SimpleHistoryAdmin):
    list_display = ["name", "short_name", "kind", "jurisdiction", "active"]
    list_filter = ["jurisdiction", "kind", "active"]
    search_fields = ["name", "short_name", "aliases__name"]
    inlines = [UnitAliasInline]


@admin.register(UnitGroup)
class UnitGroupAdmin(SimpleHistoryAdmin):
    list_display = ["name", "jurisdiction"]
    filter_horizontal = ["members"]
