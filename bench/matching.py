"""`make bench`: PeerMatch suggestions among 10,000 and 100,000 members on PostgreSQL, and the
optimal assignment against a greedy baseline. Writes bench/results/matching.json.

Uses the database in BENCH_DATABASE_URL (default: a `ligesind_match_bench` database on the local
PostgreSQL), dropped and created again at the start of each run so that the 10,000-member
figures are measured among exactly 10,000 members.
"""

import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.run import machine  # noqa: E402

RESULTS = ROOT / "bench" / "results"
DATABASE = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/ligesind_match_bench"
)
REQUESTS = int(os.environ.get("BENCH_MATCH_REQUESTS", "100"))
SIZES = [int(n) for n in os.environ.get("BENCH_MATCH_SIZES", "10000,100000").split(",")]
INSTANCES = [(2000, 500), (5000, 1000)]


def create_database(url: str = DATABASE) -> None:
    """Drop and create the benchmark's database, so that it holds exactly what is seeded."""
    import psycopg

    name = url.rsplit("/", 1)[1]
    server = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def setup_django(url: str = DATABASE) -> None:
    os.environ["DATABASE_URL"] = url
    os.environ.pop("REDIS_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ligesind.settings.dev")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def measure_suggestions(size: int) -> dict[str, object]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from ligesind.accounts.models import User
    from ligesind.demo.bench_members import DOMAIN, seed_members
    from ligesind.matching import services

    started = time.perf_counter()
    added = seed_members(size)
    seeded = time.perf_counter() - started
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    ids = list(
        User.objects.filter(email__endswith=f"@{DOMAIN}", match_profile__seeking=True).values_list(
            "pk", flat=True
        )
    )
    rng = random.Random(size)
    chosen = rng.sample(ids, REQUESTS)
    users = [User.objects.get(pk=pk) for pk in chosen]
    for user in users[:5]:  # warm the connection and caches
        services.suggestions(user)
    times, queries, found = [], [], []
    for user in users:
        user = User.objects.get(pk=user.pk)  # a fresh request: nothing cached on the user
        connection.queries_log.clear()  # the log keeps 9,000 at most: counts would be lost
        with CaptureQueriesContext(connection) as captured:
            begin = time.perf_counter()
            result = services.suggestions(user)
            times.append((time.perf_counter() - begin) * 1000)
        queries.append(len(captured.captured_queries))
        found.append(len(result))
    return {
        "members": size,
        "seeded_now": added,
        "seed_seconds": round(seeded, 1),
        "requests": REQUESTS,
        "ms": {
            "p50": round(statistics.median(times), 2),
            "p99": round(percentile(times, 0.99), 2),
            "max": round(max(times), 2),
            "mean": round(statistics.fmean(times), 2),
        },
        "queries_per_request": {"median": statistics.median(queries), "max": max(queries)},
        "suggestions_returned_median": statistics.median(found),
    }


def instance(
    seekers: int, guides: int, seed: int
) -> tuple[dict[tuple[int, int], float], dict[int, int]]:
    from ligesind.matching.models import Hope, Meeting
    from ligesind.matching.scoring import Person, bit, score

    rng = random.Random(seed)

    def person(uid: int, is_guide: bool) -> Person:
        categories = affected = relative = 0
        for category in rng.sample(range(1, 11), rng.choice((1, 1, 2, 3))):
            categories |= bit(category)
            if rng.random() < 0.6:
                affected |= bit(category)
            else:
                relative |= bit(category)
        topics = 0
        for topic in rng.sample(range(1, 19), rng.randint(0, 4)):
            topics |= bit(topic)
        return Person(
            user_id=uid,
            categories=categories,
            affected=affected,
            relative=relative,
            topics=topics,
            languages=bit(0) | (bit(1) if rng.random() < 0.3 else 0),
            municipality_id=rng.randint(1, 12),
            meeting=rng.choice(list(Meeting)),
            hope=Hope.GUIDE,
            is_guide=is_guide,
        )

    seeker_people = [person(n, False) for n in range(seekers)]
    guide_people = [person(100_000 + n, True) for n in range(guides)]
    scores = {}
    for s in seeker_people:
        for g in guide_people:
            fit = score(s, g)
            if fit is not None:
                scores[(s.user_id, g.user_id)] = fit.score
    capacity = {g.user_id: rng.randint(1, 3) for g in guide_people}
    return scores, capacity


def measure_assignment(seekers: int, guides: int) -> dict[str, object]:
    from ligesind.matching.assignment import greedy_assignment, optimal_assignment, total

    started = time.perf_counter()
    scores, capacity = instance(seekers, guides, seed=seekers + guides)
    built = time.perf_counter() - started
    begin = time.perf_counter()
    best = optimal_assignment(scores, capacity)
    optimal_seconds = time.perf_counter() - begin
    begin = time.perf_counter()
    greedy = greedy_assignment(scores, capacity)
    greedy_seconds = time.perf_counter() - begin
    best_total, greedy_total = total(scores, best), total(scores, greedy)
    return {
        "seekers": seekers,
        "guides": guides,
        "places": sum(capacity.values()),
        "allowed_pairs": len(scores),
        "scoring_seconds": round(built, 2),
        "optimal": {
            "seconds": round(optimal_seconds, 3),
            "total_score": round(best_total, 1),
            "matched": len(best),
        },
        "greedy": {
            "seconds": round(greedy_seconds, 3),
            "total_score": round(greedy_total, 1),
            "matched": len(greedy),
        },
        "score_ratio": round(best_total / greedy_total, 4) if greedy_total else None,
        "time_ratio": round(optimal_seconds / greedy_seconds, 1) if greedy_seconds else None,
        "optimal_at_least_greedy": best_total >= greedy_total - 1e-9,
    }


def main() -> None:
    create_database()
    setup_django()
    suggestions = [measure_suggestions(size) for size in SIZES]
    for row in suggestions:
        print(
            f"suggestions among {row['members']}: {row['ms']}, queries {row['queries_per_request']}"
        )
    assignment = [measure_assignment(s, g) for s, g in INSTANCES]
    for row in assignment:
        print(
            f"assignment {row['seekers']}x{row['guides']}: optimal {row['optimal']}, "
            f"greedy {row['greedy']}, score ratio {row['score_ratio']}"
        )
    largest = suggestions[-1]
    result = {
        "what": "PeerMatch suggestions for 100 random seekers (one request each, after 5 warm-up "
        "requests) among generated members on PostgreSQL; optimal assignment (scipy "
        "linear_sum_assignment on guide places) against a greedy baseline in the same run",
        "machine": machine(),
        "database": "PostgreSQL (local)",
        "suggestions": suggestions,
        "assignment": assignment,
        "goal": "suggestions p99 under 100 ms at 100,000 members; assignment score >= greedy on "
        "every instance",
        "goal_met": bool(
            largest["members"] >= 100_000
            and largest["ms"]["p99"] < 100  # type: ignore[index]
            and all(row["optimal_at_least_greedy"] for row in assignment)
        ),
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "matching.json").write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    print(f"goal met: {result['goal_met']} -> bench/results/matching.json")


if __name__ == "__main__":
    main()
