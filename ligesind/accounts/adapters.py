from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator

from ligesind.core.crypto import PREFIX, decrypt_text, encrypt_text

from . import permissions


class AccountAdapter(DefaultAccountAdapter):
    pass


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
