"""The one publish module: real-time events, sent after commit, to an explicit list of people.

If the channel layer (Redis) is down, publishing fails quietly: everything was saved first, and
clients catch up from the last message id they saw when they reconnect or reload.
"""

import asyncio
import concurrent.futures
import logging
from collections.abc import Iterable, Sequence
from typing import Any

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction

log = logging.getLogger(__name__)


def user_group(user_id: int) -> str:
    return f"user.{user_id}"


def _send_after_commit(messages: list[tuple[int, dict[str, Any]]]) -> None:
    if messages:
        transaction.on_commit(lambda: _deliver(messages))


# The event loop of this process's WebSocket server, when there is one (uvicorn). Events saved
# in a worker thread are handed to it without waiting, so the thread can save the next batch.
_server_loop: asyncio.AbstractEventLoop | None = None


def use_event_loop(loop: asyncio.AbstractEventLoop) -> None:
    global _server_loop  # noqa: PLW0603 - one loop per process, set when a socket connects
    _server_loop = loop


def _deliver(messages: list[tuple[int, dict[str, Any]]]) -> None:
    """Channel-layer messages to users' groups, in one hop to the event loop. If the layer is
    down, this fails quietly: the data is saved and clients catch up."""
    layer = get_channel_layer()
    if layer is None:
        return

    async def send_all() -> None:
        await asyncio.gather(*(layer.group_send(user_group(u), m) for u, m in messages))

    loop = _server_loop
    if loop is not None and loop.is_running() and not _on_loop(loop):
        future = asyncio.run_coroutine_threadsafe(send_all(), loop)
        future.add_done_callback(_log_failure)
        return
    try:
        async_to_sync(send_all)()
    except Exception:  # noqa: BLE001 - live updates are best effort; the data is saved
        log.warning("Live update not delivered (channel layer unavailable)", exc_info=True)


def _on_loop(loop: asyncio.AbstractEventLoop) -> bool:
    try:
        return asyncio.get_running_loop() is loop
    except RuntimeError:
        return False


def _log_failure(future: "concurrent.futures.Future[None]") -> None:
    error = None if future.cancelled() else future.exception()
    if error is not None:
        log.warning("Live update not delivered (channel layer unavailable)", exc_info=error)


def publish_many(events: Sequence[tuple[Iterable[int], dict[str, Any]]]) -> None:
    """Send each event to its users' open pages once the current transaction commits."""
    messages = [({"type": "chat.event", **event}, sorted(set(ids))) for ids, event in events]
    _send_after_commit([(uid, message) for message, ids in messages for uid in ids])


def publish(user_ids: Iterable[int], event: dict[str, Any]) -> None:
    """Send ``event`` to these users' open pages once the current transaction commits."""
    publish_many([(user_ids, event)])


def end_connections(user_id: int) -> None:
    """Close this user's open WebSockets (after commit): their session has been ended."""
    _send_after_commit([(user_id, {"type": "session.end"})])
