"""`make bench`: forum pages served the production way, against a ceiling and a real forum.

1. A fresh PostgreSQL database (`ligesind_forum_bench`) gets `python -m ligesind seed_bench`:
   1,000 members, 40 categories, 10,000 threads, 100,000 posts.
2. Ligesind runs under gunicorn with 2 sync workers (production settings, DEBUG off, Redis
   cache) on 127.0.0.1; Debian's `wrk --latency` (16 connections, BENCH_FORUM_SECONDS each)
   measures the forum index, a category's thread list and a 20-post thread page, as a signed-in
   member and as a visitor (visitors get the category list; threads are for members).
3. The ceiling: a bare Django page of the same size (bench/bare_site.py), same server settings.
4. The peer: Misago 0.39.6 in its own Python 3.12 virtualenv under bench/.misago (never a
   project dependency), seeded with the same sizes (bench/misago_site), same server and wrk.
   BENCH_FORUM_PEER=0 skips it.

SQL queries per page are counted in-process with Django's test client on the same database;
worker RSS is read from /proc after the load. Writes bench/results/forum.json.
"""

import json
import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.run import free_port, machine  # noqa: E402

RESULTS = ROOT / "bench" / "results"
DATABASE = os.environ.get(
    "BENCH_FORUM_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/ligesind_forum_bench"
)
REDIS = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/3")
SECONDS = int(os.environ.get("BENCH_FORUM_SECONDS", "10"))
CONNECTIONS = 16
GOAL = {"peer_ratio": 20, "ceiling_share": 0.30, "p99_ms": 50, "queries": 10, "rss_mib": 120}


def recreate(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def ligesind_env() -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "ligesind.settings.prod",
        "DATABASE_URL": DATABASE,
        "REDIS_URL": REDIS,
        "SECRET_KEY": "bench-only-" + "x" * 50,
        "LIGESIND_ENCRYPTION_KEYS": os.environ.get(
            "LIGESIND_ENCRYPTION_KEYS", "ZmFrZS1iZW5jaC1rZXktMzItYnl0ZXMtbG9uZy0xMjM0NTY="
        ),
        "EMAIL_URL": "console://",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "0",
        "LIGESIND_API_RATE": "100000/m",
    }


def prepare_ligesind() -> dict[str, Any]:
    """Seed, then return the cookie of a signed-in member, the URLs and SQL counts."""
    recreate(DATABASE)
    env = ligesind_env()
    python = str(ROOT / ".venv" / "bin" / "python")
    subprocess.run([python, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)
    subprocess.run(
        [python, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True
    )
    started = time.perf_counter()
    subprocess.run([python, "-m", "ligesind", "seed_bench"], cwd=ROOT, env=env, check=True)
    seeded = time.perf_counter() - started
    out = subprocess.run(
        [python, str(ROOT / "bench" / "forum_probe.py")],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    probe = json.loads(out.strip().splitlines()[-1])
    probe["seed_seconds"] = round(seeded, 1)
    return probe


WRK_LATENCY = re.compile(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)\s*$", re.MULTILINE)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


def check_answer(url: str, cookie: str) -> None:
    """wrk counts a redirect as an answer: a page that sends the member to sign in would be
    measured as a fast page. The run stops instead."""
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})  # noqa: S310
    try:
        status = urllib.request.build_opener(_NoRedirect).open(request, timeout=30).status
    except urllib.error.HTTPError as error:
        status = error.code
    if status != 200:
        raise SystemExit(f"{url} answered {status}, not 200: nothing measured")


def wrk(
    url: str, cookie: str = "", *, seconds: int = SECONDS, warm_seconds: int = 2, check: bool = True
) -> dict[str, float]:
    """``wrk --latency`` at CONNECTIONS for ``seconds``, after a short warm-up. A run with no
    answer gives 0 requests per second (a goal's ceiling share then fails); ``check``: first
    make sure the page answers 200 (a redirect would be measured as a fast page)."""
    if check:
        check_answer(url, cookie)
    command = ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{seconds}s", "--latency", url]
    if cookie:
        command[1:1] = ["-H", f"Cookie: {cookie}"]
    subprocess.run(command[:1] + ["-t1", "-c2", f"-d{warm_seconds}s", url], capture_output=True)
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    scale = {"us": 0.001, "ms": 1.0, "s": 1000.0}
    latency = {p: float(v) * scale[u] for p, v, u in WRK_LATENCY.findall(out)}
    rate = re.search(r"Requests/sec:\s+([\d.]+)", out)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "requests_per_second": round(float(rate.group(1)), 1) if rate else 0.0,
        "p50_ms": round(latency.get("50", 0.0), 2),
        "p99_ms": round(latency.get("99", 0.0), 2),
        "non_2xx": int(errors.group(1)) if errors else 0,
    }


