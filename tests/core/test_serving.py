"""How the site is served: uvicorn believes X-Forwarded-For only from the configured proxies."""

import json
import socket
import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import uvicorn

from ligesind.__main__ import uvicorn_options


async def echo_client(scope: dict[str, Any], receive: Any, send: Any) -> None:
    """A tiny ASGI app that answers with the client address uvicorn gives the application."""
    body = json.dumps({"client": scope["client"][0]}).encode()
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": body})


@contextmanager
def served(**options: Any) -> Iterator[int]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(echo_client, host="127.0.0.1", port=port, log_level="warning", **options)
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.02)
    try:
        yield port
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def client_seen(port: int) -> str:
    request = urllib.request.Request(  # noqa: S310 - a local test server
        f"http://127.0.0.1:{port}/", headers={"X-Forwarded-For": "198.51.100.7"}
    )
    with urllib.request.urlopen(request, timeout=10) as answer:  # noqa: S310
        return str(json.load(answer)["client"])


def test_a_client_cannot_choose_its_own_address(settings):
    settings.LIGESIND_TRUSTED_PROXIES = []
    with served(**uvicorn_options()) as port:
        assert client_seen(port) == "127.0.0.1"


def test_a_configured_proxy_is_believed(settings):
    settings.LIGESIND_TRUSTED_PROXIES = ["127.0.0.1"]
    with served(**uvicorn_options()) as port:
        assert client_seen(port) == "198.51.100.7"
