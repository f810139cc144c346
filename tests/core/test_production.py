"""`python -m ligesind serve --prod` as an operator starts it: pages from gunicorn, WebSockets
from uvicorn, the task worker; static files from whitenoise; graceful on SIGTERM."""

import asyncio
import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
import websockets
from cryptography.fernet import Fernet
from django.conf import settings

from ligesind.serving import gunicorn_command
from tests.asyncio_helpers import run_coroutine

MEMBER_SESSION = """
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from tests.factories import UserFactory
user = UserFactory.create()
session = SessionStore()
session[SESSION_KEY] = str(user.pk)
session[BACKEND_SESSION_KEY] = "ligesind.accounts.backends.MemberBackend"
session[HASH_SESSION_KEY] = user.get_session_auth_hash()
session.create()
print(session.session_key)
"""

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="SO_REUSEPORT, signals")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def get(url: str, timeout: float = 10) -> tuple[int, bytes, dict[str, str]]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as answer:  # noqa: S310 - local
            return answer.status, answer.read(), dict(answer.headers)
    except urllib.error.HTTPError as error:
        return error.code, error.read(), dict(error.headers)


def wait_until_ready(url: str, process: subprocess.Popen[bytes], seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert process.poll() is None, "serve --prod stopped"
        try:
            if get(url, timeout=2)[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.25)
    raise AssertionError(f"{url} did not answer within {seconds} s")


@pytest.fixture
def production_env(tmp_path: Path) -> dict[str, str]:
    web, ws = free_port(), free_port()
    # The browser tests allow Django's sync calls from async code in this process; a
    # deployment must not (check --deploy refuses it), so the server does not inherit it.
    inherited = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    return {
        **inherited,
        "DJANGO_SETTINGS_MODULE": "ligesind.settings.prod",
        "SECRET_KEY": Fernet.generate_key().decode() * 2,
        "LIGESIND_ENCRYPTION_KEYS": Fernet.generate_key().decode(),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'site.sqlite3'}",
        "EMAIL_URL": "console:",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "STATIC_ROOT": str(tmp_path / "static"),
        "LIGESIND_VAR_DIR": str(tmp_path),
        "LIGESIND_BIND": f"127.0.0.1:{web}",
        "LIGESIND_WS_BIND": f"127.0.0.1:{ws}",
        "WEB_CONCURRENCY": "2",
        "LIGESIND_WS_WORKERS": "2",
        "REDIS_URL": "",
    }


def test_serve_prod_serves_pages_static_files_websockets_and_stops_gracefully(production_env):
    env = production_env
    python = [sys.executable, "-m", "ligesind"]
    refused = subprocess.run(  # noqa: S603
        [*python, "serve", "--prod"], env=env, cwd=settings.BASE_DIR, capture_output=True
    )
    assert refused.returncode != 0
    assert b"migrate" in refused.stderr  # an empty database: it says what to do first

    subprocess.run([*python, "migrate"], env=env, cwd=settings.BASE_DIR, check=True)  # noqa: S603
    member_session = subprocess.run(  # noqa: S603
        [*python, "shell", "-c", MEMBER_SESSION],
        env=env, cwd=settings.BASE_DIR, check=True, capture_output=True, text=True,
    ).stdout.split()[-1]  # fmt: skip
    server = subprocess.Popen([*python, "serve", "--prod"], env=env, cwd=settings.BASE_DIR)  # noqa: S603
    base = f"http://{env['LIGESIND_BIND']}"
    try:
        wait_until_ready(base + "/readyz", server)
        status, body, _headers = get(base + "/readyz")
        assert json.loads(body) == {
            "database": "ok",
            "redis": "not used",
            "tasks": "ok",
            "status": "ready",
        }
        status, body, headers = get(base + "/help-now/")
        assert status == 200 and b"70 201 201" in body
        assert "script-src 'self'" in headers.get("Content-Security-Policy", "")
        css = re.search(rb'href="(/static/core/site\.[0-9a-f]{12}\.css)"', body)
        assert css, "static files with hashed names"
        status, _body, headers = get(base + css.group(1).decode())
        assert status == 200 and "immutable" in headers.get("Cache-Control", "")

        async def anonymous_socket() -> int:
            url = f"ws://{env['LIGESIND_WS_BIND']}/ws/chat/"
            try:
                async with websockets.connect(url, origin=base):  # type: ignore[arg-type]
                    return 101
            except websockets.InvalidStatus as refused:
                return int(refused.response.status_code)

        # The WebSocket processes answer, and refuse a visitor (the chat is for members).
        assert run_coroutine(anonymous_socket()) == 403

        async def members_socket_when_stopped() -> int | None:
            url = f"ws://{env['LIGESIND_WS_BIND']}/ws/chat/"
            cookie = {"Cookie": f"sessionid={member_session}"}
            async with websockets.connect(url, origin=base, additional_headers=cookie) as chat:  # type: ignore[arg-type]
                assert json.loads(await chat.recv())["event"] == "unread"
                server.send_signal(signal.SIGTERM)
                await asyncio.wait_for(chat.wait_closed(), 60)
                return chat.close_code

        # A member's open chat is closed with "service restart", on which the page reconnects.
        assert run_coroutine(members_socket_when_stopped()) == 1012
        code = server.wait(timeout=60)
    finally:
        if server.poll() is None:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=60)
    assert code == 0


def test_sigterm_lets_a_request_in_flight_finish(production_env):
    """gunicorn as serve --prod runs it: a request that is being answered when SIGTERM comes
    still gets its whole answer."""
    bind = production_env["LIGESIND_BIND"]
    command = gunicorn_command(bind, workers=1, app="tests.core.slow_wsgi:application")
    server = subprocess.Popen(command, cwd=settings.BASE_DIR, env=production_env)  # noqa: S603
    try:
        wait_until_ready(f"http://{bind}/", server)
        answers: list[tuple[int, bytes, dict[str, str]]] = []
        slow = threading.Thread(target=lambda: answers.append(get(f"http://{bind}/slow", 30)))
        slow.start()
        time.sleep(1)  # the request is now inside the worker, which sleeps 3 s
        server.send_signal(signal.SIGTERM)
        slow.join(timeout=40)
    finally:
        if server.poll() is None:
            server.send_signal(signal.SIGTERM)
        server.wait(timeout=60)
    assert answers and answers[0][:2] == (200, b"finished")
