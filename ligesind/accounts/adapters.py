from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator
from django.contrib.sites.shortcuts import get_current_site
from django.utils.translation import gettext_lazy as _

from ligesind.core.crypto import PREFIX, decrypt_text, encrypt_text
from ligesind.core.services import queue_email
from ligesind.core.sites import site_url

from . import permissions


class AccountAdapter(DefaultAccountAdapter):
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "too_many_login_attempts": _(
            "There have been too many wrong passwords for this account, so signing in with a "
            "password is paused for a while. You can still sign in now with a code we send "
            "to your e-mail."
        ),
    }

    def send_mail(self, template_prefix: str, email: str, context: dict[str, Any]) -> None:
        """allauth's e-mails (confirmation, password reset, "you already have an account") are
        rendered here and sent by a background task."""
        request = allauth_context.request
        full = {
            "request": request,
            "email": email,
            "current_site": get_current_site(request),
            "site_url": site_url(request),
        }
        queue_email(self.render_mail(template_prefix, email, {**full, **context}))


class MFAAdapter(DefaultMFAAdapter):
    """TOTP secrets are encrypted at rest with the project's keys."""

    def encrypt(self, text: str) -> str:
        return encrypt_text(text)

    def decrypt(self, encrypted_text: str) -> str:
        if encrypted_text.startswith(PREFIX):
            return decrypt_text(encrypted_text)
        return encrypted_text

    def can_delete_authenticator(self, authenticator: Authenticator) -> bool:
        if authenticator.type == Authenticator.Type.TOTP and permissions.needs_two_factor(
            authenticator.user
        ):
            return False
        return super().can_delete_authenticator(authenticator)
