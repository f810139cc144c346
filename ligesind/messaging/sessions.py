"""Open chat sockets follow the sessions they were opened in: signing out, a new password or a
new e-mail address reaches them at once (ligesind.messaging.consumers checks and closes)."""

from typing import Any

from allauth.account.signals import email_changed, password_changed, password_reset, password_set
from django.contrib.auth.signals import user_logged_out
from django.http import HttpRequest

from .realtime import check_connections


def _logged_out(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    if user is None or not user.pk:
        return
    key = request.session.session_key if request is not None else None
    check_connections(user.pk, ended_session=key or "")


def _credentials_changed(sender: Any, user: Any = None, **kwargs: Any) -> None:
    if user is not None and user.pk:
        check_connections(user.pk)


def connect() -> None:
    user_logged_out.connect(_logged_out, dispatch_uid="ligesind.messaging.logged_out")
    for name, signal in {
        "password_changed": password_changed,
        "password_set": password_set,
        "password_reset": password_reset,
        "email_changed": email_changed,
    }.items():
        signal.connect(_credentials_changed, dispatch_uid=f"ligesind.messaging.{name}")
