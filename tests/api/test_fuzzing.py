"""API fuzzing: schemathesis generates requests from /api/v1/openapi.json, as a member with a
token and as a visitor. No request, however odd, may give a server error."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from ligesind.accounts import services
from ligesind.core.services import notify
from ligesind.wsgi import application
from tests.factories import UserFactory


@pytest.fixture(autouse=True)
def _keep_the_test_connection():
    """Like Django's test client: a request must not close the test's database connection
    (schemathesis calls the WSGI app directly, which would close it after each request)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def token(db, settings):
    settings.LIGESIND_API_RATE = "100000/m"  # fuzzing is fast; 429 would hide real answers
    member = UserFactory.create(member__alias="Fuzz")
    UserFactory.create(member__alias="Anden")
    notify(member, "role_granted", params={"role": "x"})
    return services.create_access_token(actor=member, name="fuzz")[1]


# Loaded when the tests are collected: the schema view reads no database.
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)


@schema.parametrize()
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_no_server_errors_as_a_member(case, token):
    response = case.call(headers={"Authorization": f"Bearer {token}"})
    case.validate_response(response, checks=[not_a_server_error])


@schema.parametrize()
@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_no_server_errors_as_a_visitor(case, db):
    response = case.call()
    case.validate_response(response, checks=[not_a_server_error])
    assert response.status_code in {401, 403, 404, 405, 422}  # 403: a write without CSRF
