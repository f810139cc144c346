"""Members must have consented, have an alias, and (staff) use two-factor before anything else.
A suspended or banned member reaches only the page with the reasons and the appeal box."""

import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from ligesind.core.memo import plain

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
        user = plain(request.user)
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


SESSION_STARTED = "ligesind_session_started"
SESSION_SEEN = "ligesind_session_seen"
# "Seen" is kept to the minute: writing the session on every staff request cost three queries
# a page; an idle session then ends up to a minute early, never late.
SEEN_PRECISION = 60


class StaffSessionLimitMiddleware:
    """Staff sessions end after ``LIGESIND_STAFF_IDLE_MINUTES`` without a request (30) and
    after ``LIGESIND_STAFF_SESSION_HOURS`` in all (12); they sign in again (with two-factor)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = plain(request.user)
        if user.is_authenticated and permissions.is_staff_member(user):
            now = time.time()
            started = request.session.setdefault(SESSION_STARTED, now)
            seen = request.session.get(SESSION_SEEN, now)
            idle = now - seen > settings.LIGESIND_STAFF_IDLE_MINUTES * 60
            too_long = now - started > settings.LIGESIND_STAFF_SESSION_HOURS * 3600
            if idle or too_long:
                logout(request)
                messages.info(
                    request,
                    _(
                        "You were signed out: staff sessions end after %(minutes)s minutes "
                        "without activity and after %(hours)s hours in all. Please sign in again."
                    )
                    % {
                        "minutes": settings.LIGESIND_STAFF_IDLE_MINUTES,
                        "hours": settings.LIGESIND_STAFF_SESSION_HOURS,
                    },
                )
                return redirect_to_login(request.get_full_path())
            if now - seen >= SEEN_PRECISION or SESSION_SEEN not in request.session:
                request.session[SESSION_SEEN] = now  # a session write: once a minute at most
        return self.get_response(request)
