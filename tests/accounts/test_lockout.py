"""Wrong passwords slow an attacker down without locking the owner out: after five, password
sign-in to that account pauses, and a code sent to its e-mail still signs the owner in (staff
are asked for their two-factor code after it)."""

import re

from django.core import mail
from django.test import Client
from django.urls import reverse

from ligesind.accounts.models import Role
from tests.factories import PASSWORD, UserFactory, make_staff


def try_password(client: Client, email: str, password: str):
    return client.post(reverse("account_login"), {"login": email, "password": password})


def pause_password_sign_in(email: str) -> None:
    attacker = Client(REMOTE_ADDR="203.0.113.9")
    for _ in range(5):
        try_password(attacker, email, "gæt-et-kodeord")


def sign_in_by_code(client: Client, email: str):
    mail.outbox.clear()
    asked = client.post(reverse("account_request_login_code"), {"email": email})
    assert asked.status_code == 302
    code = re.search(r"^\s*([A-Z0-9]{4}-[A-Z0-9]{4})\s*$", str(mail.outbox[-1].body), re.MULTILINE)
    assert code, mail.outbox[-1].body
    return client.post(reverse("account_confirm_login_code"), {"code": code.group(1)})


def test_the_owner_signs_in_by_code_while_password_sign_in_is_paused(client):
    member = UserFactory.create()
    pause_password_sign_in(member.email)

    refused = try_password(client, member.email, PASSWORD)  # even the right one, for now
    assert refused.status_code == 200
    html = refused.content.decode()
    assert "med en kode, som vi sender til din e-mail" in html  # how the owner gets in
    assert reverse("account_request_login_code") in html
    assert "_auth_user_id" not in client.session

    answer = sign_in_by_code(client, member.email)
    assert answer.status_code == 302
    assert client.session["_auth_user_id"] == str(member.pk)
    assert client.get(reverse("accounts:home")).status_code == 200


def test_a_code_does_not_skip_two_factor_for_staff(client, admin_user):
    moderator = make_staff(Role.MODERATOR, admin=admin_user)
    pause_password_sign_in(moderator.email)
    answer = sign_in_by_code(client, moderator.email)
    assert answer.status_code == 302
    assert answer["Location"] == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session
