"""Admins edit course templates here; activities and course runs are shown for support.

Leaders' session notes and følgeskab texts are not shown: they are for the leaders and the
municipality's coordinators, and the member and their volunteer."""

from django.contrib import admin

from .models import Activity, CourseRun, CourseSession, CourseTemplate


@admin.register(CourseTemplate)
class CourseTemplateAdmin(admin.ModelAdmin[CourseTemplate]):
    list_display = ("name", "sessions", "session_minutes", "interval_days", "completion_minimum")


@admin.register(Activity)
class ActivityAdmin(admin.ModelAdmin[Activity]):
    list_display = ("title", "kind", "municipality", "starts_at", "capacity", "cancelled_at")
    list_filter = ("kind", "audience", "municipality")
    search_fields = ("title",)
    date_hierarchy = "starts_at"
    raw_id_fields = ("organiser",)


class SessionInline(admin.TabularInline[CourseSession, CourseRun]):
    model = CourseSession
    fields = ("number", "starts_at", "ends_at")
    extra = 0


@admin.register(CourseRun)
class CourseRunAdmin(admin.ModelAdmin[CourseRun]):
    list_display = ("template", "municipality", "place", "capacity")
    list_filter = ("municipality",)
    raw_id_fields = ("conversation",)
    filter_horizontal = ("leaders",)
    inlines = [SessionInline]
