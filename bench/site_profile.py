"""Profile one page of the site benchmark on the database its last run built:

    .venv/bin/python bench/site_profile.py matching:coordinate [more page names]

Needs bench/results/site_probe.json (kept by bench/site.py). Runs each page in this process
with production settings, as the role the benchmark used: the time of ten requests, the SQL
queries of one with their times, and the functions that took the most time (cProfile).
"""

import cProfile
import json
import os
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.site import PROBE, env  # noqa: E402

os.environ.update(env())

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402


def profile(page: dict[str, str], cookie: str) -> None:
    client = Client(HTTP_HOST="127.0.0.1", HTTP_COOKIE=cookie)
    client.get(page["url"])
    started = time.perf_counter()
    for _ in range(10):
        response = client.get(page["url"])
    each = (time.perf_counter() - started) * 100
    print(f"\n== {page['name']} as {page['role']}: {response.status_code}, {each:.1f} ms each")
    with CaptureQueriesContext(connection) as captured:
        client.get(page["url"])
    for query in sorted(captured.captured_queries, key=lambda q: -float(q["time"]))[:12]:
        print(f"  {float(query['time']) * 1000:7.1f} ms  {query['sql'][:220]}")
    print(f"  {len(captured.captured_queries)} queries")
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(5):
        client.get(page["url"])
    profiler.disable()
    stats = pstats.Stats(profiler)
    stats.sort_stats("cumulative").print_stats(r"ligesind|template/(loader_tags|defaulttags)", 30)
    stats.sort_stats("tottime").print_stats(25)


def main() -> None:
    probe = json.loads(PROBE.read_text())
    wanted = set(sys.argv[1:])
    for page in probe["pages"]:
        if page["name"] in wanted and page["status"] == 200:
            profile(page, probe["cookies"].get(page["role"], ""))


main()
