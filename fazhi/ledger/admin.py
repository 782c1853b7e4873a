from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from fazhi.ledger.models import Assignment, Task, TaskUnit


class TaskUnitInline(admin.TabularInline):
    model = TaskUnit
    extra = 0
    raw_id_fields = ["unit", "group"]


@admin.register(Task)
class TaskAdmin(SimpleHistoryAdmin):
    list_display = ["number", "title", "plan", "deadline"]
    list_filter = ["plan"]
    search_fields = ["title", "content"]
    inlines = [TaskUnitInline]


@admin.register(Assignment)
class AssignmentAdmin(SimpleHistoryAdmin):
    list_display = ["task", "unit", "role", "deadline", "done_at"]
    list_filter = ["role", "unit"]
    raw_id_fields = ["task", "unit"]
