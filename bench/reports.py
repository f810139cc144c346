"""`make bench`: the coordinator's overview and the funders' report for the largest
municipality at national size (50,000 members, 5,000 volunteers, 3 years of activity) on
PostgreSQL, through the views (templates included), signed in as that municipality's
coordinator. Writes bench/results/reports.json.

Uses the database in BENCH_REPORTS_DATABASE_URL (default: a `ligesind_reports_bench` database
on the local PostgreSQL), dropped and created again at the start of each run.
"""

import json
import os
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench import matching  # noqa: E402
from bench.matching import percentile  # noqa: E402
from bench.run import machine  # noqa: E402

RESULTS = ROOT / "bench" / "results"
DATABASE = os.environ.get(
    "BENCH_REPORTS_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/ligesind_reports_bench"
)
MEMBERS = int(os.environ.get("BENCH_REPORTS_MEMBERS", "50000"))
REQUESTS = int(os.environ.get("BENCH_REPORTS_REQUESTS", "50"))
GOAL_MS = 300


def setup_django() -> None:
    matching.setup_django(DATABASE)
    from django.conf import settings

    settings.DEBUG = False  # as in production: no query log kept
    settings.ALLOWED_HOSTS = ["testserver"]


def measure(client: object, url: str) -> dict[str, object]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(3):  # warm the connection and the template cache
        response = client.get(url)  # type: ignore[attr-defined]
        assert response.status_code == 200, (url, response.status_code)
    times, queries = [], []
    for _ in range(REQUESTS):
        with CaptureQueriesContext(connection) as captured:
            begin = time.perf_counter()
            response = client.get(url)  # type: ignore[attr-defined]
            times.append((time.perf_counter() - begin) * 1000)
        assert response.status_code == 200
        queries.append(len(captured.captured_queries))
    return {
        "url": url,
        "requests": REQUESTS,
        "ms": {
            "p50": round(statistics.median(times), 1),
            "p99": round(percentile(times, 0.99), 1),
            "max": round(max(times), 1),
        },
        "queries": {"median": statistics.median(queries), "max": max(queries)},
        "bytes": len(response.content),
    }


def write_result(
    name: str,
    *,
    what: str,
    seeded: float,
    sizes: dict[str, int],
    pages: dict[str, dict[str, object]],
    goal_ms: int,
    goal: str,
) -> None:
    """Print each page's figures and write bench/results/NAME.json; the goal is met when there
    are 50,000 members and every page's p99 is under ``goal_ms``."""
    for page, row in pages.items():
        print(f"{page}: {row['ms']}, queries {row['queries']}")
    result = {
        "what": what,
        "machine": machine(),
        "database": "PostgreSQL (local)",
        "seed_seconds": seeded,
        "sizes": sizes,
        "pages": pages,
        "goal": goal,
        "goal_met": bool(
            sizes["members"] >= 50_000 and all(row["ms"]["p99"] < goal_ms for row in pages.values())  # type: ignore[index]
        ),
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"{name}.json").write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    print(f"goal met: {result['goal_met']} -> bench/results/{name}.json")


def main() -> None:
    matching.create_database(DATABASE)
    setup_django()
    from django.db import connection
    from django.test import Client
    from django.utils import timezone

    from ligesind.accounts.models import User
    from ligesind.activities.models import Activity, Attendance, Signup
    from ligesind.demo.bench_members import seed_members
    from ligesind.demo.bench_reports import seed_organisation_life
    from ligesind.matching.models import Match
    from ligesind.volunteers.models import VolunteerHours

    started = time.perf_counter()
    seed_members(MEMBERS)
    ids = seed_organisation_life()
    seeded = round(time.perf_counter() - started, 1)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    sizes = {
        "members": User.objects.count(),
        "activities": Activity.objects.count(),
        "signups": Signup.objects.count(),
        "course_attendance": Attendance.objects.count(),
        "matches": Match.objects.count(),
        "volunteer_hours_entries": VolunteerHours.objects.count(),
        "members_in_the_largest_municipality": User.objects.filter(
            profile__municipality_id=ids["municipality"]
        ).count(),
    }
    print(f"seeded in {seeded} s: {sizes}")
    client = Client()
    client.force_login(User.objects.get(pk=ids["coordinator"]))
    today = timezone.localdate()
    period = f"organisation={ids['organisation']}&first={today - timedelta(days=365)}&last={today}"
    pages = {
        "dashboard": measure(client, "/dashboard/"),
        "report_page": measure(client, f"/dashboard/report/?{period}"),
        "report_xlsx": measure(client, f"/dashboard/report/?{period}&file=xlsx"),
    }
    write_result(
        "reports",
        what="The coordinator's overview (/dashboard/) and the funders' report for the last "
        "12 months (page and XLSX) for the largest municipality, through Django's test client "
        f"(views and templates, DEBUG off), {REQUESTS} requests each after 3 warm-up requests",
        seeded=seeded,
        sizes=sizes,
        pages=pages,
        goal_ms=GOAL_MS,
        goal=f"p99 under {GOAL_MS} ms for each, at 50,000 members and 5,000 volunteers",
    )


if __name__ == "__main__":
    main()
