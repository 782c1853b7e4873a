from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from fazhi.plans.models import ImportJob, Plan


@admin.register(Plan)
class PlanAdmin(SimpleHistoryAdmin):
    list_display = ["title", "jurisdiction", "year", "created_at", "dispatched_at"]
    list_filter = ["jurisdiction"]


@admin.register(ImportJob)
class ImportJobAdmin(admin.ModelAdmin):
    list_display = ["filename", "jurisdiction", "status", "progress", "created_at"]
    list_filter = ["status"]
    exclude = ["data"]
