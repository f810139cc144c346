"""Consent, withdrawal, staff two-factor and the roles page, in the browser with axe."""

import re

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from allauth.mfa.totp.internal.auth import yield_hotp_counters_from_time as counters
from django.core import mail
from playwright.sync_api import Page, expect

from ligesind.accounts.models import ConsentRecord, RoleAssignment, User
from tests.browser.helpers import enter_totp
from tests.factories import PASSWORD, UserFactory, make_admin, with_two_factor

pytestmark = pytest.mark.browser


def log_in(page: Page, email: str) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Adgangskode").fill(PASSWORD)
    page.get_by_role("button", name="Log ind").click()


def test_consent_then_profile_then_withdraw(page: Page, axe):
    user = UserFactory.create(email="uden@example.org", member=False)
    log_in(page, user.email)
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Samtykke til behandling af helbredsoplysninger"
    )
    axe(page)
    page.get_by_role("button", name="Gem mit samtykke").click()
    expect(page.get_by_role("alert")).to_be_visible()  # the box was not ticked: clear error
    axe(page)
    page.get_by_label("Jeg giver mit samtykke som beskrevet ovenfor.").check()
    page.get_by_role("button", name="Gem mit samtykke").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Min profil")
    page.get_by_label("Alias").fill("Kildelys")
    page.get_by_role("button", name="Gem profil").click()
    page.goto("/me/consent/withdraw/")
    if "reauthenticate" in page.url:  # allauth asks for the password again before deletion
        axe(page)
        page.get_by_label("Adgangskode").fill(PASSWORD)
        page.get_by_role("button", name="Bekræft").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Træk samtykke tilbage")
    axe(page)
    page.get_by_role("button", name="Træk samtykke tilbage og slet min konto").click()
    expect(page.get_by_text("din konto er slettet")).to_be_visible()
    axe(page)
    assert not User.objects.filter(email="uden@example.org").exists()
    assert ConsentRecord.objects.filter(withdrawn_at__isnull=False).count() == 1


def test_admin_logs_in_with_two_factor_and_grants_a_role(page: Page, axe):
    admin = make_admin()
    guide = with_two_factor(UserFactory.create(email="guide@example.org", member__alias="Guide"))
    log_in(page, admin.email)
    expect(page.get_by_role("heading", level=1)).to_contain_text("To-faktor")
    axe(page)
    enter_totp(page, admin)
    page.goto("/staff/roles/")
    axe(page)
    page.get_by_label("Kontoens e-mailadresse").fill(guide.email)
    page.get_by_label("Rolle").select_option(label="Peerguide")
    page.get_by_label("Kommuner (for koordinatorer og peerguider)").select_option(label="Odense")
    page.get_by_role("button", name="Giv rolle").click()
    expect(page.get_by_text("Rollen er givet.")).to_be_visible()
    axe(page)
    assert RoleAssignment.objects.filter(user=guide, role="peer_guide").exists()


def test_english_pages(page: Page, axe):
    page.goto("/")
    page.get_by_role("link", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text("Meet someone who has been there")
    page.get_by_role("link", name="Join").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Join Ligesind")
    axe(page)
    page.get_by_role("link", name="Dansk").click()
    expect(page.locator("html")).to_have_attribute("lang", "da")


def test_member_resets_password(page: Page, axe):
    user = UserFactory.create(email="glemt@example.org", member__alias="Glemsom")
    page.goto("/accounts/login/")
    page.get_by_role("link", name="Glemt din adgangskode?").click()
    axe(page)
    page.get_by_label("E-mail").fill(user.email)
    page.get_by_role("button", name="Nulstil min adgangskode").click()
    axe(page)
    link = re.search(r"https?://[^/\s]+(/\S*password/reset/key/\S+)", str(mail.outbox[-1].body))
    assert link, mail.outbox[-1].body
    page.goto(link.group(1))
    axe(page)
    page.get_by_label("Ny adgangskode", exact=True).fill("endnu-et-langt-kodeord-9")
    page.get_by_label("Ny adgangskode (igen)").fill("endnu-et-langt-kodeord-9")
    page.get_by_role("button", name="Skift adgangskode").click()
    axe(page)
    page.goto("/accounts/login/")
    page.get_by_label("E-mail").fill(user.email)
    page.get_by_label("Adgangskode").fill("endnu-et-langt-kodeord-9")
    page.get_by_role("button", name="Log ind").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Velkommen, Glemsom")


def test_member_turns_on_two_factor(page: Page, axe):
    user = UserFactory.create(email="sikker@example.org", member__alias="Sikker")
    log_in(page, user.email)
    page.goto("/accounts/2fa/totp/activate/")
    if "reauthenticate" in page.url:
        page.get_by_label("Adgangskode").fill(PASSWORD)
        page.get_by_role("button", name="Bekræft").click()
    axe(page)
    secret = page.locator("#authenticator_secret").input_value()
    code = format_hotp_value(hotp_value(secret, next(iter(counters()))))
    page.locator("input[name=code]").fill(code)
    page.get_by_role("button", name="Aktiver").click()
    # the answer is another page: wait for it before asking the database (a busy CI machine)
    expect(page).not_to_have_url(re.compile(r"/totp/activate/"))
    axe(page)
    assert Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
