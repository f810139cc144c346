"""The site's ASGI application plus the bare relay at /ws/relay/ (benchmark only)."""

import os
from typing import Any

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ligesind.settings.dev")

from channels.routing import ProtocolTypeRouter  # noqa: E402

from bench.relay import RelayConsumer  # noqa: E402
from ligesind.asgi import application as site  # noqa: E402

relay = RelayConsumer.as_asgi()
site_websocket = site.application_mapping["websocket"]


async def websocket(scope: dict[str, Any], receive: Any, send: Any) -> None:
    app = relay if scope["path"].startswith("/ws/relay/") else site_websocket
    await app(scope, receive, send)


application = ProtocolTypeRouter({"http": site.application_mapping["http"], "websocket": websocket})
