"""The one publish module: real-time events, sent after commit, to an explicit list of people.

If the channel layer (Redis) is down, publishing fails quietly: everything was saved first, and
clients catch up from the last message id they saw when they reconnect or reload.
"""

import asyncio
import logging
from collections.abc import Iterable
from typing import Any

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction

log = logging.getLogger(__name__)


def user_group(user_id: int) -> str:
    return f"user.{user_id}"


def _send(user_ids: list[int], event: dict[str, Any]) -> None:
    layer = get_channel_layer()
    if layer is None:
        return
    message = {"type": "chat.event", **event}

    async def send_all() -> None:  # one hop to the event loop for all recipients
        await asyncio.gather(*(layer.group_send(user_group(uid), message) for uid in user_ids))

    try:
        async_to_sync(send_all)()
    except Exception:  # noqa: BLE001 - live updates are best effort; the data is saved
        log.warning("Live update not delivered (channel layer unavailable)", exc_info=True)


def publish(user_ids: Iterable[int], event: dict[str, Any]) -> None:
    """Send ``event`` to these users' open pages once the current transaction commits."""
    recipients = sorted(set(user_ids))
    transaction.on_commit(lambda: _send(recipients, event))


def end_connections(user_id: int) -> None:
    """Close this user's open WebSockets (after commit): their session has been ended."""

    def close() -> None:
        layer = get_channel_layer()
        if layer is None:
            return
        try:
            async_to_sync(layer.group_send)(user_group(user_id), {"type": "session.end"})
        except Exception:  # noqa: BLE001 - the socket's own auth check at reconnect still holds
            log.warning("Could not reach open connections of %s", user_id, exc_info=True)

    transaction.on_commit(close)
