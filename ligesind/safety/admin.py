from django.contrib import admin

from ligesind.core.admin_readonly import ReadOnlyAdmin

from .models import Appeal, CrisisTerm, ModerationAction, Report


@admin.register(ModerationAction)
class ModerationActionAdmin(ReadOnlyAdmin):
    """Every moderator decision: the moderation audit trail, for admins to read."""

    list_display = ["created_at", "kind", "member", "moderator", "until", "report"]
    list_filter = ["kind"]
    search_fields = ["=member__id", "member__profile__alias", "moderator__profile__alias"]
    date_hierarchy = "created_at"


@admin.register(Report)
class ReportAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "kind", "object_id", "reason", "status", "handled_by"]
    list_filter = ["status", "reason", "kind"]
    exclude = ["details"]


@admin.register(Appeal)
class AppealAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "action", "restored", "answered_by", "answered_at"]
    exclude = ["text"]


@admin.register(CrisisTerm)
class CrisisTermAdmin(admin.ModelAdmin):
    list_display = ["phrase", "language", "active", "created_at"]
    list_filter = ["language", "active"]
    search_fields = ["phrase"]