def gunicorn(bin_dir: Path, app: str, env: dict[str, str], cwd: Path) -> tuple[Any, int]:
    port = free_port()
    server = subprocess.Popen(  # noqa: S603 - our own command line
        [str(bin_dir / "gunicorn"), app, "-w", "2", "-b", f"127.0.0.1:{port}", "-k", "sync"],
        cwd=cwd,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(100):
        time.sleep(0.2)
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2)  # noqa: S310
            break
        except Exception:  # noqa: BLE001, S112 - not up yet
            continue
    return server, port


def worker_rss_mib(server: Any) -> float:
    """The largest resident set among the gunicorn workers (children of the master)."""
    children = Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()
    sizes = []
    for pid in children:
        status = Path(f"/proc/{pid}/status").read_text()
        sizes.append(int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) / 1024)  # type: ignore[union-attr]
    return round(max(sizes), 1)


def stop(server: Any) -> None:
    server.terminate()
    server.wait(timeout=20)


def measure_site(
    bin_dir: Path, app: str, env: dict[str, str], cwd: Path, pages: dict[str, dict[str, str]]
) -> dict[str, Any]:
    server, port = gunicorn(bin_dir, app, env, cwd)
    try:
        results: dict[str, Any] = {}
        for name, page in pages.items():
            results[name] = wrk(f"http://127.0.0.1:{port}{page['path']}", page.get("cookie", ""))
        results["worker_rss_mib"] = worker_rss_mib(server)
        return results
    finally:
        stop(server)


def main() -> None:
    probe = prepare_ligesind()
    member = {"cookie": probe["cookie"]}
    pages = {
        "index (member)": {"path": probe["urls"]["index"], **member},
        "thread list (member)": {"path": probe["urls"]["category"], **member},
        "thread page, 20 posts (member)": {"path": probe["urls"]["thread"], **member},
        "index (visitor)": {"path": probe["urls"]["index"]},
    }
    venv = ROOT / ".venv" / "bin"
    ours = measure_site(venv, "ligesind.wsgi", ligesind_env(), ROOT, pages)
    bare_env = {**os.environ, "BARE_PAGE_BYTES": str(probe["thread_bytes"])}
    ceiling = measure_site(
        venv, "bench.bare_site:application", bare_env, ROOT, {"bare page": {"path": "/"}}
    )
    peer: dict[str, Any] | None = None
    if os.environ.get("BENCH_FORUM_PEER", "1") != "0":
        from bench.misago_site.run import measure_misago

        try:
            peer = measure_misago(measure_site, SECONDS)
        except (OSError, subprocess.CalledProcessError) as error:  # no Python 3.12, no PyPI
            peer = {"not_measured": f"Misago could not be set up here: {error}"}
    report = summarise(ours, ceiling, peer, probe)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "forum.json").write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    print(json.dumps(report, indent=2, ensure_ascii=False))


def summarise(
    ours: dict[str, Any], ceiling: dict[str, Any], peer: dict[str, Any] | None, probe: dict
) -> dict[str, Any]:
    bare = ceiling["bare page"]["requests_per_second"]
    pages: dict[str, Any] = {}
    for name, figures in ours.items():
        if not isinstance(figures, dict):
            continue
        row = {**figures, "sql_queries": probe["queries"][name]}
        row["share_of_ceiling"] = round(figures["requests_per_second"] / bare, 3)
        if peer and isinstance(peer.get(name), dict):
            row["peer"] = peer[name]
            row["times_peer"] = round(
                figures["requests_per_second"] / peer[name]["requests_per_second"], 1
            )
        row["goal_met"] = (
            row["share_of_ceiling"] >= GOAL["ceiling_share"]
            and figures["p99_ms"] <= GOAL["p99_ms"]
            and row["sql_queries"] <= GOAL["queries"]
            and (row.get("times_peer") is None or row["times_peer"] >= GOAL["peer_ratio"])
        )
        pages[name] = row
    return {
        "what": (
            "forum pages under gunicorn (2 sync workers, DEBUG off) on PostgreSQL + Redis, "
            f"wrk --latency, {CONNECTIONS} connections, {SECONDS} s per page, client on the same "
            "machine; ceiling: a bare Django page of the thread page's size; peer: Misago 0.39.6"
        ),
        "machine": machine(),
        "data": probe["counts"],
        "seed_seconds": probe["seed_seconds"],
        "thread_page_bytes": probe["thread_bytes"],
        "ceiling": ceiling,
        "peer": peer,
        "pages": pages,
        "worker_rss_mib": ours["worker_rss_mib"],
        "worker_rss_goal_met": ours["worker_rss_mib"] <= GOAL["rss_mib"],
        "goal": GOAL,
        "visitors": "visitors see the category list and an invitation; thread lists and "
        "threads are for members (they are sent to sign in), so only the index is measured",
    }


if __name__ == "__main__":
    main()
