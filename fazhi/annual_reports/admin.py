from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from fazhi.annual_reports.models import AnnualReport, PastReport, ReportVersion


class VersionInline(admin.TabularInline):
    model = ReportVersion
    fields = ["number", "title", "note", "created_by", "created_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False


@admin.register(AnnualReport)
class AnnualReportAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "kind", "status", "created_at"]
    list_filter = ["kind", "status", "year"]
    inlines = [VersionInline]


@admin.register(PastReport)
class PastReportAdmin(admin.ModelAdmin):
    list_display = ["__str__", "jurisdiction", "year", "uploaded_at"]
    exclude = ["data"]
