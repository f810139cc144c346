"""The one publish module: real-time events, sent after commit, to an explicit list of people.

If the channel layer (Redis) is down, publishing fails quietly: everything was saved first, and
clients catch up from the last message id they saw when they reconnect or reload.
"""

import asyncio
import hashlib
import logging
import time
import weakref
from collections.abc import Iterable, Sequence
from typing import Any

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction

from ligesind.core.drain import Drain

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
    """Channel-layer messages to users' groups. On the server's event loop they join the
    process's queue (in order, many at a time); elsewhere (a plain view, a task) they go at once.
    If the layer is down, this fails quietly: the data is saved and clients catch up."""
    layer = get_channel_layer()
    if layer is None:
        return
    sends = [(user_group(user_id), message) for user_id, message in messages]
    loop = _server_loop
    if loop is not None and loop.is_running():
        loop.call_soon_threadsafe(_add_to_outbox, layer, sends)
        return
    if time.monotonic() < _layer["down_until"]:
        return  # it failed moments ago: the page does not wait for it again
    try:
        async_to_sync(send_all)(layer, sends)
    except Exception:  # noqa: BLE001 - live updates are best effort; the data is saved
        if not _layer["down_until"]:
            log.warning("Live update not delivered (channel layer unavailable)", exc_info=True)
        _layer["down_until"] = time.monotonic() + LAYER_RETRY_SECONDS
    else:
        _layer["down_until"] = 0.0


# After a failed send, plain requests (pages, tasks) skip the channel layer for this long.
LAYER_RETRY_SECONDS = 5.0
_layer = {"down_until": 0.0}


async def send_all(layer: Any, sends: list[tuple[str, dict[str, Any]]]) -> None:
    if hasattr(layer, "group_send_many"):  # ligesind.core.fast.channel_layer: two round trips
        await layer.group_send_many(sends)
    else:
        for group, message in sends:
            await layer.group_send(group, message)


class Outbox(Drain[tuple[str, dict[str, Any]]]):
    """Live events of one server process, sent one batch at a time in the order they were
    saved: whatever arrives while a batch is on its way goes together in the next one."""

    def __init__(self, layer: Any) -> None:
        super().__init__()
        self.layer = layer

    async def handle(self, batch: list[tuple[str, dict[str, Any]]]) -> None:
        try:
            await send_all(self.layer, batch)
        except Exception:  # noqa: BLE001 - best effort; the data is saved
            log.warning("Live update not delivered (channel layer unavailable)", exc_info=True)


_outboxes: "weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, Outbox]" = (
    weakref.WeakKeyDictionary()
)


def _add_to_outbox(layer: Any, sends: list[tuple[str, dict[str, Any]]]) -> None:
    """On the server's loop: one outbox per loop (per server process)."""
    loop = asyncio.get_running_loop()
    if loop not in _outboxes or _outboxes[loop].layer is not layer:
        _outboxes[loop] = Outbox(layer)
    _outboxes[loop].add(sends)


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


def session_fingerprint(session_key: str) -> str:
    """What names a session in live events: never the session key itself."""
    return hashlib.sha256(session_key.encode()).hexdigest()[:32]


def check_connections(user_id: int, *, ended_session: str = "") -> None:
    """This user's open WebSockets ask again whether their session is still signed in (after
    a sign-out, a new password or e-mail); the one of ``ended_session`` closes at once."""
    event = {"type": "session.check"}
    if ended_session:
        event["ended"] = session_fingerprint(ended_session)
    _send_after_commit([(user_id, event)])
