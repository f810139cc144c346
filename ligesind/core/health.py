"""What ``/healthz`` and ``/readyz`` report to a load balancer or service manager.

``/healthz``: the process answers (nothing else is touched). ``/readyz``: the database answers
(without it nothing works: 503), Redis answers (without it pages still work, so the node stays
in service and says "degraded") and background tasks are being picked up (a task waiting longer
than ``TASKS_LATE_MINUTES`` means the worker is stopped or far behind).
"""

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import DatabaseError, connection
from django.utils import timezone

TASKS_LATE_MINUTES = 5


def check_database() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return "down"
    return "ok"


def check_redis() -> str:
    if not settings.REDIS_URL:
        return "not used"
    import redis

    client = redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=1, socket_timeout=1)
    try:
        client.ping()
    except (redis.RedisError, OSError):
        return "down"
    finally:
        client.close()
    return "ok"


def check_tasks() -> str:
    if settings.LIGESIND_TASKS != "database":
        return "run at once (no worker)"
    from django_tasks_db.models import DBTaskResult

    late = timezone.now() - timedelta(minutes=TASKS_LATE_MINUTES)
    try:
        behind = DBTaskResult.objects.ready().filter(enqueued_at__lt=late).exists()
    except DatabaseError:
        return "unknown"
    return "behind" if behind else "ok"


def readiness() -> tuple[bool, dict[str, Any]]:
    """(ready, report): ready while the database answers."""
    report = {"database": check_database(), "redis": check_redis()}
    report["tasks"] = check_tasks() if report["database"] == "ok" else "unknown"
    ready = report["database"] == "ok"
    degraded = report["redis"] == "down" or report["tasks"] == "behind"
    report["status"] = "ready" if ready and not degraded else ("degraded" if ready else "down")
    return ready, report
