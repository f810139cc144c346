"""Joining, logging in and resetting a password, through django-allauth."""

import re

from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils.translation import gettext_lazy

from ligesind.accounts.models import ConsentRecord, User
from tests.factories import PASSWORD, UserFactory

SIGNUP = {
    "email": "ny@example.org",
    "password1": "et-langt-kodeord-2026",
    "password2": "et-langt-kodeord-2026",
    "adult": "on",
    "health_data_consent": "on",
    "consent_version": "2026-12",
}


def test_signup_stores_consent_and_adult_confirmation(client):
    response = client.post(reverse("account_signup"), SIGNUP)
    assert response.status_code == 302
    user = User.objects.get(email="ny@example.org")
    assert user.adult_confirmed_at is not None
    record = ConsentRecord.objects.get(user=user)
    assert record.version == "2026-12" and record.language == "da"
    assert user.password.startswith("md5$") or user.password.startswith("argon2")
    link = re.search(r"https?://\S+/confirm-email/\S+", str(mail.outbox[0].body))
    assert link


def test_signup_without_consent_or_age_keeps_input_and_explains(client):
    data = {**SIGNUP, "adult": "", "health_data_consent": ""}
    response = client.post(reverse("account_signup"), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "18" in html
    assert 'value="ny@example.org"' in html
    assert not User.objects.filter(email="ny@example.org").exists()


def test_signup_answers_the_same_for_existing_account(client):
    UserFactory.create(email="findes@example.org")
    fresh = client.post(reverse("account_signup"), SIGNUP)
    client.logout()
    existing = client.post(reverse("account_signup"), {**SIGNUP, "email": "findes@example.org"})
    assert fresh.status_code == existing.status_code == 302
    assert fresh["Location"] == existing["Location"]
    assert User.objects.filter(email="findes@example.org").count() == 1


def test_password_reset_answers_the_same(client):
    UserFactory.create(email="findes@example.org")
    known = client.post(reverse("account_reset_password"), {"email": "findes@example.org"})
    unknown = client.post(reverse("account_reset_password"), {"email": "ukendt@example.org"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]


def test_login_error_is_the_same_for_unknown_account(client):
    UserFactory.create(email="findes@example.org")
    wrong = client.post(
        reverse("account_login"), {"login": "findes@example.org", "password": "forkert-kode"}
    )
    unknown = client.post(
        reverse("account_login"), {"login": "ukendt@example.org", "password": "forkert-kode"}
    )

    def strip(response):  # the e-mail typed, the CSRF token and the CSP nonce differ
        page = response.content.decode().replace("findes", "X").replace("ukendt", "X")
        return re.sub(r'(value|nonce)="[^"]*"', "", page)

    assert wrong.status_code == unknown.status_code == 200
    assert strip(wrong) == strip(unknown)


def test_member_logs_in_and_out(client):
    user = UserFactory.create(email="medlem@example.org")
    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302
    assert client.get(reverse("accounts:home")).status_code == 200
    client.post(reverse("account_logout"))
    assert client.get(reverse("accounts:home")).status_code == 302


def test_password_change_asks_for_current_password(client, member):
    client.force_login(member)
    response = client.get(reverse("account_change_password"))
    assert 'name="oldpassword"' in response.content.decode()


def test_email_change_and_two_factor_require_reauthentication(client, member):
    client.force_login(member)
    response = client.post(reverse("account_email"), {"action_add": "", "email": "new@example.org"})
    assert response.status_code == 302
    assert "reauthenticate" in response["Location"]
    response = client.get(reverse("mfa_activate_totp"))
    assert response.status_code == 302
    assert "reauthenticate" in response["Location"]


def test_withdraw_consent_page_requires_reauthentication(client, member):
    client.force_login(member)
    response = client.get(reverse("accounts:consent_withdraw"))
    assert response.status_code == 302
    assert "reauthenticate" in response["Location"]


def test_consent_page_records_new_version(client, settings, member):
    from ligesind.accounts import consent

    settings.LIGESIND_CONSENT_VERSION = "2027-01"
    consent.CONSENT_TEXTS["2027-01"] = gettext_lazy("Ny tekst")
    try:
        client.force_login(member)
        assert client.get(reverse("accounts:home"))["Location"] == reverse("accounts:consent")
        client.post(
            reverse("accounts:consent"),
            {"health_data_consent": "on", "consent_version": "2027-01"},
        )
        assert ConsentRecord.objects.filter(user=member, version="2027-01").exists()
        assert client.get(reverse("accounts:home")).status_code == 200
    finally:
        del consent.CONSENT_TEXTS["2027-01"]


def test_five_failed_logins_lock_the_account_for_a_while(client):
    user = UserFactory.create(email="laas@example.org")
    for _attempt in range(5):
        response = client.post(
            reverse("account_login"), {"login": user.email, "password": "forkert-kode"}
        )
        assert response.status_code == 200
    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert response.status_code in (200, 429)
    assert "_auth_user_id" not in client.session  # even the right password waits
    page = response.content.decode()
    assert "For mange" in page or "for mange" in page


def test_signup_does_the_same_work_whether_or_not_the_address_has_an_account(
    client, settings, monkeypatch
):
    """The answer's timing must not tell whether an address is a member (that is itself health
    information): the password is hashed and one e-mail queued either way."""
    from ligesind.core.services import queue_email
    from tests.accounts.counting_hasher import CountingHasher

    settings.PASSWORD_HASHERS = ["tests.accounts.counting_hasher.CountingHasher"]
    UserFactory.create(email="findes@example.org")
    queued: list = []

    def queue_and_count(message) -> None:
        queued.append(message)
        queue_email(message)

    monkeypatch.setattr("ligesind.accounts.adapters.queue_email", queue_and_count)
    work = []
    for email in ("ny@example.org", "findes@example.org"):
        CountingHasher.calls, queued[:] = 0, []
        answer = Client().post(reverse("account_signup"), {**SIGNUP, "email": email})
        assert answer.status_code == 302
        work.append((CountingHasher.calls, [message.to for message in queued]))
    assert work == [(1, [["ny@example.org"]]), (1, [["findes@example.org"]])]
    assert len(mail.outbox) == 2  # sent by the task (at once, with no worker configured)


def test_the_confirmation_email_is_in_our_words_with_the_address_we_were_reached_at(
    client, settings
):
    settings.ALLOWED_HOSTS = ["ligesind.example.dk"]
    client.post(reverse("account_signup"), SIGNUP, HTTP_HOST="ligesind.example.dk")
    message = mail.outbox[0]
    assert message.subject == "[Ligesind] Bekræft din e-mailadresse"
    body = str(message.body)
    assert body.startswith("Hej,")
    assert "Åbn dette link for at bekræfte, at e-mailadressen er din:" in body
    assert "http://ligesind.example.dk/" in body and "Venlig hilsen Ligesind" in body
    assert "Hej fra" not in body and "brugeren" not in body
