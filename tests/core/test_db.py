"""ligesind.core.fast.db: PostgreSQL timestamps read by psycopg's compiled loader give exactly what
Django's own loader gives. Runs wherever PostgreSQL answers (tests/services.py): on the test
database in CI's PostgreSQL pass, else on a connection of its own to the local server."""

from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection as default_connection
from django.db.utils import ConnectionHandler
from psycopg.types.datetime import TimestamptzLoader

from ligesind.core.fast.db import CompiledUtcLoader
from tests.services import LOCAL_POSTGRES, NO_POSTGRES, postgres_answers

on_postgres = default_connection.vendor == "postgresql"
pytestmark = pytest.mark.skipif(not (on_postgres or postgres_answers()), reason=NO_POSTGRES)

VALUES = [
    "2026-11-26 09:49:34.671491+00",
    "2026-03-29 01:59:59.999999+00",  # the hour before summer time in Copenhagen
    "2026-10-25 02:30:00+02",
    "1999-12-31 23:00:00-05:30",
    "0001-01-01 00:00:00+00",
    "9999-12-31 23:59:59.999999+00",
]


@pytest.fixture
def connection(request):
    """Django's PostgreSQL connection: the test database's, or one made for this test."""
    if on_postgres:
        request.getfixturevalue("db")
        yield default_connection
        return
    handler = ConnectionHandler(
        {"default": {"ENGINE": "django.db.backends.postgresql", **LOCAL_POSTGRES}}
    )
    own = handler["default"]
    try:
        yield own
    finally:
        own.close()


def test_connections_use_the_compiled_loader(connection):
    connection.ensure_connection()
    assert connection.connection.adapters.get_loader(1184, 0) is CompiledUtcLoader


def test_values_are_the_same_as_djangos_loader(connection):
    with connection.cursor() as cursor:
        for text in VALUES:
            cursor.execute("SELECT %s::timestamptz, %s::timestamptz::text", [text, text])
            value, as_text = cursor.fetchone()
            python = TimestamptzLoader(1184, connection.connection).load(as_text.encode())
            assert value == python.replace(tzinfo=UTC)
            assert value.tzinfo is UTC
    now = datetime.now(UTC)
    with connection.cursor() as cursor:
        cursor.execute("SELECT %s::timestamptz, NULL::timestamptz", [now - timedelta(days=3)])
        assert cursor.fetchone() == (now - timedelta(days=3), None)
