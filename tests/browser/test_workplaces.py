"""A workplace asks for a talk and the organisation's staff follow it up, in the browser at
phone width, with axe on every page."""

import pytest
from playwright.sync_api import expect

from ligesind.accounts.models import Role
from ligesind.demo.organisations import load_demo_organisations
from ligesind.organisations.models import Organisation
from tests.browser.helpers import log_in
from tests.browser.test_organisations import no_sideways_scrolling
from tests.factories import make_staff

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


def test_a_workplace_asks_and_the_staff_follow_up(new_page, axe):
    load_demo_organisations()
    network = Organisation.objects.get(slug="peer-netvaerket")
    staff = make_staff(Role.COORDINATOR, "Odense", alias="Netværk", organisations=[network])

    w = new_page()
    w.set_viewport_size(PHONE)
    w.goto("/organisations/peer-netvaerket/")
    w.get_by_role("link", name="For arbejdspladser: rådgivning om at ansætte peers").click()
    expect(w.get_by_role("heading", name="For arbejdspladser", level=1)).to_be_visible()
    axe(w)
    no_sideways_scrolling(w)
    w.get_by_label("Et oplæg om peer-arbejde").check()
    w.get_by_label("Arbejdsplads", exact=True).fill("Jobcenter Odense")
    w.get_by_label("Kontaktperson").fill("Hanne Madsen")
    w.get_by_label("E-mail eller telefon").fill("ikke en adresse")
    w.get_by_role("button", name="Send henvendelsen").click()
    expect(w.get_by_text("telefonnummer").first).to_be_visible()
    expect(w.get_by_label("Arbejdsplads", exact=True)).to_have_value("Jobcenter Odense")
    axe(w)
    w.get_by_label("E-mail eller telefon").fill("hanne@example.org")
    w.get_by_role("button", name="Send henvendelsen").click()
    expect(w.get_by_role("heading", name="Tak for jeres henvendelse")).to_be_visible()
    axe(w)

    s = new_page()
    s.set_viewport_size(PHONE)
    log_in(s, staff.email, staff)
    s.goto("/workplaces/requests/")
    axe(s)
    s.get_by_role("link", name="Jobcenter Odense").click()
    expect(s.get_by_text("hanne@example.org")).to_be_visible()
    axe(s)
    no_sideways_scrolling(s)
    s.get_by_label("Hvor henvendelsen står").select_option(label="Kontaktet")
    s.get_by_role("button", name="Gem", exact=True).click()
    expect(s.get_by_text("Gemt.")).to_be_visible()
    s.get_by_label("Note (kun organisationens medarbejdere)").fill("Ringet til Hanne.")
    s.get_by_role("button", name="Gem noten").click()
    expect(s.get_by_text("Ringet til Hanne.")).to_be_visible()
