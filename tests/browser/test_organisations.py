"""The organisations' public pages at phone and desktop width, with axe, and joining one."""

import pytest
from playwright.sync_api import Page, expect

from ligesind.demo.organisations import load_demo_organisations
from tests.browser.helpers import log_in
from tests.factories import UserFactory

pytestmark = pytest.mark.browser

PAGES = [
    ("/organisations/", "Organisationerne bag Ligesind"),
    ("/organisations/peer-partnerskabet/", "Peer-Partnerskabet"),
    ("/municipalities/helsingoer/", "Peerstøtte i Helsingør"),
]


def no_sideways_scrolling(page: Page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert width <= 0, f"{page.url} scrolls sideways by {width} px"


@pytest.mark.parametrize("size", [(390, 844), (1280, 800)], ids=["phone", "desktop"])
def test_public_pages_for_a_visitor(page: Page, axe, size):
    load_demo_organisations()
    page.set_viewport_size({"width": size[0], "height": size[1]})
    for url, heading in PAGES:
        page.goto(url)
        expect(page.get_by_role("heading", level=1)).to_have_text(heading)
        no_sideways_scrolling(page)
        axe(page)
    page.goto("/municipalities/helsingoer/")
    expect(page.get_by_text("Mads Krogh", exact=True)).to_be_visible()


def test_a_member_joins_an_organisation(new_page, axe):
    load_demo_organisations()
    alice = UserFactory.create(email="alice@example.org", member__alias="Alice")
    a = new_page()
    log_in(a, alice.email)
    a.goto("/")
    a.get_by_role("link", name="Mød organisationerne bag Ligesind", exact=False).click()
    a.get_by_role("link", name="Peer-Netværket").click()
    a.get_by_role("button", name="Bliv medlem af Peer-Netværket").click()
    expect(a.get_by_text("Velkommen til Peer-Netværket.")).to_be_visible()
    expect(a.get_by_role("button", name="Forlad Peer-Netværket")).to_be_visible()
    axe(a)


def test_an_admin_shows_a_site_notice_to_everyone(new_page, page: Page, axe):
    from tests.factories import make_admin

    admin = make_admin()
    a = new_page()
    log_in(a, admin.email, admin)
    a.goto("/site-notice/")
    axe(a)
    a.get_by_label("Besked på dansk").fill("Caféen holder lukket i uge 42.")
    a.get_by_label("Vis beskeden").check()
    a.get_by_role("button", name="Gem").click()
    expect(a.get_by_text("Beskeden bliver vist nu.")).to_be_visible()
    page.goto("/")
    notice = page.get_by_role("complementary", name="Besked")
    expect(notice).to_have_text("Caféen holder lukket i uge 42.")
    axe(page)


def test_a_visitor_writes_and_the_local_coordinator_reads_it(new_page, page: Page, axe):
    from ligesind.accounts.models import Role
    from ligesind.organisations.models import LocalContact
    from tests.factories import make_admin, make_staff

    load_demo_organisations()
    coordinator = make_staff(Role.COORDINATOR, "Helsingør", admin=make_admin(), alias="Mads")
    LocalContact.objects.filter(municipality__name="Helsingør").update(user=coordinator)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/municipalities/helsingoer/")
    page.get_by_role("link", name="Skriv til Mads Krogh her").click()
    page.get_by_label("Jeg vil gerne være frivillig").check()
    page.get_by_label("Din besked").fill("Jeg har selv været syg og vil gerne hjælpe andre.")
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_role("alert")).to_be_visible()  # no way to answer given: a clear error
    expect(page.get_by_label("Din besked")).to_have_value(
        "Jeg har selv været syg og vil gerne hjælpe andre."
    )
    axe(page)
    page.get_by_label("E-mail eller telefon, så vi kan svare").fill("12 34 56 78")
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Din besked er sendt")
    no_sideways_scrolling(page)
    axe(page)
    c = new_page()
    log_in(c, coordinator.email, coordinator)
    c.goto("/organisations/peer-partnerskabet/")
    c.get_by_role("link", name="Det, folk har skrevet til os").click()
    expect(c.get_by_text("Jeg har selv været syg", exact=False)).to_be_visible()
    axe(c)
    c.get_by_role("button", name="Marker som besvaret").click()
    expect(c.get_by_text("Markeret som besvaret.")).to_be_visible()


