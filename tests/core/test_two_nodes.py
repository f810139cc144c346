"""Two app processes on one PostgreSQL and Redis, as two nodes behind a proxy: a session made on
one works on the other, signing out on one ends it on both, and a task queued by one is done by
a worker process. (Chat delivery across processes: tests/messaging/test_multiprocess.py.)
Runs in the PostgreSQL + Redis pass of CI."""

import os
import re
import subprocess
import sys

import pytest
import requests
from django.conf import settings
from django.db import connection

from tests.factories import PASSWORD, UserFactory
from tests.messaging.test_multiprocess import free_port, wait_for

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        not (settings.REDIS_URL and connection.vendor == "postgresql"),
        reason="needs PostgreSQL and Redis (the second CI pass)",
    ),
]


def node_env() -> dict[str, str]:
    db = connection.settings_dict
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "ligesind.settings.test",
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "LIGESIND_TASKS": "database",
    }


def start_node(port: int) -> subprocess.Popen[bytes]:
    return subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "uvicorn", "ligesind.asgi:application", "--port", str(port),
         "--log-level", "warning", "--lifespan", "off"],
        cwd=settings.BASE_DIR,
        env=node_env(),
    )  # fmt: skip


def sign_in(base: str, email: str) -> requests.Session:
    browser = requests.Session()
    page = browser.get(f"{base}/accounts/login/", timeout=30)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
    assert token
    answer = browser.post(
        f"{base}/accounts/login/",
        {"login": email, "password": PASSWORD, "csrfmiddlewaretoken": token.group(1)},
        allow_redirects=False,
        timeout=30,
    )
    assert answer.status_code == 302
    return browser


def csrf(browser: requests.Session, url: str) -> str:
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', browser.get(url).text)
    assert token
    return token.group(1)


def test_sessions_and_tasks_work_across_two_nodes():
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    member = UserFactory.create()
    ports = [free_port(), free_port()]
    nodes = [start_node(port) for port in ports]
    a, b = (f"http://127.0.0.1:{port}" for port in ports)
    try:
        for port in ports:
            wait_for(port)
        browser = sign_in(a, member.email)
        home = browser.get(f"{b}/me/", allow_redirects=False, timeout=30)
        assert home.status_code == 200  # the session made on node A, used on node B

        # A task queued on node A (the e-mail of a password reset) waits for the worker.
        reset = f"{a}/accounts/password/reset/"
        stranger = requests.Session()
        answer = stranger.post(
            reset,
            {"email": member.email, "csrfmiddlewaretoken": csrf(stranger, reset)},
            allow_redirects=False,
            timeout=30,
        )
        assert answer.status_code == 302
        queued = DBTaskResult.objects.filter(task_path__endswith="send_prepared_email")
        assert queued.filter(status=TaskResultStatus.READY).count() == 1
        subprocess.run(  # noqa: S603
            [sys.executable, "-m", "ligesind", "db_worker", "--batch", "--no-startup-delay"],
            cwd=settings.BASE_DIR, env=node_env(), check=True, timeout=120,
        )  # fmt: skip
        assert queued.get().status == TaskResultStatus.SUCCESSFUL

        # Signing out on node B ends the session on node A too.
        logout = f"{b}/accounts/logout/"
        browser.post(logout, {"csrfmiddlewaretoken": csrf(browser, f"{b}/me/")}, timeout=30)
        gone = browser.get(f"{a}/me/", allow_redirects=False, timeout=30)
        assert gone.status_code == 302 and "/accounts/login/" in gone.headers["Location"]
    finally:
        for node in nodes:
            node.terminate()
            node.wait(timeout=30)
