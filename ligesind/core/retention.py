"""How long data is kept. Each app registers a purge for what it deletes or stops needing;
``core.services.purge_old_data`` runs them all (daily, from cron or a task worker).

Ligesind stores no IP addresses in its database: the per-address rate-limit counters live in
the cache and expire within 30 minutes.
"""

from collections.abc import Callable
from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone

Purge = Callable[[datetime], dict[str, int]]
_purges: list[Purge] = []


def register_purge(purge: Purge) -> None:
    """``purge(now)`` deletes what is past its time and returns counts by kind."""
    if purge not in _purges:
        _purges.append(purge)


def purges() -> list[Purge]:
    return list(_purges)


# What a member deletes is held back, out of sight, for LIGESIND_UNDO_MINUTES so a slip of the
# finger can be undone; each app registers how it forgets what is past that time for good.
_forgets: list[Purge] = []


def undo_deadline(now: datetime | None = None) -> datetime:
    """Deletions before this moment can no longer be undone."""
    return (now or timezone.now()) - timedelta(minutes=settings.LIGESIND_UNDO_MINUTES)


def register_forget(forget: Purge) -> None:
    """``forget(now)`` erases held-back deleted texts older than ``undo_deadline(now)``; it also
    runs with the daily purge."""
    if forget not in _forgets:
        _forgets.append(forget)
    register_purge(forget)


def forget_deleted_texts(now: datetime | None = None) -> dict[str, int]:
    moment = now or timezone.now()
    counts: dict[str, int] = {}
    for forget in list(_forgets):
        counts.update(forget(moment))
    return counts
