from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from fazhi.supervision.models import (
    Finding,
    HolidayOverride,
    Inspection,
    Notice,
    NoticeReply,
    Notification,
    RectificationItem,
    ReminderLog,
)


@admin.register(HolidayOverride)
class HolidayOverrideAdmin(SimpleHistoryAdmin):
    list_display = ["date", "kind", "note"]
    list_filter = ["kind"]


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["created_at", "kind", "recipient_user", "recipient_unit", "read_at"]
    list_filter = ["kind"]
    raw_id_fields = ["recipient_user", "recipient_unit"]


@admin.register(ReminderLog)
class ReminderLogAdmin(admin.ModelAdmin):
    list_display = ["day", "rule", "assignment", "sent_at"]
    raw_id_fields = ["assignment"]


class NoticeReplyInline(admin.TabularInline):
    model = NoticeReply
    extra = 0


@admin.register(Notice)
class NoticeAdmin(SimpleHistoryAdmin):
    list_display = ["code", "unit", "reply_deadline", "state"]
    list_filter = ["state", "year"]
    raw_id_fields = ["assignment", "unit"]
    inlines = [NoticeReplyInline]


@admin.register(Inspection)
class InspectionAdmin(SimpleHistoryAdmin):
    list_display = ["name", "date", "jurisdiction"]
    filter_horizontal = ["units"]


@admin.register(Finding)
class FindingAdmin(SimpleHistoryAdmin):
    list_display = ["inspection", "unit", "text"]
    raw_id_fields = ["unit"]


@admin.register(RectificationItem)
class RectificationItemAdmin(SimpleHistoryAdmin):
    list_display = ["unit", "deadline", "state"]
    list_filter = ["state"]
    raw_id_fields = ["finding", "unit"]