@pytest.mark.parametrize("size", [(390, 844), (1280, 800)], ids=["phone", "desktop"])
def test_a_forum_kept_to_an_organisations_members(page: Page, axe, size):
    """Peer-Netværket keeps "At arbejde som peer" to its members: a member finds the way in."""
    from ligesind.community.services import start_thread
    from ligesind.organisations.models import Organisation
    from ligesind.organisations.services import join_organisation

    load_demo_organisations()
    network = Organisation.objects.get(slug="peer-netvaerket")
    insider = UserFactory.create(member__alias="Indenfor")
    join_organisation(actor=insider, organisation=network)
    from ligesind.community.models import Category

    start_thread(
        actor=insider,
        category=Category.objects.get(slug="working-peers"),
        title="Supervision som peermedarbejder",
        body="Hvordan får I supervision?",
    )
    alice = UserFactory.create(email="alice@example.org", member__alias="Alice")
    page.set_viewport_size({"width": size[0], "height": size[1]})
    log_in(page, alice.email)
    page.goto("/community/")
    page.get_by_role("link", name="At arbejde som peer").click()
    expect(page.get_by_text("Forummet er for medlemmer af Peer-Netværket.")).to_be_visible()
    expect(page.get_by_text("Supervision som peermedarbejder")).to_have_count(0)
    no_sideways_scrolling(page)
    axe(page)
    page.get_by_role("link", name="Læs om Peer-Netværket").click()
    page.get_by_role("button", name="Bliv medlem af Peer-Netværket").click()
    page.goto("/community/")
    page.get_by_role("link", name="At arbejde som peer").click()
    expect(page.get_by_role("link", name="Supervision som peermedarbejder")).to_be_visible()


def test_a_coordinator_keeps_the_places_and_plans_there(new_page, axe):
    from ligesind.accounts.models import Role
    from ligesind.organisations.models import Organisation
    from ligesind.organisations.services import join_organisation
    from tests.factories import make_staff

    load_demo_organisations()
    odense = Organisation.objects.get(slug="peer-to-peer-odense")
    coordinator = make_staff(Role.COORDINATOR, "Odense", alias="Koord", organisations=[odense])
    join_organisation(actor=coordinator, organisation=odense)
    c = new_page()
    c.set_viewport_size({"width": 390, "height": 844})
    log_in(c, coordinator.email, coordinator)
    c.goto("/organisations/peer-to-peer-odense/")
    c.get_by_role("link", name="Vores steder").click()
    expect(
        c.get_by_role("link", name="Ret Borgernes Hus, Odense Bibliotekerne, Lokale 2")
    ).to_be_visible()
    axe(c)
    no_sideways_scrolling(c)
    c.get_by_label("Navn", exact=True).fill("Salen")
    c.get_by_role("button", name="Tilføj stedet").click()
    expect(c.get_by_text("Skriv adressen.").first).to_be_visible()
    expect(c.get_by_label("Navn", exact=True)).to_have_value("Salen")
    c.get_by_label("Adresse").fill("Kongensgade 1, 5000 Odense C")
    c.get_by_label("Teleslynge").check()
    c.get_by_role("button", name="Tilføj stedet").click()
    expect(c.get_by_text("Stedet er tilføjet.")).to_be_visible()
    axe(c)
    c.get_by_role("link", name="Ret Salen").click()
    expect(c.get_by_label("Teleslynge")).to_be_checked()
    axe(c)
    no_sideways_scrolling(c)
