"""How long data is kept. Each app registers a purge for what it deletes or stops needing;
``core.services.purge_old_data`` runs them all (daily, from cron or a task worker).

Ligesind stores no IP addresses in its database: the per-address rate-limit counters live in
the cache and expire within 30 minutes.
"""

from collections.abc import Callable
from datetime import datetime

Purge = Callable[[datetime], dict[str, int]]
_purges: list[Purge] = []


def register_purge(purge: Purge) -> None:
    """``purge(now)`` deletes what is past its time and returns counts by kind."""
    if purge not in _purges:
        _purges.append(purge)


def purges() -> list[Purge]:
    return list(_purges)
