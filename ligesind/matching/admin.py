from django.contrib import admin

from .models import MunicipalityRule


@admin.register(MunicipalityRule)
class MunicipalityRuleAdmin(admin.ModelAdmin[MunicipalityRule]):
    list_display = ("municipality", "guide_matches_need_approval")
