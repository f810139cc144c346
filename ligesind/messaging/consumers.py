"""One WebSocket per signed-in member (/ws/chat/): live messages, typing, read state, unread count.

Thin: every rule is asked of ``permissions`` and every write goes through ``services``.
"""

import asyncio
import json
import time
import weakref
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from channels.consumer import get_handler_name
from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer

from ligesind.accounts.permissions import is_session_current
from ligesind.core.drain import Drain
from ligesind.core.errors import DomainError

from . import permissions, services
from .models import Conversation
from .realtime import session_fingerprint, use_event_loop, user_group

NOT_ALLOWED = 4403
SESSION_ENDED = 4401
TRY_AGAIN_LATER = 1013  # the channel layer (Redis) is away: the page retries and polls meanwhile
# The session is asked again on a frame this long after the last check (besides the pushes
# on sign-out and credential changes).
RECHECK_SECONDS = 60.0
# At most one typing event per socket in this time (the page sends one every 2.5 s).
TYPING_SECONDS = 2.0


class ChatConsumer(AsyncJsonWebsocketConsumer):
    closed = False

    async def dispatch(self, message: dict[str, Any]) -> None:
        """Channels' dispatch without its thread hop to close old database connections before
        every event: this consumer touches the database only through database_sync_to_async,
        which closes them itself, and a busy chat has thousands of events a second."""
        handler = getattr(self, get_handler_name(message), None)
        if handler is None:
            raise ValueError(f"No handler for message type {message['type']}")
        await handler(message)

    async def connect(self) -> None:
        self.user = self.scope.get("user")
        if self.user is None or not await database_sync_to_async(permissions.can_message)(
            self.user
        ):
            await self.close(code=NOT_ALLOWED)
            return
        session = self.scope.get("session")
        self.session_key: str | None = getattr(session, "session_key", None)
        self.checked_at = time.monotonic()
        self.typing_at = float("-inf")
        use_event_loop(asyncio.get_running_loop())
        self.sending: set[asyncio.Task[None]] = set()
        try:
            await self.channel_layer.group_add(user_group(self.user.pk), self.channel_name)
        except Exception:  # noqa: BLE001 - Redis is away: refuse calmly, the page polls
            await self.close(code=TRY_AGAIN_LATER)
            return
        self.group = user_group(self.user.pk)
        await self.accept()
        await self.send_unread()

    async def disconnect(self, code: int) -> None:
        self.closed = True
        if hasattr(self, "group"):
            await self.channel_layer.group_discard(self.group, self.channel_name)

    async def receive(self, text_data: str | None = None, bytes_data: bytes | None = None) -> None:
        """A frame that is not a JSON object gets an error event; the socket stays open."""
        if self.closed:
            return
        try:
            content = json.loads(text_data) if text_data is not None else None
        except ValueError:
            content = None
        if not isinstance(content, dict):
            await self.send_json({"event": "error", "error": "bad-frame"})
            return
        due = time.monotonic() - self.checked_at > RECHECK_SECONDS
        if due and not await self.still_signed_in():
            return
        await self.receive_json(content)

    async def receive_json(self, content: dict[str, Any], **kwargs: Any) -> None:
        kind = content.get("type")
        if kind not in ("send", "typing", "read"):
            await self.send_json({"event": "error", "error": "unknown-type"})
            return
        if kind == "send":
            # Saved in the background, so messages for this socket keep arriving meanwhile;
            # the batcher keeps this socket's messages in the order they were sent.
            task = asyncio.create_task(self.send_message(content))
            self.sending.add(task)
            task.add_done_callback(self.sending.discard)
            return
        if kind == "typing":
            now = time.monotonic()
            if now - self.typing_at < TYPING_SECONDS:
                return  # one is on its way; more would only flood the others
            self.typing_at = now
        conversation = await self.conversation(content.get("conversation"))
        if conversation is None:
            await self.send_json({"event": "error", "error": "not-found"})
            return
        if kind == "typing":
            await database_sync_to_async(self.typing)(conversation)
        elif kind == "read":
            await database_sync_to_async(services.mark_read)(
                actor=self.user, conversation=conversation, up_to_id=_int(content.get("up_to"))
            )
            await self.send_unread()

    async def send_message(self, content: dict[str, Any]) -> None:
        outgoing = services.Outgoing(
            actor=self.user,
            conversation_id=_int(content.get("conversation")) or 0,
            body=str(content.get("body") or ""),
            client_key=str(content.get("client_key", "")),
            origin=self.channel_name,
        )
        result = await batcher().submit(outgoing)
        if self.closed:
            return  # saved; the sender catches up from its last message id when it is back
        if isinstance(result, DomainError):
            await self.send_json({"event": "error", "error": result.message})
            return
        # The answer is the message itself (with its client key), as the others get it.
        await self.send_json(services.message_event(result))

    async def chat_event(self, event: dict[str, Any]) -> None:
        # Unread counts: the page adds up message events itself; the server's total comes on
        # connect and after every read, so a busy chat costs no extra query per message.
        if self.closed or event.get("origin") == self.channel_name:
            return  # this socket sent it and has had it as its answer, or is closing
        await self.send_json({k: v for k, v in event.items() if k not in ("type", "origin")})

    async def session_end(self, event: dict[str, Any]) -> None:
        """The member's sessions were ended (a ban, a suspension): close at once."""
        await self.end_session()

    async def session_check(self, event: dict[str, Any]) -> None:
        """A sign-out, a new password or e-mail: close if this socket's session has ended."""
        ended = event.get("ended")
        if ended and self.session_key and ended == session_fingerprint(self.session_key):
            await self.end_session()
        else:
            await self.still_signed_in()

    async def still_signed_in(self) -> bool:
        self.checked_at = time.monotonic()
        current = await database_sync_to_async(is_session_current)(self.user.pk, self.session_key)
        if not current:
            await self.end_session()
        return current

    async def end_session(self) -> None:
        self.closed = True  # nothing more is sent or answered on this socket
        await self.close(code=SESSION_ENDED)

    async def send_unread(self) -> None:
        total = await database_sync_to_async(services.total_unread)(self.user)
        await self.send_json({"event": "unread", "total": total})

    @database_sync_to_async
    def conversation(self, pk: Any) -> Conversation | None:
        key = _int(pk)
        conversation = Conversation.objects.filter(pk=key).first() if key else None
        if conversation is None or not permissions.can_view_conversation(self.user, conversation):
            return None
        return conversation

    def typing(self, conversation: Conversation) -> None:
        if permissions.can_send(self.user, conversation):
            services.announce_typing(actor=self.user, conversation=conversation)


