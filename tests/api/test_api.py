"""The API honours exactly the permission functions of the pages, for each kind of caller."""

import pytest
from django.test import Client
from django.urls import reverse

from ligesind.accounts import services
from ligesind.accounts.models import Visibility
from ligesind.core.models import AccessLog, Notification
from tests.factories import UserFactory, municipality


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture
def owner():
    return UserFactory.create(
        member__alias="Ejer",
        member__real_name="Skjult Navn",
        member__municipality=municipality("Odense"),
        member__municipality_visibility=Visibility.MEMBERS,
        member__story="Kun til koordinatorer",
        member__story_visibility=Visibility.COORDINATORS,
    )


def test_schema_and_docs_are_public(client):
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/members" in schema["paths"]
    docs = client.get("/api/docs").content.decode()
    assert "/api/v1/members/{public_id}" in docs
    assert "cdn" not in docs.lower()


@pytest.mark.parametrize(
    "path", ["/api/v1/me/profile", "/api/v1/members", "/api/v1/notifications", "/api/v1/activities"]
)
def test_visitors_and_unconsented_accounts_are_refused(client, path):
    assert client.get(path).status_code == 401
    client.force_login(UserFactory.create(member=False))
    assert client.get(path).status_code == 401


def test_member_sees_what_the_page_shows(client, member, owner):
    client.force_login(member)
    data = client.get(f"/api/v1/members/{owner.profile.public_id}").json()
    assert data["alias"] == "Ejer"
    assert data["municipality"] == "Odense"
    assert data["story"] is None
    assert data["real_name"] is None
    assert "email" not in data


def test_coordinator_sees_more_and_it_is_audited(client, coordinator, owner):
    client.force_login(coordinator)
    data = client.get(f"/api/v1/members/{owner.profile.public_id}").json()
    assert data["story"] == "Kun til koordinatorer"
    assert AccessLog.objects.filter(subject_id=owner.pk, actor_id=coordinator.pk).exists()


def test_blocked_member_is_not_found(client, member, owner):
    services.block_user(actor=owner, target=member)
    client.force_login(member)
    assert client.get(f"/api/v1/members/{owner.profile.public_id}").status_code == 404
    aliases = [m["alias"] for m in client.get("/api/v1/members").json()["items"]]
    assert "Ejer" not in aliases


def test_directory_filters_like_the_page(client, member, owner):
    UserFactory.create(
        member__alias="Skjult",
        member__municipality=municipality("Odense"),
        member__municipality_visibility=Visibility.ONLY_ME,
    )
    client.force_login(member)
    odense = municipality("Odense").pk
    items = client.get(f"/api/v1/members?municipality={odense}").json()["items"]
    assert [m["alias"] for m in items] == ["Ejer"]


def test_my_profile_has_everything(client, owner):
    client.force_login(owner)
    data = client.get("/api/v1/me/profile").json()
    assert data["real_name"] == "Skjult Navn"
    assert data["story"] == "Kun til koordinatorer"


def test_token_auth_and_revocation(member, owner):
    row, token = services.create_access_token(actor=member, name="Min app")
    api = Client()
    assert api.get("/api/v1/me/profile", headers=bearer(token)).json()["alias"] == "Solhjerte"
    assert api.get("/api/v1/me/profile", headers=bearer(token + "x")).status_code == 401
    services.revoke_access_token(actor=member, token_id=row.pk)
    assert api.get("/api/v1/me/profile", headers=bearer(token)).status_code == 401


def test_token_is_stored_only_as_a_hash(member):
    row, token = services.create_access_token(actor=member, name="App")
    row.refresh_from_db()
    assert token not in (row.token_hash, row.prefix)
    assert row.prefix == token[:10]


def test_cannot_revoke_someone_elses_token(member, other):
    row, _ = services.create_access_token(actor=other, name="App")
    from ligesind.core.errors import DomainError

    with pytest.raises(DomainError):
        services.revoke_access_token(actor=member, token_id=row.pk)


def test_notifications_are_mine_only(member, other):
    mine = Notification.objects.create(
        recipient=member, kind="role_granted", params={"role": "Moderator"}
    )
    theirs = Notification.objects.create(
        recipient=other, kind="role_granted", params={"role": "Moderator"}
    )
    _row, token = services.create_access_token(actor=member, name="App")
    api = Client()
    items = api.get("/api/v1/notifications", headers=bearer(token)).json()["items"]
    assert [n["id"] for n in items] == [mine.pk]
    assert items[0]["text"] == "Du har fået rollen Moderator."
    assert (
        api.post(f"/api/v1/notifications/{theirs.pk}/read", headers=bearer(token)).status_code
        == 404
    )
    assert (
        api.post(f"/api/v1/notifications/{mine.pk}/read", headers=bearer(token)).status_code == 204
    )


def test_session_writes_need_csrf(member):
    note = Notification.objects.create(
        recipient=member, kind="role_granted", params={"role": "Moderator"}
    )
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(member)
    assert browser.post(f"/api/v1/notifications/{note.pk}/read").status_code in (401, 403)


def test_tokens_page(client, member):
    client.force_login(member)
    response = client.post(reverse("accounts:tokens"), {"name": "Kalender-app"})
    html = response.content.decode()
    assert "lgs_" in html
    assert response["Cache-Control"] == "no-store"
    again = client.get(reverse("accounts:tokens")).content.decode()
    assert 'value="lgs_' not in again  # shown once
    response = client.post(reverse("accounts:tokens"), {"name": ""})
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()


@pytest.mark.parametrize("who", ["visitor", "no-consent"])
def test_tokens_page_is_for_members(client, who):
    if who == "no-consent":
        client.force_login(UserFactory.create(member=False))
    assert client.get(reverse("accounts:tokens")).status_code == 302


def test_staff_without_two_factor_cannot_use_the_api(client):
    from ligesind.accounts.models import User

    boss = UserFactory.create()
    User.objects.filter(pk=boss.pk).update(is_staff=True, is_superuser=True)
    client.force_login(User.objects.get(pk=boss.pk))
    assert client.get("/api/v1/me/profile").status_code == 401


def test_too_many_requests_get_429_with_a_translated_reason(client, member, settings):
    settings.LIGESIND_API_RATE = "3/m"
    client.force_login(member)
    codes = [client.get("/api/v1/me/profile").status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    refused = client.get("/api/v1/me/profile", headers={"Accept-Language": "da"})
    assert refused.json()["detail"].startswith("Du har prøvet mange gange på kort tid")
    assert int(refused["Retry-After"]) > 0
    assert Client().get("/api/v1/members").status_code == 401  # visitors never get in
