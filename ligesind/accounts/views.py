import json
from typing import cast

from allauth.account.decorators import reauthentication_required
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Q
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l
from django.views.decorators.http import require_POST

from ligesind.core.audit import record_staff_access
from ligesind.core.errors import DomainError
from ligesind.core.models import AccessLog
from ligesind.core.privacy import collect_export, export_sections

from . import permissions, services
from .directory import COUNT_LIMIT, directory_profiles
from .forms import (
    AccessTokenForm,
    AvatarForm,
    ConsentForm,
    DirectoryFilterForm,
    GrantRoleForm,
    ProfileForm,
)
from .models import (
    AccessToken,
    Block,
    Language,
    Profile,
    Role,
    RoleAssignment,
    User,
    role_labels,
)

STAFF_PURPOSE = _l("Coordinator or administrator duty: member profile")

ROLES_PER_PAGE = 50


def _signed_in(request: HttpRequest) -> User:
    """The signed-in user of a ``login_required`` view."""
    return cast(User, request.user)


def _member(request: HttpRequest) -> User:
    if not permissions.is_member(request.user):
        raise Http404
    return request.user  # type: ignore[return-value]


@login_required
def home(request: HttpRequest) -> HttpResponse:
    user = _member(request)
    context = {"profile": user.profile, "can_manage_roles": permissions.can_manage_roles(user)}
    return render(request, "accounts/home.html", context)


@login_required
def profile_edit(request: HttpRequest) -> HttpResponse:
    user = _signed_in(request)
    profile = services.ensure_profile(user)
    form = ProfileForm(request.POST or None, profile=profile)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_profile(actor=user, data=form.to_data())
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Your profile is saved."))
            return redirect("accounts:profile_detail", public_id=profile.public_id)
    return render(
        request,
        "accounts/profile_edit.html",
        {"form": form, "avatar_form": AvatarForm(), "profile": profile},
    )


@login_required
@require_POST
def profile_avatar(request: HttpRequest) -> HttpResponse:
    user = _signed_in(request)
    if "remove" in request.POST:
        services.remove_avatar(actor=user)
        messages.success(request, _("Your picture is removed."))
        return redirect("accounts:profile_edit")
    form = AvatarForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.set_avatar(actor=user, upload=form.cleaned_data["avatar"])
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Your picture is saved."))
    else:
        for field_errors in form.errors.values():
            for message in field_errors:
                messages.error(request, str(message))
    return redirect("accounts:profile_edit")


@login_required
def directory(request: HttpRequest) -> HttpResponse:
    if not permissions.can_use_directory(request.user):
        raise Http404
    viewer = _signed_in(request)
    form = DirectoryFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    rows = cast(list[Profile], directory_profiles(viewer, filters))
    page = Paginator(rows, 24).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    template = "accounts/_directory_results.html" if request.htmx else "accounts/directory.html"  # type: ignore[attr-defined]
    return render(
        request,
        template,
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "count_limit": COUNT_LIMIT,
        },
    )


def _visible_profile(request: HttpRequest, public_id: str) -> Profile:
    profile = get_object_or_404(
        Profile.objects.select_related("user", "municipality"), public_id=public_id
    )
    if not permissions.can_view_profile(request.user, profile):
        raise Http404
    return profile


@login_required
def profile_detail(request: HttpRequest, public_id: str) -> HttpResponse:
    profile = _visible_profile(request, public_id)
    fields = permissions.visible_fields(request.user, profile)
    if permissions.staff_only_fields(request.user, profile):
        record_staff_access(
            viewer=request.user, subject=profile.user, what=_l("profile"), purpose=STAFF_PURPOSE
        )
    context = {
        "profile": profile,
        "fields": fields,
        "is_me": profile.user_id == request.user.pk,
        "experiences": profile.experiences.select_related("category")
        if "experiences" in fields
        else [],
        "interests": profile.interests.all() if "interests" in fields else [],
        "language_names": [Language(code).label for code in profile.languages if code in Language],
    }
    return render(request, "accounts/profile_detail.html", context)


@login_required
def avatar_image(request: HttpRequest, public_id: str) -> FileResponse:
    profile = _visible_profile(request, public_id)
    if not profile.avatar or not permissions.can_see_field(request.user, profile, "avatar"):
        raise Http404
    if "avatar" in permissions.staff_only_fields(request.user, profile):
        record_staff_access(
            viewer=request.user, subject=profile.user, what=_l("picture"), purpose=STAFF_PURPOSE
        )
    response = FileResponse(profile.avatar.open("rb"), content_type="image/png")
    response["Cache-Control"] = "private, max-age=300"
    return response


@login_required
@require_POST
def block(request: HttpRequest, public_id: str) -> HttpResponse:
    profile = _visible_profile(request, public_id)
    try:
        services.block_user(actor=request.user, target=profile.user)  # type: ignore[arg-type]
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("accounts:profile_detail", public_id=public_id)
    messages.success(
        request,
        _("You have blocked %(alias)s. You will no longer see each other.")
        % {"alias": profile.alias},
    )
    return redirect("accounts:blocks")


@login_required
def access_log(request: HttpRequest) -> HttpResponse:
    user = _member(request)
    entries = AccessLog.objects.filter(subject_id=user.pk)
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    page.object_list = list(page.object_list)
    for entry in page.object_list:
        entry.roles_shown = role_labels(entry.actor_roles)  # type: ignore[attr-defined]
    return render(request, "accounts/access_log.html", {"page": page})


@login_required
def blocks(request: HttpRequest) -> HttpResponse:
    user = _member(request)
    rows = Block.objects.filter(blocker=user).select_related("blocked__profile")
    return render(request, "accounts/blocks.html", {"blocks": rows})


