"""Production: refuses to start without its required values."""

from django.core.exceptions import ImproperlyConfigured

from .base import *

for _name, _value in {
    "SECRET_KEY": SECRET_KEY,
    "LIGESIND_ENCRYPTION_KEYS": LIGESIND_ENCRYPTION_KEYS,
    "DATABASE_URL": DATABASE_URL,
    "EMAIL_URL": EMAIL_URL,
}.items():
    if not _value:
        raise ImproperlyConfigured(f"{_name} must be set in production.")

DEBUG = False
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
