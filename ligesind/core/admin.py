from django.contrib import admin

from .admin_readonly import ReadOnlyAdmin
from .models import AccessLog, Municipality


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ["name", "region"]
    list_filter = ["region"]
    search_fields = ["name"]


@admin.register(AccessLog)
class AccessLogAdmin(ReadOnlyAdmin):
    """Admins search the staff-access log here. It can be read, never changed."""

    list_display = ["at", "actor_alias", "actor_roles", "subject_id", "what", "purpose"]
    list_filter = ["what", "actor_roles"]
    search_fields = ["actor_alias", "what", "purpose", "=subject_id", "=actor_id"]
    date_hierarchy = "at"
