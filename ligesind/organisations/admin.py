from django.contrib import admin

from .models import LocalContact, Organisation


class LocalContactInline(admin.TabularInline):
    model = LocalContact
    extra = 0
    autocomplete_fields = ["municipality"]
    raw_id_fields = ["user"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["municipalities"]
    inlines = [LocalContactInline]
