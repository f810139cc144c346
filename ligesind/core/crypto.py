"""Encryption at rest for sensitive text (GDPR art. 9 data).

Keys come from ``settings.LIGESIND_ENCRYPTION_KEYS`` (newest first). ``MultiFernet`` encrypts with
the first key and decrypts with any, so a new key can be put in front and old data stays readable.
"""

from functools import cache

from cryptography.fernet import Fernet, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.signals import setting_changed

PREFIX = "fernet:"


@cache
def _fernet(keys: tuple[str, ...]) -> MultiFernet:
    if not keys:
        raise ImproperlyConfigured("LIGESIND_ENCRYPTION_KEYS is empty.")
    return MultiFernet([Fernet(key.encode()) for key in keys])


def fernet() -> MultiFernet:
    return _fernet(tuple(settings.LIGESIND_ENCRYPTION_KEYS))


def encrypt_text(value: str) -> str:
    return PREFIX + fernet().encrypt(value.encode()).decode()


def decrypt_text(token: str) -> str:
    if not token.startswith(PREFIX):
        raise ValueError("Value is not an encrypted token.")
    return fernet().decrypt(token[len(PREFIX) :].encode()).decode()


def _clear_cache(**kwargs: object) -> None:
    if kwargs.get("setting") == "LIGESIND_ENCRYPTION_KEYS":
        _fernet.cache_clear()


setting_changed.connect(_clear_cache)
