"""The ceiling for the chat benchmark: a bare Channels consumer that relays 1:1 through the
channel layer without saving anything. Served by bench/asgi_relay.py, never by the site."""

from typing import Any
from urllib.parse import parse_qs

from channels.generic.websocket import AsyncWebsocketConsumer


class RelayConsumer(AsyncWebsocketConsumer):
    async def connect(self) -> None:
        query = parse_qs(self.scope["query_string"].decode())
        self.me = query["me"][0]
        self.partner = query["partner"][0]
        await self.channel_layer.group_add(f"relay.{self.me}", self.channel_name)
        await self.accept()

    async def disconnect(self, code: int) -> None:
        await self.channel_layer.group_discard(f"relay.{self.me}", self.channel_name)

    async def receive(self, text_data: str | None = None, bytes_data: bytes | None = None) -> None:
        await self.channel_layer.group_send(
            f"relay.{self.partner}", {"type": "relay.message", "text": text_data}
        )

    async def relay_message(self, event: dict[str, Any]) -> None:
        await self.send(text_data=event["text"])
