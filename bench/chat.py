"""`make bench` (chat part): WebSocket chat under load, against a bare relay measured in the same run.

Needs PostgreSQL and Redis (127.0.0.1:5432 and :6379, as on the CI machines). It creates a fresh
database `ligesind_bench`, N members in N/2 two-person conversations, starts the server (one
uvicorn process per core, each on its own SO_REUSEPORT socket: bench/ws_server.py) with the
Redis channel layer, and runs two phases with the same clients:
  1. relay: a bare Channels consumer relaying 1:1 through Redis, saving nothing (the ceiling);
  2. ligesind: our /ws/chat/ consumer (permission checks, encrypted save, publish after commit).
In each phase all clients connect first (and, for ours, have their unread count); then each
sends about one message every 2 s for the given time. Writes bench/results/chat.json.

    BENCH_CLIENTS=1000 BENCH_SECONDS=60 .venv/bin/python bench/chat.py

BENCH_WORKERS sets the server processes (one per core), BENCH_DEFLATE the WebSocket compression
("true", uvicorn's default; "false" saves CPU on small chat frames), for both phases alike.
BENCH_ONLY=relay runs the relay phase alone (for trying server settings; writes no report).
"""

import asyncio
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CLIENTS = int(os.environ.get("BENCH_CLIENTS", "1000"))
SECONDS = float(os.environ.get("BENCH_SECONDS", "60"))
INTERVAL = float(os.environ.get("BENCH_INTERVAL", "2"))
PG = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
REDIS = os.environ.get("BENCH_REDIS", "redis://127.0.0.1:6379/9")
DB_NAME = "ligesind_bench"
PORT = int(os.environ.get("BENCH_PORT", "8765"))
WORKERS = int(os.environ.get("BENCH_WORKERS", str(os.cpu_count() or 1)))


def server_env() -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "ligesind.settings.dev",
        "DEBUG": "false",
        "DATABASE_URL": f"{PG}/{DB_NAME}",
        "REDIS_URL": REDIS,
        # The benchmark's clients send 30 a minute, the limit itself: give it headroom.
        "LIGESIND_MESSAGES_PER_MINUTE": "1000",
    }


