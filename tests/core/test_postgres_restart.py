"""PostgreSQL restarted under load: a PostgreSQL of the test's own (initdb in a temporary
folder), an app node as production runs it (gunicorn), members loading pages and sending
messages for 60 s, and a fast restart of the database in the middle. Once it is back, no
request fails, and every message the site acknowledged is in the database.
Runs in the PostgreSQL pass of CI, where the server's programs are installed."""

import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from django.conf import settings
from django.db import connection

from ligesind.serving import gunicorn_command
from tests.core.test_two_nodes import sign_in
from tests.messaging.test_multiprocess import free_port, wait_for

PG_BIN = sorted(glob.glob("/usr/lib/postgresql/*/bin"))
LOAD_SECONDS = 60
RESTART_AT = 15
LOAD = ("page", "message", "page")  # one thread each

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql"
    or not PG_BIN
    or os.geteuid() != 0
    or not shutil.which("runuser"),
    reason="needs PostgreSQL's programs and root (to run them as postgres): the PostgreSQL pass",
)


def as_postgres(*command: str) -> None:
    """Run a PostgreSQL program as its own user. Its output goes nowhere: a server that pg_ctl
    starts would hold a captured pipe open, and the call would never return."""
    subprocess.run(  # noqa: S603
        ["runuser", "-u", "postgres", "--", *command],  # noqa: S607
        check=True,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        timeout=120,
    )


@pytest.fixture
def own_postgres() -> Iterator[tuple[str, int]]:
    folder = Path(tempfile.mkdtemp(prefix="ligesind-pg-"))
    data = folder / "data"
    shutil.chown(folder, "postgres")
    port = free_port()
    pg_ctl = f"{PG_BIN[-1]}/pg_ctl"
    as_postgres(f"{PG_BIN[-1]}/initdb", "-D", str(data), "-A", "trust", "-U", "postgres")
    options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off"
    as_postgres(pg_ctl, "-D", str(data), "-o", options, "-w", "-l", str(folder / "log"), "start")
    try:
        yield str(data), port
    finally:
        as_postgres(pg_ctl, "-D", str(data), "-m", "immediate", "stop")
        shutil.rmtree(folder, ignore_errors=True)


SEED = """
from tests.factories import UserFactory
from ligesind.messaging import services
alice = UserFactory.create(email="alice@example.org", member__alias="Alice")
bob = UserFactory.create(email="bob@example.org", member__alias="Bob")
print(services.open_conversation(people=[alice, bob], kind="direct").pk)
"""
SAVED = """
from ligesind.messaging.models import Message
print("\\n".join(Message.objects.values_list("body", flat=True)))
"""


def site(env: dict[str, str], *arguments: str) -> str:
    """``python -m ligesind ...`` against the test's own PostgreSQL; what it printed."""
    done = subprocess.run(  # noqa: S603
        [sys.executable, "-m", "ligesind", *arguments],
        env=env,
        cwd=settings.BASE_DIR,
        check=True,
        capture_output=True,
        text=True,
    )
    return done.stdout


class Load:
    """A signed-in member loading pages and sending messages until ``stop_at``."""

    def __init__(self, base: str, conversation: int, stop_at: float) -> None:
        self.base, self.stop_at = base, stop_at
        self.browser = sign_in(base, "alice@example.org")
        self.chat = f"{base}/messages/{conversation}/"
        page = self.browser.get(self.chat, timeout=30).text
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        assert token
        self.token = token.group(1)
        self.back_at = float("inf")  # when PostgreSQL answered again
        self.failed_after_return: list[str] = []
        self.acknowledged: list[str] = []

    def page(self) -> int:
        return self.browser.get(f"{self.base}/me/", timeout=30, allow_redirects=False).status_code

    def message(self) -> int:
        body = f"message {uuid.uuid4().hex[:8]}"
        status = self.browser.post(
            self.chat,
            {"body": body, "client_key": uuid.uuid4().hex, "csrfmiddlewaretoken": self.token},
            headers={"Accept": "application/json"},
            timeout=30,
        ).status_code
        if status == 200:
            self.acknowledged.append(body)
        return status

    def run(self, kind: str) -> None:
        while time.monotonic() < self.stop_at:
            started = time.monotonic()
            try:
                status: object = self.page() if kind == "page" else self.message()
            except requests.RequestException as error:
                status = error
            if status != 200 and started > self.back_at:
                self.failed_after_return.append(f"{kind}: {status}")
            time.sleep(0.05)


def test_a_postgresql_restart_under_load_loses_nothing(own_postgres):
    data, pg_port = own_postgres
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "ligesind.settings.test",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:{pg_port}/postgres",
        "LIGESIND_MESSAGES_PER_MINUTE": "1000000",  # the load sends faster than a person
    }
    site(env, "migrate")
    conversation = int(site(env, "shell", "-c", SEED).strip().splitlines()[-1])
    port = free_port()
    command = gunicorn_command(f"127.0.0.1:{port}", workers=2)
    node = subprocess.Popen(command, cwd=settings.BASE_DIR, env=env)  # noqa: S603
    try:
        wait_for(port)
        load = Load(f"http://127.0.0.1:{port}", conversation, time.monotonic() + LOAD_SECONDS)
        threads = [threading.Thread(target=load.run, args=(kind,)) for kind in LOAD]
        for thread in threads:
            thread.start()
        time.sleep(RESTART_AT)
        as_postgres(f"{PG_BIN[-1]}/pg_ctl", "-D", data, "-m", "fast", "-w", "restart")
        load.back_at = time.monotonic()
        for thread in threads:
            thread.join(timeout=LOAD_SECONDS + 60)
    finally:
        node.terminate()
        node.wait(timeout=60)
    assert load.back_at < load.stop_at - 5, "the restart took the whole load: nothing measured"
    assert load.failed_after_return == []
    assert load.acknowledged
    assert set(load.acknowledged) <= set(site(env, "shell", "-c", SAVED).splitlines())
