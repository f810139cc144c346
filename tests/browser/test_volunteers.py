"""Becoming a volunteer, in the browser at phone width, with axe on every page: a member
applies, the local coordinator books the conversation and approves, and the new volunteer is
asked, kindly, to turn on two-factor login; once it is on, the coordinator proposes their first
match as a peer guide and both say yes."""

import re

import pytest
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from allauth.mfa.totp.internal.auth import yield_hotp_counters_from_time as counters
from playwright.sync_api import expect

from ligesind.accounts.models import Role, RoleAssignment
from ligesind.demo.organisations import load_demo_organisations
from ligesind.matching.models import Hope, Match, MatchStatus
from ligesind.organisations.models import Organisation
from tests.browser.helpers import log_in
from tests.browser.test_organisations import no_sideways_scrolling
from tests.factories import PASSWORD, UserFactory, make_staff
from tests.matching.conftest import category, person, prefs

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


def test_apply_screen_and_approve(new_page, axe):
    load_demo_organisations()
    odense = Organisation.objects.get(slug="peer-to-peer-odense")
    coordinator = make_staff(
        Role.COORDINATOR, "Odense", alias="Koordinator", organisations=[odense]
    )
    alice = UserFactory.create(email="alice@example.org", member__alias="Alice")

    a = new_page()
    a.set_viewport_size(PHONE)
    log_in(a, alice.email)
    a.goto("/volunteer/")
    axe(a)
    no_sideways_scrolling(a)
    a.get_by_role("link", name="Søg om at blive frivillig").click()
    a.get_by_label("Organisation").select_option(label="Peer to Peer Odense")
    a.get_by_label("Kommune").select_option(label="Odense")
    a.get_by_label("Din egen erfaring").fill("Jeg har haft angst i mange år og fik det bedre.")
    a.get_by_label("Hvorfor vil du gerne være frivillig?").fill("Jeg vil give håb videre.")
    a.get_by_label("Lave aktiviteter ud fra mine interesser").check()
    axe(a)
    a.get_by_role("button", name="Send ansøgning").click()
    expect(a.get_by_text("Tak! Den lokale koordinator kontakter dig")).to_be_visible()
    axe(a)

    c = new_page()
    c.set_viewport_size(PHONE)
    log_in(c, coordinator.email, coordinator)
    c.goto("/volunteer/applications/")
    axe(c)
    c.get_by_role("link", name="Alice").click()
    expect(c.get_by_text("Jeg har haft angst i mange år")).to_be_visible()
    no_sideways_scrolling(c)
    axe(c)
    c.get_by_label("Privat note").fill("Varm og rolig i telefonen.")
    c.get_by_role("button", name="Gem noten").click()
    expect(c.get_by_text("Varm og rolig i telefonen.")).to_be_visible()
    c.get_by_label("Godkend: personen bliver peerguide her").check()
    c.get_by_role("button", name="Send svaret").click()
    expect(c.get_by_text("Svaret er sendt, og ansøgeren har fået besked.")).to_be_visible()

    a.reload()
    expect(a.get_by_text("Godkendt")).to_be_visible()
    expect(a.get_by_text("Varm og rolig")).to_have_count(0)  # notes are never the applicant's
    axe(a)

    # The new volunteer turns on two-factor login and is a peer guide from then on.
    a.get_by_role("link", name="Slå to-faktor-login til").click()
    if "reauthenticate" in a.url:
        a.get_by_label("Adgangskode").fill(PASSWORD)
        a.get_by_role("button", name="Bekræft").click()
    secret = a.locator("#authenticator_secret").input_value()
    a.locator("input[name=code]").fill(format_hotp_value(hotp_value(secret, next(counters()))))
    a.get_by_role("button", name="Aktiver").click()
    expect(a).not_to_have_url(re.compile(r"/totp/activate/"))  # answered before we look
    assert RoleAssignment.objects.filter(user=alice, role=Role.PEER_GUIDE).exists()

    # Their first match as a guide: the coordinator proposes it, both say yes.
    alice.profile.experiences.create(category=category(), perspective="affected")
    prefs(alice, offers_support=True, capacity=1)
    seeker = person("Solhjerte", seeking=True, hope=Hope.GUIDE)
    c.goto("/match/coordinate/")
    row = c.get_by_role("row").filter(has_text="Solhjerte").first
    expect(row).to_contain_text("Alice")
    row.get_by_role("button", name="Send forslag").click()
    axe(c)
    for page, email in ((a, None), (new_page(), seeker.email)):
        if email:
            page.set_viewport_size(PHONE)
            log_in(page, email)
        page.goto("/match/")
        page.get_by_role("link", name="En koordinator foreslår et match").click()
        axe(page)
        page.get_by_role("button", name="Ja, lad os blive matchet").click()
    match = Match.objects.get(seeker=seeker, partner=alice)
    assert match.status == MatchStatus.ACTIVE


def test_log_hours_and_download_the_statement(new_page, axe):
    load_demo_organisations()
    odense = Organisation.objects.get(slug="peer-to-peer-odense")
    guide = make_staff(Role.PEER_GUIDE, "Odense", alias="Guide", organisations=[odense])

    g = new_page()
    g.set_viewport_size(PHONE)
    log_in(g, guide.email, guide)
    g.goto("/volunteer/")
    g.get_by_role("link", name="Dine timer som frivillig").click()
    axe(g)
    no_sideways_scrolling(g)
    g.get_by_label("Hvad").select_option(label="Oplæg")
    g.get_by_label("Timer", exact=True).fill("30")
    g.get_by_label("Note (kun du kan se den)").fill("Oplæg på sprogskolen")
    g.get_by_role("button", name="Skriv timerne ind").click()
    expect(g.get_by_text("Timer skal være mellem 0,5 og 24.").first).to_be_visible()
    expect(g.get_by_label("Note (kun du kan se den)")).to_have_value("Oplæg på sprogskolen")
    axe(g)
    g.get_by_label("Timer", exact=True).fill("1.5")
    g.get_by_role("button", name="Skriv timerne ind").click()
    expect(g.get_by_text("Timerne er skrevet ind. Tak for din tid.")).to_be_visible()
    expect(g.get_by_text("timer: 1,5")).to_be_visible()
    g.get_by_role("link", name="Ret Oplæg").click()
    axe(g)
    g.get_by_label("Timer", exact=True).fill("2")
    g.get_by_role("button", name="Gem").click()
    expect(g.get_by_text("timer: 2")).to_be_visible()

    g.get_by_role("link", name="Din oversigt som frivillig").click()
    axe(g)
    no_sideways_scrolling(g)
    expect(g.get_by_role("cell", name="Oplæg")).to_be_visible()
    g.get_by_label("Dit navn på erklæringen").fill("Jens Hansen")
    with g.expect_download() as download:
        g.get_by_role("button", name="Hent erklæringen (PDF)").click()
    assert download.value.suggested_filename.endswith(".pdf")