def prepare() -> list[tuple[int, int, str, int]]:
    """Fresh database with CLIENTS members in pairs. Returns (user, partner, cookie, conversation)."""
    import psycopg

    with psycopg.connect(f"{PG}/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{DB_NAME}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{DB_NAME}"')
    os.environ.update(server_env())
    import django

    django.setup()
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.auth.hashers import make_password
    from django.contrib.sessions.backends.db import SessionStore
    from django.core.management import call_command

    from ligesind.accounts.consent import current_version
    from ligesind.accounts.models import ConsentRecord, Profile, User
    from ligesind.messaging.models import Conversation, Participant

    call_command("migrate", verbosity=0)
    password = make_password("bench-password-1")
    users = User.objects.bulk_create(
        [User(email=f"bench{n}@example.org", password=password) for n in range(CLIENTS)]
    )
    Profile.objects.bulk_create([Profile(user=u, alias=f"Bench{n}") for n, u in enumerate(users)])
    ConsentRecord.objects.bulk_create(
        [ConsentRecord(user=u, version=current_version(), language="da") for u in users]
    )
    rows = []
    for a, b in zip(users[0::2], users[1::2], strict=True):
        conversation = Conversation.objects.create(kind="direct")
        Participant.objects.bulk_create(
            [
                Participant(conversation=conversation, user=a),
                Participant(conversation=conversation, user=b),
            ]
        )
        for me, partner in ((a, b), (b, a)):
            session = SessionStore()
            session[SESSION_KEY] = str(me.pk)
            session[BACKEND_SESSION_KEY] = "ligesind.accounts.backends.MemberBackend"
            session[HASH_SESSION_KEY] = me.get_session_auth_hash()
            session.create()
            rows.append((me.pk, partner.pk, f"sessionid={session.session_key}", conversation.pk))
    return rows


class Phase:
    def __init__(self, name: str) -> None:
        self.name = name
        self.sent: dict[str, float] = {}
        self.latencies: list[float] = []
        self.delivered: set[str] = set()
        self.duplicates = 0
        self.errors = 0
        self.connected = 0


async def client(
    phase: Phase,
    row: tuple[int, int, str, int],
    start: asyncio.Event,
    stop: list[float],
    relay: bool,
) -> None:
    import websockets

    me, partner, cookie, conversation = row
    if relay:
        url = f"ws://127.0.0.1:{PORT}/ws/relay/?me={me}&partner={partner}"
        headers = {}
    else:
        url = f"ws://127.0.0.1:{PORT}/ws/chat/"
        headers = {"Cookie": cookie, "Origin": f"http://127.0.0.1:{PORT}"}
    try:
        async with websockets.connect(
            url, additional_headers=headers, open_timeout=60, max_queue=None
        ) as socket:
            if not relay:
                await socket.recv()  # the unread count: the server has done its sign-in work
            phase.connected += 1

            async def sender() -> None:
                await start.wait()
                await asyncio.sleep(random.uniform(0, INTERVAL))
                while time.monotonic() < stop[0]:
                    key = uuid.uuid4().hex
                    phase.sent[key] = time.monotonic()
                    if relay:
                        await socket.send(json.dumps({"key": key}))
                    else:
                        await socket.send(
                            json.dumps(
                                {
                                    "type": "send",
                                    "conversation": conversation,
                                    "body": "Hej " + key[:6],
                                    "client_key": key,
                                }
                            )
                        )
                    await asyncio.sleep(INTERVAL * random.uniform(0.8, 1.2))

            async def receiver() -> None:
                try:
                    await read_all()
                except websockets.ConnectionClosed:
                    phase.errors += 1

            async def read_all() -> None:
                async for raw in socket:
                    data = json.loads(raw)
                    if relay:
                        key = data.get("key")
                    elif data.get("event") == "message" and data["message"]["sender"] == partner:
                        key = data["message"]["client_key"]
                    else:
                        if data.get("event") == "error":
                            phase.errors += 1
                        continue
                    if key in phase.delivered:
                        phase.duplicates += 1
                        continue
                    phase.delivered.add(key)
                    if key in phase.sent:
                        phase.latencies.append(time.monotonic() - phase.sent[key])

            reading = asyncio.create_task(receiver())
            try:
                await sender()
            except websockets.ConnectionClosed:
                phase.errors += 1
            await asyncio.sleep(10)  # let the last messages arrive
            reading.cancel()
            await asyncio.gather(reading, return_exceptions=True)
    except Exception:  # noqa: BLE001 - a failed client is counted, not fatal
        phase.errors += 1


def process_tree(pid: int) -> list[int]:
    """The server and its worker processes (bench/ws_server.py)."""
    pids = [pid]
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == pid:
                pids.append(int(stat.parent.name))
        except (OSError, ValueError, IndexError):
            continue
    return pids


def proc_stats(pid: int) -> tuple[float, int]:
    """CPU seconds and peak RSS, summed over the server's process tree."""
    cpu, peak = 0.0, 0
    for one in process_tree(pid):
        try:
            fields = Path(f"/proc/{one}/stat").read_text().rsplit(")", 1)[1].split()
            cpu += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
            for line in Path(f"/proc/{one}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    peak += int(line.split()[1]) * 1024
        except OSError:
            continue
    return cpu, peak


async def run_phase(name: str, rows: list, pid: int, relay: bool) -> dict:
    """All clients connect first; the clock (and the CPU count) starts once they are in, so the
    figures are the steady chat, not the storm of 1,000 sign-ins at once."""
    phase = Phase(name)
    start, stop = asyncio.Event(), list[float]()
    clients = [asyncio.create_task(client(phase, row, start, stop, relay)) for row in rows]
    deadline = time.monotonic() + 120
    while phase.connected + phase.errors < len(rows) and time.monotonic() < deadline:
        await asyncio.sleep(0.1)
    await asyncio.sleep(2)  # let the sign-ins' work settle
    cpu_before, _ = proc_stats(pid)
    client_cpu_before = time.process_time()
    started = time.monotonic()
    stop.append(started + SECONDS)
    start.set()
    await asyncio.gather(*clients)
    cpu_after, rss = proc_stats(pid)
    client_cpu = time.process_time() - client_cpu_before
    lat = sorted(phase.latencies)

    def pct(p: float) -> float:
        return round(lat[min(len(lat) - 1, int(len(lat) * p))] * 1000, 2) if lat else float("nan")

    return {
        "clients": len(rows),
        "connected": phase.connected,
        "messages_sent": len(phase.sent),
        "messages_delivered": len(phase.delivered),
        "lost": len(phase.sent) - len(phase.delivered),
        "duplicated": phase.duplicates,
        "errors": phase.errors,
        "latency_ms": {"p50": pct(0.50), "p95": pct(0.95), "p99": pct(0.99),
                       "mean": round(statistics.fmean(lat) * 1000, 2) if lat else None},
        "server_cpu_seconds": round(cpu_after - cpu_before, 1),
        "server_cpu_percent_of_one_core": round(100 * (cpu_after - cpu_before) / (time.monotonic() - started), 1),
        "server_peak_rss_mb": round(rss / 1024 / 1024, 1),
        "client_cpu_percent_of_one_core": round(100 * client_cpu / (time.monotonic() - started), 1),
    }  # fmt: skip


def main() -> None:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, 65536), hard))
    rows = prepare()
    server = subprocess.Popen(  # noqa: S603
        [sys.executable, "bench/ws_server.py", str(PORT), str(WORKERS),
         os.environ.get("BENCH_DEFLATE", "true")],
        cwd=ROOT, env=server_env(),
    )  # fmt: skip
    try:
        time.sleep(4)
        relay = asyncio.run(run_phase("relay", rows, server.pid, relay=True))
        print("relay   ", json.dumps(relay))
        if os.environ.get("BENCH_ONLY") == "relay":  # for trying server settings
            return
        ours = asyncio.run(run_phase("ligesind", rows, server.pid, relay=False))
        print("ligesind", json.dumps(ours))
    finally:
        server.terminate()
        server.wait(timeout=20)
    from bench.run import machine

    ratio = (
        ours["latency_ms"]["p99"] / relay["latency_ms"]["p99"]
        if relay["latency_ms"]["p99"]
        else None
    )
    report = {
        "what": f"{CLIENTS} WebSocket clients in {CLIENTS // 2} two-person conversations, one "
        f"message every ~{INTERVAL:g} s each for {SECONDS:g} s, measured once all are connected; "
        f"{WORKERS} uvicorn process(es) (SO_REUSEPORT), WebSocket compression "
        f"{os.environ.get('BENCH_DEFLATE', 'true')}, Redis channel layer, PostgreSQL; the client "
        "runs on the same machine",
        "server_workers": WORKERS,
        "machine": machine(),
        "relay": relay,
        "ligesind": ours,
        "p99_ratio_to_relay": round(ratio, 2) if ratio else None,
        "goal": "0 lost, 0 duplicated, p99 within 3x of the relay",
        "goal_met": ours["lost"] == 0 and ours["duplicated"] == 0 and bool(ratio and ratio <= 3),
    }
    out = ROOT / "bench" / "results" / "chat.json"
    out.write_text(json.dumps(report, indent=2) + "\n")
    print(
        f"p99 ratio {report['p99_ratio_to_relay']}, goal met: {report['goal_met']}; written to {out}"
    )


if __name__ == "__main__":
    main()
