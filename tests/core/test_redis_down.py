"""Redis is an accelerator: with it away, pages, sign-in and the crisis page work, and what
changed meanwhile (a session that ended) does not come back stale when it returns."""

import logging

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import PASSWORD, UserFactory
from tests.redis_server import OwnRedis, own_redis  # noqa: F401 - a fixture

PAGES = ["accounts:home", "community:index", "messaging:inbox", "crisis"]


@pytest.fixture
def redis_cache(settings, own_redis: OwnRedis, monkeypatch, caplog) -> OwnRedis:  # noqa: F811
    settings.CACHES = {
        "default": {
            "BACKEND": "ligesind.core.fast.cache.RedisCache",
            "LOCATION": own_redis.url,
            "KEY_PREFIX": "ligesind-fault",
            "OPTIONS": {"socket_timeout": 0.2, "socket_connect_timeout": 0.2},
        }
    }
    monkeypatch.setattr("ligesind.core.fast.cache.RETRY_SECONDS", 0.0)  # try Redis on every call
    caplog.set_level(logging.WARNING, logger="ligesind.core.fast.cache")
    return own_redis


def signed_in(member) -> Client:
    client = Client()
    client.force_login(member)
    assert client.get(reverse("accounts:home")).status_code == 200  # the session now in Redis
    return client


def test_pages_sign_in_and_crisis_page_work_while_redis_is_stopped(redis_cache, caplog):
    member = UserFactory.create()
    client = signed_in(member)
    for name in PAGES:
        assert client.get(reverse(name)).status_code == 200, name

    redis_cache.stop()
    for name in PAGES:
        assert client.get(reverse(name)).status_code == 200, name
    assert "Redis cache unreachable" in caplog.text
    visitor = Client()
    assert visitor.get(reverse("crisis")).status_code == 200
    assert visitor.get(reverse("front")).status_code == 200
    answer = visitor.post(reverse("account_login"), {"login": member.email, "password": PASSWORD})
    assert answer.status_code == 302
    assert visitor.get(reverse("accounts:home")).status_code == 200

    redis_cache.start()  # empty, as a restarted Redis is
    assert visitor.get(reverse("accounts:home")).status_code == 200
    assert client.get(reverse("accounts:home")).status_code == 200
    assert "reachable again" in caplog.text


def test_a_session_ended_while_redis_was_unreachable_stays_ended(redis_cache, caplog):
    member = UserFactory.create()
    staying, leaving = signed_in(member), signed_in(member)
    cookie = leaving.cookies["sessionid"].value

    redis_cache.pause()  # alive with its data, but answers nothing
    assert leaving.post(reverse("account_logout")).status_code == 302
    assert staying.get(reverse("crisis")).status_code == 200
    assert "Redis cache unreachable" in caplog.text

    redis_cache.resume()  # still holding the session as it was cached before
    again = Client()
    again.cookies["sessionid"] = cookie
    assert again.get(reverse("accounts:home")).status_code == 302
    assert staying.get(reverse("accounts:home")).status_code == 200


def test_sign_in_limits_still_hold_while_redis_is_away(redis_cache, caplog):
    """Rate counters are kept in the process meanwhile: an outage is no window for guessing."""
    member = UserFactory.create()
    redis_cache.stop()
    guesser = Client()
    for _ in range(5):
        guesser.post(reverse("account_login"), {"login": member.email, "password": "gæt"})
    answer = Client().post(reverse("account_login"), {"login": member.email, "password": PASSWORD})
    assert answer.status_code == 200  # paused, even with the right password
    assert "med en kode, som vi sender til din e-mail" in answer.content.decode()
    assert "Redis cache unreachable" in caplog.text

    redis_cache.start()  # back (empty): the counters of the outage are forgotten with it
    answer = Client().post(reverse("account_login"), {"login": member.email, "password": PASSWORD})
    assert answer.status_code == 302
