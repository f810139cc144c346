"""``python -m ligesind serve --prod``: Ligesind in production, from one command.

It checks the deployment (``check --deploy``, no unapplied migrations), collects the static
files (whitenoise serves them compressed, with hashed names), then starts and watches:

- **pages**: gunicorn, sync workers, on ``LIGESIND_BIND`` (default ``127.0.0.1:8000``);
  ``WEB_CONCURRENCY`` workers (default two per core, plus one). On 2 cores Django serves a page
  several times faster from a WSGI worker than through ASGI (``../shared/DESIGN.md``).
- **WebSockets** (``/ws/``): ``LIGESIND_WS_WORKERS`` uvicorn processes (default one per core)
  on ``LIGESIND_WS_BIND`` (default ``127.0.0.1:8001``), each with a socket of its own on the
  same port (``SO_REUSEPORT``), so the kernel spreads the connections over them evenly.
- **background tasks**: one django-tasks database worker, when ``LIGESIND_TASKS=database``
  (the production default).

A reverse proxy in front sends ``/ws/`` to the second address and everything else to the first
(``docs/deploy.md``). SIGTERM or SIGINT stops everything gracefully: gunicorn lets requests in
flight finish (``GRACEFUL_SECONDS``), uvicorn closes sockets with 1012 (the page reconnects), the
task worker finishes its task. If one part dies, the others are stopped and the command exits
with an error, so the service manager restarts the whole.
"""

import logging
import os
import signal
import socket
import subprocess  # noqa: S404 - our own processes, with fixed arguments
import sys
import time
from types import FrameType

log = logging.getLogger("ligesind.serving")

GRACEFUL_SECONDS = 30
# The access log names no person: no client address, no query string (searches), no user.
ACCESS_LOG_FORMAT = '{"method": "%(m)s", "path": "%(U)s", "status": %(s)s, "seconds": %(L)s}'


def cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def web_workers() -> int:
    from django.conf import settings

    return int(settings.LIGESIND_WEB_WORKERS or 2 * cores() + 1)


def ws_workers() -> int:
    from django.conf import settings

    return int(settings.LIGESIND_WS_WORKERS or cores())


def split_bind(bind: str) -> tuple[str, int]:
    host, _, port = bind.rpartition(":")
    return host or "127.0.0.1", int(port)


def gunicorn_command(bind: str, workers: int, app: str = "ligesind.wsgi:application") -> list[str]:
    from django.conf import settings

    return [
        sys.executable, "-m", "gunicorn", app,
        "--bind", bind,
        "--workers", str(workers),
        "--worker-class", "sync",
        "--graceful-timeout", str(GRACEFUL_SECONDS),
        "--timeout", "60",
        "--forwarded-allow-ips", ",".join(settings.LIGESIND_TRUSTED_PROXIES),
        "--access-logfile", "-",
        "--access-logformat", ACCESS_LOG_FORMAT,
        "--error-logfile", "-",
        "--no-control-socket",  # gunicorn 27 would open one in the home folder, one per machine
    ]  # fmt: skip


def ws_command(bind: str) -> list[str]:
    return [sys.executable, "-m", "ligesind", "serve-ws", bind]


def task_worker_command() -> list[str]:
    return [sys.executable, "-m", "ligesind", "db_worker", "--no-reload"]


def serve_ws(bind: str) -> None:
    """One WebSocket process: uvicorn on its own socket, shared with its siblings."""
    import django
    import uvicorn

    from ligesind.__main__ import uvicorn_options

    django.setup()
    host, port = split_bind(bind)
    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    sock.listen(2048)
    config = uvicorn.Config(
        "ligesind.asgi:application",
        log_level="warning",
        timeout_graceful_shutdown=GRACEFUL_SECONDS,
        **uvicorn_options(),
    )
    uvicorn.Server(config).run(sockets=[sock])


def prepare() -> None:
    """Refuse to start on a deployment that is not ready; collect the static files."""
    from django.core.management import call_command
    from django.core.management.base import CommandError

    # Warnings are printed; an operator may have chosen one on purpose (SECURE_SSL_REDIRECT off
    # behind a proxy that ends TLS), errors stop here.
    call_command("check", deploy=True, fail_level="ERROR")
    try:
        call_command("migrate", check=True, verbosity=0)
    except SystemExit as error:  # migrate --check exits when migrations are waiting
        raise CommandError(
            "The database has migrations waiting: run `python -m ligesind migrate` first."
        ) from error
    call_command("collectstatic", interactive=False, verbosity=0)


class Supervisor:
    """Starts the processes, forwards SIGTERM and SIGINT, and stops all when one dies."""

    def __init__(self, commands: dict[str, list[str]]) -> None:
        self.commands = commands
        self.processes: dict[str, subprocess.Popen[bytes]] = {}
        self.stopping = False

    def run(self) -> int:
        signal.signal(signal.SIGTERM, self.stop)
        signal.signal(signal.SIGINT, self.stop)
        for name, command in self.commands.items():
            self.processes[name] = subprocess.Popen(command)  # noqa: S603
        while not self.stopping:
            for name, process in self.processes.items():
                if process.poll() is not None:
                    log.error(
                        "%s stopped (exit code %s): stopping the rest", name, process.returncode
                    )
                    self.stop(0, None)
                    self.wait()
                    return 1
            time.sleep(0.5)
        return self.wait()

    def stop(self, signum: int, frame: FrameType | None) -> None:
        self.stopping = True
        for process in self.processes.values():
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)

    def wait(self) -> int:
        deadline = time.monotonic() + GRACEFUL_SECONDS + 10
        for process in self.processes.values():
            try:
                process.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        return 0


def serve_production() -> int:
    import django
    from django.conf import settings
    from django.core.management.base import CommandError

    django.setup()
    try:
        prepare()
    except CommandError as error:
        print(f"Ligesind did not start: {error}", file=sys.stderr)
        return 1
    bind, ws_bind = settings.LIGESIND_BIND, settings.LIGESIND_WS_BIND
    commands = {"pages": gunicorn_command(bind, web_workers())}
    for n in range(ws_workers()):
        commands[f"websockets-{n + 1}"] = ws_command(ws_bind)
    if settings.LIGESIND_TASKS == "database":
        commands["tasks"] = task_worker_command()
    print(
        f"Ligesind: pages on http://{bind} ({web_workers()} workers), WebSockets on "
        f"{ws_bind} ({ws_workers()} processes), tasks: {settings.LIGESIND_TASKS}. "
        "SIGTERM stops gracefully.",
        flush=True,
    )
    return Supervisor(commands).run()