# Saving runs in one thread of its own, beside the shared thread for other database work: one
# batch at a time keeps every sender's messages in order, and batching (not more threads) is
# what lets many writers share the work (bench/chat.py).
save_in_pool = database_sync_to_async(
    services.send_messages,
    thread_sensitive=False,
    executor=ThreadPoolExecutor(1, thread_name_prefix="send"),
)
MAX_BATCH = 200


class Batcher(Drain[tuple[services.Outgoing, asyncio.Future[Any]]]):
    """Messages that arrive while a batch is being saved wait and go together in the next one
    (group commit): one transaction and a handful of queries for many writers."""

    limit = MAX_BATCH

    async def submit(self, outgoing: services.Outgoing) -> Any:
        future: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        self.add([(outgoing, future)])
        return await future

    async def handle(self, batch: list[tuple[services.Outgoing, asyncio.Future[Any]]]) -> None:
        try:
            results = await save_in_pool([outgoing for outgoing, _future in batch])
        except Exception as error:  # noqa: BLE001 - every sender in the batch hears of it
            results = [error] * len(batch)
        for (_outgoing, future), result in zip(batch, results, strict=True):
            if future.done():
                continue
            if isinstance(result, Exception) and not isinstance(result, DomainError):
                future.set_exception(result)
            else:
                future.set_result(result)


_batchers: "weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, Batcher]" = (
    weakref.WeakKeyDictionary()
)


def batcher() -> Batcher:
    """One per event loop (one per server process)."""
    loop = asyncio.get_running_loop()
    if loop not in _batchers:
        _batchers[loop] = Batcher()
    return _batchers[loop]


def _int(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
