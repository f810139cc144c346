from django.contrib import admin
from django.http import HttpRequest

from .models import AccessLog, Municipality


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ["name", "region"]
    list_filter = ["region"]
    search_fields = ["name"]


@admin.register(AccessLog)
class AccessLogAdmin(admin.ModelAdmin):
    """Admins search the staff-access log here. It can be read, never changed."""

    list_display = ["at", "actor_alias", "actor_roles", "subject_id", "what", "purpose"]
    list_filter = ["what", "actor_roles"]
    search_fields = ["actor_alias", "what", "purpose", "=subject_id", "=actor_id"]
    date_hierarchy = "at"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