@login_required
@require_POST
def unblock(request: HttpRequest, public_id: str) -> HttpResponse:
    user = _member(request)
    profile = get_object_or_404(Profile, public_id=public_id)
    services.unblock_user(actor=user, target=profile.user)
    messages.success(request, _("You have unblocked %(alias)s.") % {"alias": profile.alias})
    return redirect("accounts:blocks")


@login_required
def consent(request: HttpRequest) -> HttpResponse:
    user = _signed_in(request)
    form = ConsentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.give_health_consent(
                actor=user,
                version=form.cleaned_data["consent_version"],
                language=get_language() or "da",
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Thank you. Your consent is saved."))
            return redirect("accounts:home")
    return render(request, "accounts/consent.html", {"form": form})


@login_required
@reauthentication_required
def consent_withdraw(request: HttpRequest) -> HttpResponse:
    user = _signed_in(request)
    if request.method == "POST" and request.POST.get("confirm") == "yes":
        services.withdraw_health_consent(actor=user)
        logout(request)
        messages.success(request, _("Your consent is withdrawn and your account is deleted."))
        return redirect("front")
    return render(request, "accounts/consent_withdraw.html")


@login_required
def export(request: HttpRequest) -> HttpResponse:
    user = _member(request)
    return render(request, "accounts/export.html", {"sections": export_sections(), "me": user})


@login_required
def export_json(request: HttpRequest) -> HttpResponse:
    user = _member(request)
    data = json.dumps(collect_export(user), ensure_ascii=False, indent=2, cls=DjangoJSONEncoder)
    response = HttpResponse(data, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="ligesind-my-data.json"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
def export_page(request: HttpRequest) -> HttpResponse:
    user = _member(request)
    data = collect_export(user)
    sections = [(section, data[section.key]) for section in export_sections()]
    response = render(request, "accounts/export_page.html", {"sections": sections})
    response["Cache-Control"] = "no-store"
    return response


@login_required
@reauthentication_required
def delete_me(request: HttpRequest) -> HttpResponse:
    user = _signed_in(request)
    if request.method == "POST":
        if request.POST.get("confirm") != "yes":
            messages.error(
                request, _("Tick the box to confirm that your account should be deleted.")
            )
        else:
            services.delete_account(actor=user)
            logout(request)
            messages.success(request, _("Your account and your personal data are deleted."))
            return redirect("front")
    return render(request, "accounts/delete.html")


@login_required
def tokens(request: HttpRequest) -> HttpResponse:
    user = _member(request)
    form = AccessTokenForm(request.POST or None)
    new_token = None
    if request.method == "POST" and form.is_valid():
        try:
            _row, new_token = services.create_access_token(
                actor=user, name=form.cleaned_data["name"]
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            form = AccessTokenForm()
    rows = AccessToken.objects.filter(user=user)
    response = render(
        request, "accounts/tokens.html", {"form": form, "tokens": rows, "new_token": new_token}
    )
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_POST
def token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    user = _member(request)
    if not permissions.can_revoke_token(user, get_object_or_404(AccessToken, pk=pk)):
        raise Http404
    try:
        services.revoke_access_token(actor=user, token_id=pk)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The token is revoked. Apps using it can no longer connect."))
    return redirect("accounts:tokens")


@login_required
def roles(request: HttpRequest) -> HttpResponse:
    if not permissions.can_manage_roles(request.user):
        raise Http404
    form = GrantRoleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.grant_role(
                actor=request.user,  # type: ignore[arg-type]
                user=form.cleaned_data["email"],
                role=form.cleaned_data["role"],
                municipalities=form.cleaned_data["municipalities"],
                organisations=form.cleaned_data["organisations"],
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The role is granted."))
            return redirect("accounts:roles")
    # Thousands of volunteers hold a role at national size: one role at a time, a page at a
    # time, the newest first (an index, where sorting by alias sorted every row), or found.
    shown = request.GET.get("role", "")
    found = request.GET.get("q", "").strip()[:100]
    assignments = (
        RoleAssignment.objects.select_related("user__profile")
        .prefetch_related("municipalities", "organisations")  # for the page's rows only
        .order_by("role", "-granted_at", "-pk")
    )
    if shown in Role.values:
        assignments = assignments.filter(role=shown)
    if found:
        assignments = assignments.filter(
            Q(user__profile__alias__icontains=found) | Q(user__email__iexact=found)
        )
    page = Paginator(assignments, ROLES_PER_PAGE).get_page(request.GET.get("page"))
    kept = {key: value for key, value in (("role", shown), ("q", found)) if value}
    context = {
        "form": form,
        "page": page,
        "roles": Role.choices,
        "shown": shown,
        "found": found,
        "query": urlencode(kept),
    }
    return render(request, "accounts/roles.html", context)


@login_required
@require_POST
def role_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    if not permissions.can_manage_roles(request.user):
        raise Http404
    assignment = get_object_or_404(RoleAssignment, pk=pk)
    try:
        services.revoke_role(actor=request.user, assignment=assignment)  # type: ignore[arg-type]
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The role is removed."))
    return redirect("accounts:roles")


def session_ended(request: HttpRequest) -> HttpResponse:
    """Where a page goes when its session was ended while it was open (signed out elsewhere,
    or a moderator's decision): say so kindly on the sign-in page instead of a bare one."""
    target = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = ""
    if request.user.is_authenticated:  # still signed in: carry on (a paused member: why)
        return redirect(target or "accounts:home")
    messages.info(
        request,
        _(
            "You have been signed out. Sign in again to go on. If a moderator has made a "
            "decision about your account, you can read why and appeal when you have signed in."
        ),
    )
    login = reverse("account_login")
    return redirect(f"{login}?{urlencode({'next': target})}" if target else login)
