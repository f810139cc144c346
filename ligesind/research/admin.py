from django.contrib import admin
from django.http import HttpRequest

from .models import Arm, ConsentVersion, Question, Study, TeamMember, Timepoint


class TeamInline(admin.TabularInline):
    model = TeamMember
    extra = 1
    raw_id_fields = ["user"]


class QuestionInline(admin.TabularInline):
    model = Question
    extra = 1


class ArmInline(admin.TabularInline):
    model = Arm
    extra = 0


class TimepointInline(admin.TabularInline):
    model = Timepoint
    extra = 0


@admin.register(Study)
class StudyAdmin(admin.ModelAdmin):
    """Admins set a study up and give researchers their place on its team; the allocation
    sequences (``Block``) are deliberately not here."""

    list_display = ["title", "organisation", "status"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [TeamInline, QuestionInline, ArmInline, TimepointInline]


@admin.register(ConsentVersion)
class ConsentVersionAdmin(admin.ModelAdmin):
    list_display = ["study", "number", "created_at"]
    readonly_fields = ["number", "created_at"]

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
