"""Reactions to allauth's account events."""

from typing import Any

from allauth.account.signals import email_changed
from django.contrib.auth import update_session_auth_hash
from django.http import HttpRequest

from .models import User
from .services import end_other_sessions


def _email_changed(sender: Any, request: HttpRequest | None, user: User, **kwargs: Any) -> None:
    """A new e-mail address ends the account's other sessions, as a new password does: whoever
    had the old address signed in elsewhere is signed out. This session stays."""
    end_other_sessions(actor=user)
    if request is not None and request.user.is_authenticated:
        update_session_auth_hash(request, user)


def connect() -> None:
    email_changed.connect(_email_changed, dispatch_uid="ligesind.accounts.email_changed")
