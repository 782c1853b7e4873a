from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from fazhi.progress.models import ProgressReport, ReportEvent, ReportingCycle


class ReportEventInline(admin.TabularInline):
    model = ReportEvent
    extra = 0
    readonly_fields = ["action", "actor", "at", "comment"]
    can_delete = False


@admin.register(ProgressReport)
class ProgressReportAdmin(SimpleHistoryAdmin):
    list_display = ["assignment", "period", "status", "state", "consolidated", "submitted_at", "reviewed_at"]
    list_filter = ["state", "status", "consolidated"]
    raw_id_fields = ["assignment", "includes", "created_by", "submitted_by", "reviewed_by"]
    inlines = [ReportEventInline]


@admin.register(ReportingCycle)
class ReportingCycleAdmin(SimpleHistoryAdmin):
    list_display = ["plan", "cycle", "updated_by", "updated_at"]
    raw_id_fields = ["plan", "updated_by"]
