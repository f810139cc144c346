"""Run inside Ligesind's settings by bench/forum.py: sign a generated member in, pick the
pages, count their SQL queries with Django's test client. Prints one JSON line."""

import json
import os
import sys
from importlib import import_module
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ligesind.settings.prod")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402

from ligesind.accounts.models import User  # noqa: E402
from ligesind.community.models import Thread  # noqa: E402
from ligesind.demo.bench_forum import counts  # noqa: E402
from ligesind.demo.bench_members import DOMAIN  # noqa: E402


def main() -> None:
    user = User.objects.filter(email__endswith=f"@{DOMAIN}").order_by("pk").first()
    assert user is not None
    session = import_module(settings.SESSION_ENGINE).SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    cookie = f"{settings.SESSION_COOKIE_NAME}={session.session_key}"
    thread = Thread.objects.filter(post_count=20).order_by("pk").select_related("category").first()
    assert thread is not None and thread.category is not None
    urls = {
        "index": reverse("community:index"),
        "category": reverse("community:category", args=[thread.category.slug]),
        "thread": reverse("community:thread", args=[thread.pk]),
    }
    member = Client(HTTP_HOST="127.0.0.1")
    member.cookies[settings.SESSION_COOKIE_NAME] = session.session_key
    visitor = Client(HTTP_HOST="127.0.0.1")
    queries: dict[str, int] = {}
    sizes: dict[str, int] = {}
    for name, client, url in [
        ("index (member)", member, urls["index"]),
        ("thread list (member)", member, urls["category"]),
        ("thread page, 20 posts (member)", member, urls["thread"]),
        ("index (visitor)", visitor, urls["index"]),
    ]:
        client.get(url)  # the first view marks the thread read; count the steady state
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        if response.status_code != 200:
            raise SystemExit(f"{name} {url} answered {response.status_code}")
        queries[name] = len(captured.captured_queries)
        sizes[name] = len(response.content)
    print(
        json.dumps(
            {
                "cookie": cookie,
                "urls": urls,
                "queries": queries,
                "thread_bytes": sizes["thread page, 20 posts (member)"],
                "counts": counts(),
            }
        )
    )


main()
