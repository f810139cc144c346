"""Run in Misago's own virtualenv by bench/misago_site/run.py: seed Misago with the forum
benchmark's sizes using Misago's own fake-data commands (once; kept between runs), sign a
member in, pick the pages and count their SQL queries. Prints one JSON line."""

import json
import os
import sys
from importlib import import_module
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "misago_site.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from misago.categories.models import Category  # noqa: E402
from misago.threads.models import Post, Thread  # noqa: E402
from misago.users.models import User  # noqa: E402

SIZES = {"members": 1000, "categories": 40, "threads": 10_000, "posts": 100_000}
QUIET = open(os.devnull, "w")  # noqa: SIM115 - the commands' progress bars


def counts() -> dict[str, int]:
    return {
        "members": User.objects.count(),
        "categories": Category.objects.all_categories().count(),
        "threads": Thread.objects.count(),
        "posts": Post.objects.count(),
    }


def seed() -> None:
    before = counts()
    have = before
    if have["members"] < SIZES["members"]:
        call_command("createfakeusers", SIZES["members"] - have["members"], stdout=QUIET)
    if have["categories"] < SIZES["categories"]:
        call_command("createfakecategories", SIZES["categories"] - have["categories"], 1,
                     stdout=QUIET)  # fmt: skip
    have = counts()
    if have["threads"] < SIZES["threads"]:
        call_command("createfakethreads", SIZES["threads"] - have["threads"], stdout=QUIET)
    have = counts()
    if have["posts"] < SIZES["posts"]:
        call_command("createfakeposts", SIZES["posts"] - have["posts"], stdout=QUIET)
    if counts() != before:
        call_command("synchronizethreads", stdout=QUIET)
        call_command("synchronizecategories", stdout=QUIET)
    with connection.cursor() as cursor:  # settled as autovacuum leaves it, like ours
        cursor.execute("VACUUM (ANALYZE)")


def main() -> None:
    seed()
    user = User.objects.filter(is_active=True, is_staff=False).order_by("pk").first()
    session = import_module(settings.SESSION_ENGINE).SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    thread = (
        Thread.objects.filter(replies=19, is_hidden=False, is_unapproved=False)
        .order_by("pk")
        .first()
    )
    urls = {
        "index": "/",
        "category": thread.category.get_absolute_url(),
        "thread": thread.get_absolute_url(),
    }
    member = Client(HTTP_HOST="127.0.0.1")
    member.cookies[settings.SESSION_COOKIE_NAME] = session.session_key
    visitor = Client(HTTP_HOST="127.0.0.1")
    queries = {}
    for name, client, url in [
        ("index (member)", member, urls["index"]),
        ("thread list (member)", member, urls["category"]),
        ("thread page, 20 posts (member)", member, urls["thread"]),
        ("index (visitor)", visitor, urls["index"]),
        ("thread list (visitor)", visitor, urls["category"]),
        ("thread page, 20 posts (visitor)", visitor, urls["thread"]),
    ]:
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        if response.status_code != 200:
            raise SystemExit(f"Misago {name} {url} answered {response.status_code}")
        queries[name] = len(captured.captured_queries)
    cookie = f"{settings.SESSION_COOKIE_NAME}={session.session_key}"
    print(json.dumps({"cookie": cookie, "urls": urls, "queries": queries, "counts": counts()}))


main()
