"""Members must have consented, have an alias, and (staff) use two-factor before anything else.
A suspended or banned member reaches only the page with the reasons and the appeal box."""

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from . import permissions

OPEN_URL_NAMES = {
    "front",
    "crisis",
    "set_language",
    "consent",
    "consent_withdraw",
}
# All a suspended or banned member can open: why, appeal, help, language, sign out.
RESTRICTED_VIEW_NAMES = {
    "safety:standing",
    "safety:appeal_create",
    "crisis",
    "set_language",
    "account_logout",
}
# Where a member without an alias is sent, so these must open before the profile is complete.
PROFILE_URL_NAMES = {"profile_edit", "profile_avatar"}


class ConsentRequiredMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view_func: Any, args: Any, kwargs: Any
    ) -> HttpResponse | None:
        user = request.user
        match = request.resolver_match
        if not user.is_authenticated or match is None:
            return None
        name = match.url_name or ""
        if permissions.is_restricted(user):
            if match.view_name in RESTRICTED_VIEW_NAMES:
                return None
            return redirect("safety:standing")
        # The admin has its own login; the API answers 401 itself (it asks is_member).
        if match.namespace in {"admin", "api"} or name in {"api_docs"}:
            return None
        if name.startswith(("account_", "mfa_")):
            return None
        if name in OPEN_URL_NAMES:
            return None
        if not permissions.has_current_consent(user):
            return redirect("accounts:consent")
        if permissions.needs_two_factor(user) and not permissions.has_two_factor(user):
            return redirect("mfa_activate_totp")
        profile = getattr(user, "profile", None)
        if (profile is None or not profile.is_complete) and name not in PROFILE_URL_NAMES:
            return redirect("accounts:profile_edit")
        return None
