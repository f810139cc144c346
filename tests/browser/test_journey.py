"""A visitor joins, verifies the e-mail, completes the profile, finds a peer and logs out.

axe-core runs on every page the browser visits: 0 violations.
"""

import re

import pytest
from django.core import mail
from playwright.sync_api import Page, expect

from ligesind.accounts.models import Visibility
from tests.factories import PASSWORD, UserFactory, municipality

pytestmark = pytest.mark.browser


def test_join_verify_profile_find_peer_logout(page: Page, axe):
    peer = UserFactory.create(
        member__alias="Havfugl",
        member__municipality=municipality("Odense"),
        member__municipality_visibility=Visibility.MEMBERS,
        member__story="Jeg kender til ensomhed.",
        member__story_visibility=Visibility.MEMBERS,
    )
    page.goto("/")
    expect(page.locator("html")).to_have_attribute("lang", "da")
    axe(page)
    page.get_by_role("link", name="Bliv medlem").first.click()
    axe(page)

    page.get_by_label("E-mail").fill("ny@example.org")
    page.get_by_label("Adgangskode", exact=True).fill("et-langt-kodeord-2026")
    page.get_by_label("Adgangskode (igen)").fill("et-langt-kodeord-2026")
    page.get_by_label("Jeg er 18 år eller ældre.").check()
    page.get_by_label("Jeg giver mit samtykke som beskrevet ovenfor.").check()
    page.get_by_role("button", name="Opret konto").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("e-mailadresse")
    axe(page)

    link = re.search(r"https?://[^/\s]+(/\S*confirm-email/\S+)", str(mail.outbox[-1].body))
    assert link, mail.outbox[-1].body
    page.goto(link.group(1))
    axe(page)
    page.get_by_role("button", name="Bekræft").click()

    # Logged in; a member without an alias is asked to complete the profile first.
    expect(page.get_by_role("heading", level=1)).to_have_text("Min profil")
    axe(page)
    page.get_by_label("Alias").fill("Morgenlys")
    page.get_by_label("Kommune", exact=True).select_option(label="Odense")
    page.get_by_label("Ensomhed").select_option(label="Pårørende")
    page.get_by_role("button", name="Gem profil").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Morgenlys")
    axe(page)

    page.get_by_role("link", name="Find ligesindede").first.click()
    axe(page)
    page.get_by_label("Kommune").select_option(label="Odense")
    page.get_by_role("button", name="Søg").click()
    page.get_by_role("link", name="Havfugl").click()
    expect(page.get_by_text("Jeg kender til ensomhed.")).to_be_visible()
    expect(page.get_by_text(peer.email)).to_have_count(0)
    axe(page)

    page.get_by_role("button", name="Log ud").click()
    axe(page)
    expect(page.get_by_role("link", name="Log ind").first).to_be_visible()


def test_public_and_member_pages_are_accessible(page: Page, axe):
    for path in [
        "/help-now/",
        "/en/",
        "/en/help-now/",
        "/accounts/login/",
        "/accounts/password/reset/",
    ]:
        page.goto(path)
        axe(page)
    user = UserFactory.create(email="medlem@example.org", member__alias="Skovsti")
    page.goto("/accounts/login/")
    page.get_by_label("E-mail").fill(user.email)
    page.get_by_label("Adgangskode").fill(PASSWORD)
    page.get_by_role("button", name="Log ind").click()
    for path in [
        "/me/",
        "/me/profile/",
        "/me/blocked/",
        f"/members/{user.profile.public_id}/",
        "/accounts/email/",
        "/accounts/2fa/",
    ]:
        page.goto(path)
        axe(page)
