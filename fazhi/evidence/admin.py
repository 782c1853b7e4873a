from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from fazhi.evidence.models import EvidenceFile


@admin.register(EvidenceFile)
class EvidenceFileAdmin(SimpleHistoryAdmin):
    list_display = ["original_name", "kind", "size", "uploaded_by", "uploaded_at", "owner_type", "owner_id"]
    list_filter = ["kind", "owner_type"]
    search_fields = ["original_name", "sha256"]
    readonly_fields = ["file", "sha256", "size", "content_type", "kind", "uploaded_at"]
