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
# Health checks answer over plain HTTP from the load balancer, without a redirect.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]

# Tasks are queued for the worker that `serve --prod` starts, unless told otherwise.
LIGESIND_TASKS = LIGESIND_TASKS_FROM_ENV or "database"
TASKS = tasks_setting(LIGESIND_TASKS)

# One JSON line per log record on standard error; records carry no personal data (the access
# log, written by gunicorn, has no client address or query string: ligesind.serving).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "ligesind.core.logs.JsonFormatter"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "json"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {"ligesind.serving": {"level": "INFO"}},
}
