"""`make bench`: page throughput and latency as the demo serves them (uvicorn, SQLite).

Starts uvicorn on a free port with the demo data, signs a demo member in, then sends requests
from a thread pool on the same machine (the client shares the two cores, so these are
conservative figures). Writes bench/results/pages.json.
"""

import http.client
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "600"))
CONCURRENCY = int(os.environ.get("BENCH_CONCURRENCY", "8"))
PAGES = ["/", "/members/", "/members/?municipality={odense}", "/me/"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def member_session() -> tuple[str, int]:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ligesind.settings.dev")
    import django

    django.setup()
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.core.management import call_command

    from ligesind.accounts.models import User
    from ligesind.core.models import Municipality
    from ligesind.demo.people import MEMBER_LOGIN

    call_command("migrate", verbosity=0)
    call_command("load_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    user = User.objects.get(email=MEMBER_LOGIN)
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "ligesind.accounts.backends.MemberBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return str(session.session_key), Municipality.objects.get(name="Odense").pk


def fetch(port: int, path: str, cookie: str) -> float:
    start = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", path, headers={"Cookie": f"sessionid={cookie}"})
    response = connection.getresponse()
    response.read()
    connection.close()
    if response.status != 200:
        raise RuntimeError(f"{path} answered {response.status}")
    return time.perf_counter() - start


def measure(port: int, path: str, cookie: str) -> dict[str, float]:
    for _ in range(20):
        fetch(port, path, cookie)
    start = time.perf_counter()
    with ThreadPoolExecutor(CONCURRENCY) as pool:
        latencies = sorted(pool.map(lambda _: fetch(port, path, cookie), range(REQUESTS)))
    elapsed = time.perf_counter() - start
    return {
        "requests": REQUESTS,
        "concurrency": CONCURRENCY,
        "requests_per_second": round(REQUESTS / elapsed, 1),
        "p50_ms": round(statistics.median(latencies) * 1000, 1),
        "p95_ms": round(latencies[int(len(latencies) * 0.95)] * 1000, 1),
    }


def machine() -> dict[str, object]:
    model = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        model = next(
            (
                ln.split(":", 1)[1].strip()
                for ln in cpuinfo.read_text().splitlines()
                if "model name" in ln
            ),
            "",
        )
    return {
        "cpus": os.cpu_count(),
        "cpu_model": model,
        "python": platform.python_version(),
        "platform": platform.platform(),
    }


def main() -> None:
    cookie, odense = member_session()
    port = free_port()
    server = subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "uvicorn", "ligesind.asgi:application", "--port", str(port),
         "--log-level", "warning", "--lifespan", "off"],
        cwd=ROOT,
        env={**os.environ, "DEBUG": "false"},
    )  # fmt: skip
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        results = {}
        for page in PAGES:
            path = page.format(odense=odense)
            results[path] = measure(port, path, cookie)
    finally:
        server.terminate()
        server.wait(timeout=10)
    report = {
        "what": "page throughput under uvicorn (ASGI, one process, DEBUG off), SQLite, demo data, "
        "signed-in member; the client runs on the same machine",
        "machine": machine(),
        "pages": results,
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "pages.json").write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    for path, figures in results.items():
        print(f"{path:<40} {figures['requests_per_second']:>7} req/s  "
              f"p50 {figures['p50_ms']} ms  p95 {figures['p95_ms']} ms")  # fmt: skip
    print(f"written to {RESULTS / 'pages.json'}")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
