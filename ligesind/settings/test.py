"""Tests: fast hashing, fixed keys, e-mail kept in memory."""

import os

from .base import *

DEBUG = False
SECRET_KEY = "test-only-secret-key-not-for-production-use-0123456789"  # noqa: S105
LIGESIND_ENCRYPTION_KEYS = LIGESIND_ENCRYPTION_KEYS or [
    "k4BmO4YpQm8a6kF0m6S3VqvSd4v9mZ8o6nYyQ1m3c2E=",
]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WHITENOISE_USE_FINDERS = True
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
MEDIA_ROOT = VAR_DIR / "test-media"

# Parallel test workers (pytest-xdist) must not share a Redis database or channel names.
_worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0")
_worker_index = int(_worker.removeprefix("gw") or 0)
if REDIS_URL:
    _redis_url = REDIS_URL.rsplit("/", 1)[0] + f"/{1 + _worker_index}"
    CACHES["default"]["LOCATION"] = _redis_url
    CHANNEL_LAYERS["default"]["CONFIG"] = {
        "hosts": [{"address": _redis_url, "socket_timeout": None, "max_connections": 500}],
        "prefix": f"asgi-test-{_worker}",
    }

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file rather than Django's shared in-memory database: the browser tests' server threads
    # and the test itself write at once, and the in-memory database's table locks failed such
    # a write now and then ("database table is locked: django_session") where a file's writer
    # waits its turn. Each test worker gets its own file (pytest-django adds the suffix).
    VAR_DIR.mkdir(parents=True, exist_ok=True)  # a fresh clone has no var/ yet
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test.sqlite3")}
    DATABASES["default"]["OPTIONS"] = {
        **DATABASES["default"].get("OPTIONS", {}),  # type: ignore[dict-item]
        "init_command": "PRAGMA synchronous=OFF",  # a test database need not survive a crash
    }
