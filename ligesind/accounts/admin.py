from django.contrib import admin, messages
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from ligesind.core.audit import record_staff_access
from ligesind.core.errors import DomainError

from . import services
from .models import ConsentRecord, ExperienceCategory, Interest, Profile, RoleAssignment, User


@admin.register(User)
class UserAdmin(admin.ModelAdmin):
    list_display = ["email", "is_active", "is_staff", "date_joined"]
    search_fields = ["email"]
    list_filter = ["is_active", "is_staff"]
    fields = ["email", "is_active", "date_joined", "last_login", "adult_confirmed_at"]
    readonly_fields = ["date_joined", "last_login", "adult_confirmed_at"]


@admin.register(Profile)
class ProfileAdmin(admin.ModelAdmin):
    list_display = ["alias", "municipality", "listed_in_directory", "updated_at"]
    search_fields = ["alias"]
    # The story is sensitive: it is not shown in the admin.
    fields = ["alias", "listed_in_directory", "municipality"]

    def change_view(
        self, request: HttpRequest, object_id: str, form_url: str = "", extra_context=None
    ):
        profile = self.get_object(request, object_id)
        if profile is not None:
            record_staff_access(
                viewer=request.user,
                subject=profile.user,
                what=_("profile"),
                purpose=_("Administration in the Django admin"),
            )
        return super().change_view(request, object_id, form_url, extra_context)


@admin.register(ExperienceCategory, Interest)
class NamedDataAdmin(admin.ModelAdmin):
    list_display = ["name_da", "name_en", "slug", "position"]
    prepopulated_fields = {"slug": ["name_en"]}


@admin.register(RoleAssignment)
class RoleAssignmentAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "granted_by", "granted_at"]
    list_filter = ["role"]
    fields = ["user", "role", "municipalities"]
    autocomplete_fields = ["user"]
    filter_horizontal = ["municipalities"]

    def save_model(self, request: HttpRequest, obj: RoleAssignment, form, change) -> None:
        # Roles are granted through the service so the two-factor rule holds here too.
        self._form_municipalities = form.cleaned_data.get("municipalities", [])
        self._pending = obj

    def save_related(self, request: HttpRequest, form, formsets, change) -> None:
        obj = self._pending
        try:
            assignment = services.grant_role(
                actor=request.user,  # type: ignore[arg-type]
                user=obj.user,
                role=obj.role,  # type: ignore[arg-type]
                municipalities=self._form_municipalities,
            )
            form.instance = assignment
        except DomainError as error:
            self.message_user(request, str(error.message), level=messages.ERROR)

    def delete_model(self, request: HttpRequest, obj: RoleAssignment) -> None:
        services.revoke_role(actor=request.user, assignment=obj)  # type: ignore[arg-type]


@admin.register(ConsentRecord)
class ConsentRecordAdmin(admin.ModelAdmin):
    list_display = ["user", "version", "given_at", "withdrawn_at"]
    readonly_fields = ["user", "version", "language", "given_at", "withdrawn_at"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
