"""`make bench`: the members' directory ("Find ligesindede") at national size (50,000 members)
on PostgreSQL, through the view (templates included), signed in as a member, with no filter,
with each filter, and on the last page it lists. Writes bench/results/directory.json.

Uses the database in BENCH_DIRECTORY_DATABASE_URL (default: a `ligesind_directory_bench`
database on the local PostgreSQL), dropped and created again at the start of each run.
"""

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
# 200 requests a page, so p99 is a percentile and not the one slowest request
os.environ.setdefault("BENCH_REPORTS_REQUESTS", "200")
from bench import matching  # noqa: E402
from bench.reports import measure, write_result  # noqa: E402

DATABASE = os.environ.get(
    "BENCH_DIRECTORY_DATABASE_URL",
    "postgres://postgres@127.0.0.1:5432/ligesind_directory_bench",
)
MEMBERS = int(os.environ.get("BENCH_DIRECTORY_MEMBERS", "50000"))
GOAL_MS = 150


def share_with_members(profile_model: type, interest_model: type) -> None:
    """Three in five members show their municipality, experiences, interests, how they meet
    and their support role to all members, and most have a few interests (the generated
    members keep everything to the coordinators otherwise, and every filter would be empty)."""
    import random

    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE accounts_profile SET municipality_visibility = 3, experiences_visibility = 3,"
            " interests_visibility = 3, contact_preference_visibility = 3,"
            " support_role_visibility = 3, contact_preference = CASE WHEN id % 3 = 0"
            " THEN 'in_person' ELSE contact_preference END, support_role = CASE WHEN id % 4 = 0"
            " THEN 'offers' ELSE support_role END WHERE id % 5 < 3"
        )
    rng = random.Random(7)
    topics = list(interest_model.objects.values_list("pk", flat=True))
    through = profile_model.interests.through
    rows = [
        through(profile_id=pk, interest_id=topic)
        for pk in profile_model.objects.values_list("pk", flat=True)
        for topic in rng.sample(topics, rng.randint(0, 3))
    ]
    through.objects.bulk_create(rows, batch_size=5000)


def main() -> None:
    matching.create_database(DATABASE)
    matching.setup_django(DATABASE)
    from django.conf import settings
    from django.db import connection
    from django.test import Client

    from ligesind.accounts.models import ExperienceCategory, Interest, Profile, User
    from ligesind.demo.bench_members import seed_members

    settings.DEBUG = False
    settings.ALLOWED_HOSTS = ["testserver"]
    started = time.perf_counter()
    seed_members(MEMBERS)
    share_with_members(Profile, Interest)
    seeded = round(time.perf_counter() - started, 1)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    viewer = User.objects.filter(profile__alias__startswith="Bench").order_by("pk").first()
    assert viewer is not None
    odense = Profile.objects.filter(municipality__name="Odense").count()
    category = ExperienceCategory.objects.order_by("pk").first()
    interest = Interest.objects.order_by("pk").first()
    assert category is not None and interest is not None
    place = Profile.objects.get(user=viewer).municipality_id
    sizes = {
        "members": User.objects.count(),
        "listed": Profile.objects.filter(listed_in_directory=True).count(),
        "in_odense": odense,
    }
    print(f"seeded in {seeded} s: {sizes}")
    client = Client()
    client.force_login(viewer)
    pages = {
        "all": measure(client, "/members/"),
        "municipality": measure(client, f"/members/?municipality={place}"),
        "experience": measure(client, f"/members/?category={category.pk}&perspective=affected"),
        "interest": measure(client, f"/members/?interest={interest.pk}"),
        "in_person_guides": measure(client, "/members/?contact=in_person&offers_support=on"),
        "last_page": measure(client, "/members/?page=42"),
    }
    write_result(
        "directory",
        what="The members' directory (/members/) as a member sees it, through Django's test "
        "client (view and templates, DEBUG off), with no filter, each kind of filter and the last "
        "page it lists (it counts up to 1,000 members and says 'more than' beyond)",
        seeded=seeded,
        sizes=sizes,
        pages=pages,
        goal_ms=GOAL_MS,
        goal=f"p99 under {GOAL_MS} ms for each at 50,000 members, queries constant",
    )


if __name__ == "__main__":
    main()
