"""Admins manage forum categories here; groups are shown for support. Posts are handled by
moderators through reports (the safety app), not edited here."""

from django.contrib import admin

from .models import Category, Group


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin[Category]):
    list_display = (
        "name", "slug", "position", "allows_anonymous", "organisation", "thread_count",
        "post_count",
    )  # fmt: skip
    list_editable = ("position", "allows_anonymous")
    list_select_related = ("organisation",)
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Group)
class GroupAdmin(admin.ModelAdmin[Group]):
    list_display = ("name", "kind", "visibility", "organisation", "member_count", "created_at")
    list_filter = ("kind", "visibility", "organisation")
    list_select_related = ("organisation",)
    search_fields = ("name",)
    raw_id_fields = ("created_by",)
