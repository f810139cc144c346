"""One WebSocket per signed-in member (/ws/chat/): live messages, typing, read state, unread count.

Thin: every rule is asked of ``permissions`` and every write goes through ``services``.
"""

from concurrent.futures import ThreadPoolExecutor
from typing import Any

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from django.conf import settings
from django.utils.translation import gettext as _

from ligesind.core.errors import DomainError

from . import permissions, services
from .models import Conversation
from .realtime import user_group

NOT_ALLOWED = 4403
SESSION_ENDED = 4401


class ChatConsumer(AsyncJsonWebsocketConsumer):
    async def connect(self) -> None:
        self.user = self.scope.get("user")
        if self.user is None or not await database_sync_to_async(permissions.can_message)(
            self.user
        ):
            await self.close(code=NOT_ALLOWED)
            return
        self.group = user_group(self.user.pk)
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.accept()
        await self.send_unread()

    async def disconnect(self, code: int) -> None:
        if hasattr(self, "group"):
            await self.channel_layer.group_discard(self.group, self.channel_name)

    async def receive_json(self, content: dict[str, Any], **kwargs: Any) -> None:
        kind = content.get("type")
        if kind == "send":  # send_message checks the permission itself, in the same query
            await self.send_message(content)
            return
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
        try:
            message = await send_in_pool(
                self.user, _int(content.get("conversation")), content.get("body"), content
            )
        except DomainError as error:
            await self.send_json({"event": "error", "error": error.message})
            return
        await self.send_json({"event": "sent", "id": message.pk, "client_key": message.client_key})

    async def chat_event(self, event: dict[str, Any]) -> None:
        # Unread counts: the page adds up message events itself; the server's total comes on
        # connect and after every read, so a busy chat costs no extra query per message.
        await self.send_json({key: value for key, value in event.items() if key != "type"})

    async def session_end(self, event: dict[str, Any]) -> None:
        """The member's sessions were ended (a ban, a suspension): close at once."""
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


def _send(user: Any, conversation_id: int | None, body: Any, content: dict[str, Any]) -> Any:
    conversation = (
        Conversation.objects.filter(pk=conversation_id).first() if conversation_id else None
    )
    if conversation is None:
        raise DomainError(_("You cannot write in this conversation."))
    return services.send_message(
        actor=user,
        conversation=conversation,
        body=str(body or ""),
        client_key=str(content.get("client_key", "")),
    )


# Sends run in a small pool of their own, beside the one shared thread for other database work.
# Measured with bench/chat.py at 200 clients: 1-2 threads give the lowest tail latency; 16
# threads made it worse (they contend for the GIL).
send_in_pool = database_sync_to_async(
    _send,
    thread_sensitive=False,
    executor=ThreadPoolExecutor(settings.LIGESIND_SEND_THREADS, thread_name_prefix="send"),
)


def _int(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
