"""Two ASGI server processes share Redis: a client on one receives what a client on the other
sends. Runs in the PostgreSQL + Redis pass of CI (it needs a database both processes can open)."""

import asyncio
import json
import os
import socket
import subprocess
import sys
import time

import pytest
import websockets
from django.conf import settings
from django.db import connection

from tests.asyncio_helpers import run_coroutine
from tests.messaging.test_consumers import session_cookie

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        not (settings.REDIS_URL and connection.vendor == "postgresql"),
        reason="needs PostgreSQL and Redis (the second CI pass)",
    ),
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(port: int) -> subprocess.Popen[bytes]:
    db = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "ligesind.settings.test",
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
    }
    return subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "uvicorn", "ligesind.asgi:application", "--port", str(port),
         "--log-level", "warning", "--lifespan", "off"],
        cwd=settings.BASE_DIR,
        env=env,
    )  # fmt: skip


def wait_for(port: int) -> None:
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"server on {port} did not start")


def test_two_server_processes_share_redis(chat, alice, bob):
    ports = [free_port(), free_port()]
    servers = [start_server(port) for port in ports]
    try:
        for port in ports:
            wait_for(port)
        run_coroutine(exchange(ports, session_cookie(alice), session_cookie(bob), chat.pk))
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=10)
    assert [m.body for m in chat.messages.all()] == ["Over to the other process"]


async def exchange(ports: list[int], alice_cookie: str, bob_cookie: str, conversation: int) -> None:
    def headers(cookie: str, port: int) -> dict[str, str]:
        return {"Cookie": cookie, "Origin": f"http://127.0.0.1:{port}"}

    url = "ws://127.0.0.1:{}/ws/chat/"
    async with (
        websockets.connect(
            url.format(ports[0]), additional_headers=headers(alice_cookie, ports[0])
        ) as sender,
        websockets.connect(
            url.format(ports[1]), additional_headers=headers(bob_cookie, ports[1])
        ) as receiver,
    ):
        await receiver.recv()  # unread count on connect
        await sender.recv()
        message = {
            "type": "send",
            "conversation": conversation,
            "body": "Over to the other process",
            "client_key": "mp1",
        }
        await sender.send(json.dumps(message))
        while True:
            event = json.loads(await asyncio.wait_for(receiver.recv(), timeout=10))
            if event.get("event") == "message":
                break
        assert event["message"]["html"] == "<p>Over to the other process</p>"
