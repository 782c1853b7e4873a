from django.contrib import admin

from fazhi.accounts.models import Profile


@admin.register(Profile)
class ProfileAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "jurisdiction", "unit"]
    list_filter = ["role", "jurisdiction"]
    raw_id_fields = ["unit"]
