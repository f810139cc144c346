"""Staff sessions end after 30 minutes idle and after 12 hours in all; members' do not."""

import pytest
from django.urls import reverse

from ligesind.accounts import middleware
from ligesind.accounts.models import Role
from tests.factories import make_staff


class Clock:
    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch):
    clock = Clock()
    monkeypatch.setattr(middleware.time, "time", clock)
    return clock


@pytest.fixture
def moderator(admin_user):
    return make_staff(Role.MODERATOR, admin=admin_user, alias="Moderator")  # with two-factor


def test_staff_are_signed_out_after_30_idle_minutes(client, clock, moderator):
    client.force_login(moderator)
    home = reverse("accounts:home")
    assert client.get(home).status_code == 200
    clock.now += 29 * 60
    assert client.get(home).status_code == 200  # activity resets the idle clock
    clock.now += 29 * 60
    assert client.get(home).status_code == 200
    clock.now += 31 * 60
    response = client.get(home)
    assert response.status_code == 302 and "login" in response["Location"]
    assert client.get(home).status_code == 302  # really signed out


def test_a_staff_request_writes_the_session_once_a_minute_at_most(client, clock, moderator):
    client.force_login(moderator)
    home = reverse("accounts:home")
    client.get(home)
    saved = client.session[middleware.SESSION_SEEN]
    clock.now += 30
    client.get(home)
    assert client.session[middleware.SESSION_SEEN] == saved  # not written again
    clock.now += 31
    client.get(home)
    assert client.session[middleware.SESSION_SEEN] == clock.now


def test_staff_are_signed_out_after_12_hours_even_when_active(client, clock, moderator):
    client.force_login(moderator)
    home = reverse("accounts:home")
    assert client.get(home).status_code == 200
    for _step in range(12 * 3):  # a request every 20 minutes for 12 hours
        clock.now += 20 * 60
        assert client.get(home).status_code == 200
    clock.now += 20 * 60
    response = client.get(home, follow=True)
    assert "12 timer" in response.content.decode()
    assert "login" in response.redirect_chain[0][0]


def test_members_keep_their_session(client, clock, member):
    client.force_login(member)
    clock.now += 24 * 3600
    assert client.get(reverse("accounts:home")).status_code == 200
