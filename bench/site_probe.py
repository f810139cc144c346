"""Run inside Ligesind's settings by bench/site.py: build the authorization matrix's world (a
member, a peer guide, coordinators, a moderator, an admin and everything they own), pick every
GET page of the matrix with the role that normally uses it, count each page's SQL queries, seed
the database to national size, count again, and sign each role in. Prints one JSON line."""

import json
import os
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ligesind.settings.prod")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402

from tests.safety.matrix_probe import url_patterns  # noqa: E402
from tests.safety.matrix_rules import RULES  # noqa: E402
from tests.safety.matrix_world import build_world  # noqa: E402

# The role that normally uses a page, when several may: a member's page is measured as a
# member, a coordinator's as a coordinator (the heavier case first where everyone may).
NORMAL_USER = (
    "member",
    "peer_guide",
    "far_coordinator",
    "other_coordinator",
    "other_staff",
    "moderator",
    "admin",
    "another_member",
    "anonymous",
)
SIZES = {
    "members": int(os.environ.get("BENCH_SITE_MEMBERS", "50000")),
    "messages": int(os.environ.get("BENCH_SITE_MESSAGES", "1000000")),
    "posts": int(os.environ.get("BENCH_SITE_POSTS", "100000")),
}


def pages(ids: dict[str, Any]) -> list[dict[str, str]]:
    found = []
    for name, route in url_patterns():
        rule = RULES.get(name)
        if rule is None or rule.method != "get" or route.startswith("cms/"):
            continue
        role = next((r for r in NORMAL_USER if r in rule.allowed), None)
        if role is None:
            continue
        url = rule.url(ids) if rule.url else reverse(name, kwargs=rule.kwargs(ids))
        found.append({"name": name, "role": role, "url": url})
    return found


def count(clients: dict[str, Client], rows: list[dict[str, Any]], key: str) -> None:
    for row in rows:
        client = clients[row["role"]]
        client.get(row["url"])  # a first view may write (a thread marked read): count the next
        with CaptureQueriesContext(connection) as captured:
            response = client.get(row["url"])
        row[key] = len(captured.captured_queries)
        row["status"] = response.status_code
        row["bytes"] = len(getattr(response, "content", b"") or b"")


def seed() -> dict[str, Any]:
    from ligesind.activities.models import Activity
    from ligesind.community.models import Post
    from ligesind.demo.bench_fees import seed_fees
    from ligesind.demo.bench_forum import ForumSize, seed_forum
    from ligesind.demo.bench_members import seed_members
    from ligesind.demo.bench_messages import seed_messages
    from ligesind.demo.bench_reports import seed_organisation_life
    from ligesind.messaging.models import Message
    from ligesind.volunteers.models import VolunteerHours

    started = time.perf_counter()
    seed_members(SIZES["members"])
    seed_organisation_life()
    seed_forum(
        ForumSize(members=SIZES["members"], threads=SIZES["posts"] // 10, posts=SIZES["posts"])
    )
    seed_messages(SIZES["messages"])
    fees = seed_fees()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    from ligesind.accounts.models import User

    return {
        "seed_seconds": round(time.perf_counter() - started, 1),
        "members": User.objects.count(),
        "messages": Message.objects.count(),
        "forum_posts": Post.objects.count(),
        "activities": Activity.objects.count(),
        "volunteer_hours_entries": VolunteerHours.objects.count(),
        **fees,
    }


def recount(probe: dict[str, Any]) -> dict[str, Any]:
    """A rerun on the kept database: each page's queries counted again with the code as it is
    now (the count before seeding stays the first run's)."""
    clients = {
        role: Client(HTTP_HOST="127.0.0.1", HTTP_COOKIE=cookie)
        for role, cookie in probe["cookies"].items()
    }
    clients.setdefault("anonymous", Client(HTTP_HOST="127.0.0.1"))
    count(clients, probe["pages"], "queries")
    return probe


def main() -> None:
    if os.environ.get("BENCH_SITE_RECOUNT"):
        print(json.dumps(recount(json.loads(sys.stdin.read()))))
        return
    world = build_world()
    clients: dict[str, Client] = {}
    cookies: dict[str, str] = {}
    for role, user in world.users.items():
        client = Client(HTTP_HOST="127.0.0.1")
        if user is not None:
            client.force_login(user)
            cookies[role] = (
                f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"
            )
        clients[role] = client
    rows = pages(world.ids)
    count(clients, rows, "queries_small")
    sizes = seed()
    count(clients, rows, "queries")
    print(json.dumps({"pages": rows, "cookies": cookies, "sizes": sizes}))


main()
