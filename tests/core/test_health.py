"""/healthz, /readyz, the crisis page when the database fails, and production's JSON logs."""

import json
import logging
from datetime import timedelta

import pytest
from django.db import OperationalError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from ligesind.core.logs import JsonFormatter
from tests.factories import UserFactory


def test_healthz_answers_without_touching_anything(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        answer = client.get("/healthz")
    assert answer.status_code == 200
    assert answer.json() == {"status": "alive"}


def test_readyz_reports_each_service(client, settings):
    settings.REDIS_URL = ""
    answer = client.get("/readyz")
    assert answer.status_code == 200
    assert answer.json() == {
        "database": "ok",
        "redis": "not used",
        "tasks": "run at once (no worker)",
        "status": "ready",
    }


def test_readyz_stays_in_service_when_redis_is_down(client, settings):
    settings.REDIS_URL = "redis://127.0.0.1:1/0"  # nothing listens there
    answer = client.get("/readyz")
    assert answer.status_code == 200
    assert answer.json()["redis"] == "down"
    assert answer.json()["status"] == "degraded"


def test_readyz_says_when_the_task_worker_is_behind(client, settings):
    from django_tasks_db.models import DBTaskResult

    from ligesind.core.tasks import purge_old_data

    settings.LIGESIND_TASKS = "database"
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    purge_old_data.using(backend="default").enqueue()
    assert client.get("/readyz").json()["tasks"] == "ok"  # just queued
    DBTaskResult.objects.update(enqueued_at=timezone.now() - timedelta(minutes=10))
    report = client.get("/readyz").json()
    assert report["tasks"] == "behind"
    assert report["status"] == "degraded"


def test_readyz_is_503_without_a_database(client, monkeypatch):
    def broken(*args, **kwargs):
        raise OperationalError("connection refused")

    with monkeypatch.context() as patched:  # undone before the test database is torn down
        patched.setattr("ligesind.core.health.connection.cursor", broken)
        answer = client.get("/readyz")
    assert answer.status_code == 503
    assert answer.json()["database"] == "down"


@pytest.fixture
def database_fails(monkeypatch):
    """Loading the signed-in member fails, as it does when PostgreSQL is away."""

    def broken(self, user_id):
        raise OperationalError("connection refused")

    monkeypatch.setattr("ligesind.accounts.backends.MemberBackend.get_user", broken)


@pytest.mark.parametrize("language", ["da", "en"])
def test_the_crisis_page_shows_its_numbers_when_the_database_fails(database_fails, language):
    client = Client(raise_request_exception=False)
    client.force_login(UserFactory.create())  # before the failure: the session exists
    prefix = "" if language == "da" else "/en"
    answer = client.get(prefix + reverse("crisis"))
    assert answer.status_code == 200
    html = answer.content.decode()
    assert "112" in html and "70 201 201" in html and "1813" in html
    assert f'lang="{language}"' in html


def test_every_error_page_shows_where_to_get_help(database_fails):
    client = Client(raise_request_exception=False)
    client.force_login(UserFactory.create())
    answer = client.get(reverse("accounts:home"))
    assert answer.status_code == 500
    html = answer.content.decode()
    assert "112" in html and "70 201 201" in html


def test_json_logs_carry_the_message_and_nothing_of_the_request():
    record = logging.LogRecord(
        "django.request", logging.ERROR, __file__, 1, "Internal Server Error: %s", ("/me/",), None
    )
    record.request = object()  # Django attaches the request to its records
    line = json.loads(JsonFormatter().format(record))
    assert set(line) == {"time", "level", "logger", "message"}
    assert line["message"] == "Internal Server Error: /me/"
