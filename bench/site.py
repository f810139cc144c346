"""Every page within budget: each GET page of the authorization matrix, as the role that
normally uses it, served the production way, on a database at national size.

    make bench   (or: .venv/bin/python bench/site.py)

Builds ``ligesind_site_bench`` on the local PostgreSQL afresh: migrations, the matrix's world
(tests/safety/matrix_world.py), then 50,000 members, 5,000 volunteers with three years of
activities, hours and matches, 100,000 forum posts and 1,000,000 messages (bench/site_probe.py;
sizes from BENCH_SITE_MEMBERS, BENCH_SITE_MESSAGES, BENCH_SITE_POSTS). Each page's SQL queries
are counted before and after the seeding (a count that grows with the data fails the goal).
Then gunicorn (2 sync workers, production settings, Redis cache) answers ``wrk --latency`` at
16 connections for BENCH_SITE_SECONDS (3) per page, and a bare Django page of the median page's
size gives the ceiling measured in the same run. Writes bench/results/site.json.

BENCH_SITE_REUSE=1 measures again on the database the last run built (its probe is kept in
bench/results/site_probe.json, which is not committed), for instance after a page got faster:
it migrates that database and counts each page's queries again (the count before seeding stays
the first run's); bench/site_profile.py profiles one page there.
"""

import base64
import json
import os
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.forum import gunicorn, ligesind_env, recreate, stop, wrk  # noqa: E402
from bench.run import machine  # noqa: E402

RESULTS = ROOT / "bench" / "results"
PYTHON = str(ROOT / ".venv" / "bin" / "python")
DATABASE = os.environ.get(
    "BENCH_SITE_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/ligesind_site_bench"
)
SECONDS = int(os.environ.get("BENCH_SITE_SECONDS", "3"))
CONNECTIONS = 16  # as bench/forum.py's wrk
PROBE = RESULTS / "site_probe.json"
# the probe saw each page answer 200; a check that stops the run would lose half an hour
RUN: dict[str, Any] = {"seconds": SECONDS, "warm_seconds": 1, "check": False}
GOAL = {"p99_ms": 100, "queries": 15, "median_ceiling_share": 0.25}


# messages are encrypted at rest, so the benchmark needs a real (32-byte) key of its own
KEY = base64.urlsafe_b64encode(b"ligesind-site-bench-key-32-bytes").decode()


def env() -> dict[str, str]:
    return {**ligesind_env(), "DATABASE_URL": DATABASE, "LIGESIND_ENCRYPTION_KEYS": KEY}


def prepare() -> dict[str, Any]:
    if os.environ.get("BENCH_SITE_REUSE") == "1" and PROBE.exists():
        _manage("migrate", "-v0")
        return _probe({"BENCH_SITE_RECOUNT": "1"}, PROBE.read_text())
    recreate(DATABASE)
    _manage("migrate", "-v0")
    _manage("collectstatic", "--noinput", "-v0")
    probe = _probe({}, None)
    PROBE.write_text(json.dumps(probe))
    return probe


def _manage(*command: str) -> None:
    subprocess.run([PYTHON, "manage.py", *command], cwd=ROOT, env=env(), check=True)


def _probe(extra_env: dict[str, str], given: str | None) -> dict[str, Any]:
    """bench/site_probe.py's one JSON line (its errors go to the terminal)."""
    out = subprocess.run(
        [PYTHON, str(ROOT / "bench" / "site_probe.py")],
        cwd=ROOT,
        env={**env(), **extra_env},
        input=given,
        check=True,
        stdout=subprocess.PIPE,
        text=True,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def drain(port: int) -> None:
    """Wait until the workers have answered what wrk left queued (a slow page's backlog would
    otherwise be measured as the next page's time): /healthz answers quickly again."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        started = time.monotonic()
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=60)  # noqa: S310
        except OSError:
            continue
        if time.monotonic() - started < 0.05:
            return


def measure(probe: dict[str, Any]) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    venv = ROOT / ".venv" / "bin"
    server, port = gunicorn(venv, "ligesind.wsgi", env(), ROOT)
    rows = []
    try:
        for page in probe["pages"]:
            row = dict(page)
            if page["status"] == 200:
                row.update(
                    wrk(
                        f"http://127.0.0.1:{port}{page['url']}",
                        probe["cookies"].get(page["role"], ""),
                        **RUN,
                    )
                )
                drain(port)
            rows.append(row)
    finally:
        stop(server)
    sizes = sorted(r["bytes"] for r in rows if r["status"] == 200)
    bare_env = {**os.environ, "BARE_PAGE_BYTES": str(sizes[len(sizes) // 2])}
    server, port = gunicorn(venv, "bench.bare_site:application", bare_env, ROOT)
    try:
        ceiling = wrk(f"http://127.0.0.1:{port}/", **RUN)
    finally:
        stop(server)
    return rows, ceiling


def summarise(rows: list[dict[str, Any]], ceiling: dict[str, Any], probe: dict[str, Any]) -> dict:
    measured = [r for r in rows if "p99_ms" in r]
    for row in measured:
        row["share_of_ceiling"] = round(
            row["requests_per_second"] / ceiling["requests_per_second"], 3
        )
        row["queries_grow"] = row["queries"] > row["queries_small"]
        row["goal_met"] = (
            row["requests_per_second"] > 0  # no answer within the run: far over budget
            and row["p99_ms"] <= GOAL["p99_ms"]
            and row["queries"] <= GOAL["queries"]
            and not row["queries_grow"]
            and row["non_2xx"] == 0
        )
    median_share = statistics.median(r["share_of_ceiling"] for r in measured)
    missed = [r for r in measured if not r["goal_met"]]
    return {
        "what": (
            "every GET page of the authorization matrix as the role that normally uses it, under "
            f"gunicorn (2 sync workers, DEBUG off, PostgreSQL + Redis), wrk --latency, {CONNECTIONS} "
            f"connections, {SECONDS} s per page, client on the same machine; queries counted with "
            "Django's test client before and after seeding national size"
        ),
        "machine": machine(),
        "data": probe["sizes"],
        "ceiling": ceiling,
        "goal": GOAL,
        "median_share_of_ceiling": round(median_share, 3),
        "pages_measured": len(measured),
        "pages_meeting_goal": len(measured) - len(missed),
        "goal_met": not missed and median_share >= GOAL["median_ceiling_share"],
        "not_measured": [
            {"name": r["name"], "role": r["role"], "status": r["status"]}
            for r in rows
            if "p99_ms" not in r
        ],
        "pages": measured,
    }


def main() -> None:
    probe = prepare()
    rows, ceiling = measure(probe)
    report = summarise(rows, ceiling, probe)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "site.json").write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    worst = sorted(report["pages"], key=lambda r: -r["p99_ms"])
    for row in worst:
        mark = "" if row["goal_met"] else "  <- over budget"
        print(
            f"{row['p99_ms']:>8.1f} ms p99 {row['p50_ms']:>7.1f} p50 {row['queries']:>3} q "
            f"({row['queries_small']}) {row['name']} as {row['role']}{mark}"
        )
    print(
        f"{report['pages_meeting_goal']}/{report['pages_measured']} pages within budget; median "
        f"{report['median_share_of_ceiling']:.0%} of the bare ceiling "
        f"({ceiling['requests_per_second']} req/s); goal met: {report['goal_met']}"
    )


if __name__ == "__main__":
    main()
