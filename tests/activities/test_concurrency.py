"""50 real, concurrent HTTP sign-ups for the last places while others cancel, on PostgreSQL:
no double booking, the capacity is never exceeded, everyone else waits in line."""

import secrets
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from ligesind.activities import services
from ligesind.activities.models import Signup, SignupStatus
from tests.factories import UserFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="SQLite serialises writers; the row lock is tested on PostgreSQL (second CI pass)",
    ),
]


def post_as(base_url, session_id, path):
    token = secrets.token_hex(16)  # 32 characters: a CSRF secret for cookie and header
    request = urllib.request.Request(  # noqa: S310 - our own live server over http
        base_url + path,
        data=b"",
        method="POST",
        headers={"Cookie": f"sessionid={session_id}; csrftoken={token}", "X-CSRFToken": token},
    )
    opener = urllib.request.build_opener(NoRedirect)
    with opener.open(request, timeout=60) as response:
        return response.status


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None

    def http_error_302(self, req, fp, code, msg, headers):
        return fp


def session_of(user):
    client = Client()
    client.force_login(user)
    return client.cookies["sessionid"].value


def test_concurrent_sign_ups_and_cancellations(live_server, make_activity):
    activity = make_activity(capacity=12)
    holders = UserFactory.create_batch(10)
    for person in holders:
        services.sign_up(actor=person, activity=activity)
    newcomers = UserFactory.create_batch(50)
    jobs = [(session_of(p), reverse("activities:sign_up", args=[activity.pk])) for p in newcomers]
    jobs += [(session_of(p), reverse("activities:leave", args=[activity.pk])) for p in holders[:5]]
    with ThreadPoolExecutor(max_workers=len(jobs)) as pool:
        statuses = list(pool.map(lambda job: post_as(live_server.url, *job), jobs))
    assert statuses == [302] * len(jobs)

    rows = Signup.objects.filter(activity=activity)
    confirmed = rows.filter(status=SignupStatus.CONFIRMED).count()
    waiting = rows.filter(status=SignupStatus.WAITING).count()
    assert confirmed == 12  # full, never more
    assert waiting == 50 + 10 - 5 - 12
    assert rows.count() == 60  # one row per person: no double booking
    assert rows.filter(status=SignupStatus.CANCELLED).count() == 5
    # Whoever waits is behind everyone with a place only in the order they came.
    assert rows.filter(user__in=holders[5:], status=SignupStatus.CONFIRMED).count() == 5
