"""Consent, withdrawal, staff two-factor and the roles page, in the browser with axe."""

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from allauth.mfa.totp.internal.auth import yield_hotp_counters_from_time as counters
from playwright.sync_api import Page, expect

from ligesind.accounts.adapters import MFAAdapter
from ligesind.accounts.models import ConsentRecord, RoleAssignment, User
from tests.factories import PASSWORD, UserFactory, make_admin, with_two_factor

pytestmark = pytest.mark.browser


def log_in(page: Page, email: str) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Adgangskode").fill(PASSWORD)
    page.get_by_role("button", name="Log ind").click()


def current_code(user: User) -> str:
    totp = Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP)
    secret = MFAAdapter().decrypt(totp.data["secret"])
    return format_hotp_value(hotp_value(secret, next(iter(counters()))))


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
    page.get_by_label("Kode").fill(current_code(admin))
    page.get_by_role("button", name="Log ind").first.click()
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
