"""Misago 0.39.6 as the forum benchmark's peer: its own Python 3.12 virtualenv under
bench/.misago (made here on first use; Misago pins Django 4.2), its own PostgreSQL database
(kept between runs: seeding 100,000 posts through Misago's fake-data commands takes minutes),
measured by bench/forum.py with the same gunicorn settings and wrk load as Ligesind."""

import json
import os
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent.parent
VENV = BENCH / ".misago"
PYTHON312 = os.environ.get(
    "BENCH_PYTHON312", str(Path.home() / ".pyenv/versions/3.12.1/bin/python3.12")
)
DATABASE = "ligesind_misago_bench"


def ensure_venv() -> None:
    if (VENV / "bin" / "gunicorn").exists():
        return
    subprocess.run([PYTHON312, "-m", "venv", str(VENV)], check=True)
    subprocess.run(
        [str(VENV / "bin" / "pip"), "install", "-q", "misago==0.39.6", "gunicorn"], check=True
    )


def ensure_database() -> None:
    import psycopg

    with psycopg.connect("postgres://postgres@127.0.0.1:5432/postgres", autocommit=True) as conn:
        found = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [DATABASE]).fetchone()
        if not found:
            conn.execute(f'CREATE DATABASE "{DATABASE}"')


def manage(*args: str) -> None:
    subprocess.run(
        [str(VENV / "bin" / "python"), "misago_site/manage.py", *args],
        cwd=BENCH,
        check=True,
        stdout=subprocess.DEVNULL,
    )


def measure_misago(measure_site: Callable[..., dict[str, Any]], seconds: int) -> dict[str, Any]:
    ensure_venv()
    ensure_database()
    manage("migrate", "-v0")
    manage("collectstatic", "--noinput", "-v0")
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "misago_site.settings"}
    out = subprocess.run(
        [str(VENV / "bin" / "python"), "misago_site/seed.py"],
        cwd=BENCH,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    probe = json.loads(out.strip().splitlines()[-1])
    member = {"cookie": probe["cookie"]}
    pages = {
        "index (member)": {"path": probe["urls"]["index"], **member},
        "thread list (member)": {"path": probe["urls"]["category"], **member},
        "thread page, 20 posts (member)": {"path": probe["urls"]["thread"], **member},
        "index (visitor)": {"path": probe["urls"]["index"]},
        "thread list (visitor)": {"path": probe["urls"]["category"]},
        "thread page, 20 posts (visitor)": {"path": probe["urls"]["thread"]},
    }
    figures = measure_site(VENV / "bin", "misago_site.wsgi:application", env, BENCH, pages)
    for name, queries in probe["queries"].items():
        figures[name]["sql_queries"] = queries
    figures["data"] = probe["counts"]
    figures["urls"] = probe["urls"]
    return figures
