"""The PostgreSQL and Redis this machine runs (DESIGN.md: 127.0.0.1:5432 and :6379), for the
tests of our machinery around them: they run in every pass where the services answer, not only
in CI's second pass, and are skipped with the reason otherwise."""

import socket
from functools import cache

from django.conf import settings

LOCAL_REDIS = "redis://127.0.0.1:6379/15"  # a database of its own; each test uses a prefix
LOCAL_POSTGRES = {"HOST": "127.0.0.1", "PORT": 5432, "USER": "postgres", "NAME": "postgres"}


@cache
def _answers(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return True
    except OSError:
        return False


def redis_url() -> str | None:
    """The settings' Redis, or the local one when it answers; None: no Redis here."""
    if settings.REDIS_URL:
        return str(settings.REDIS_URL)
    return LOCAL_REDIS if _answers(6379) else None


def postgres_answers() -> bool:
    return _answers(5432)


NO_REDIS = "needs Redis: none is configured and nothing answers on 127.0.0.1:6379"
NO_POSTGRES = "needs PostgreSQL: nothing answers on 127.0.0.1:5432"
