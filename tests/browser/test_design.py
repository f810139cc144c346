"""The design system as people meet it: the living style guide at three widths, tables that
reflow on a phone, the error summary that takes the focus, dialogs, avatars, icons and the logo,
and the coordinator's way to their overview from the header."""

import pytest
from playwright.sync_api import Page, expect

from ligesind.accounts.models import Role
from tests.browser.helpers import log_in
from tests.browser.test_organisations import no_sideways_scrolling
from tests.factories import make_staff

pytestmark = pytest.mark.browser

WIDTHS = [(320, 700), (390, 844), (1280, 800)]


@pytest.mark.parametrize("size", WIDTHS, ids=["320", "390", "1280"])
def test_the_style_guide_shows_every_component(page: Page, axe, size):
    page.set_viewport_size({"width": size[0], "height": size[1]})
    page.goto("/styleguide/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Stilguide")
    headings = ["Farver", "Ikoner", "Knapper", "Formularer", "Personer og kort"]
    headings += ["Beskeder på siden", "Tabeller", "Dialogboks", "Hjælpeboksen ved krise"]
    for heading in headings:
        expect(page.get_by_role("heading", name=heading, exact=True)).to_be_visible()
    expect(page.get_by_role("img", name="Ligesinds logo", exact=False)).to_be_visible()
    expect(page.get_by_role("img", name="To mennesker går arm i arm ad en sti.")).to_be_visible()
    # the error summary: each line leads to its field, and the field kept what was typed
    summary = page.locator(".error-summary")
    expect(summary.get_by_role("heading")).to_have_text("Se på dette, før du går videre:")
    summary.get_by_role("link", name="E-mail", exact=False).click()
    expect(page.get_by_label("E-mail")).to_be_focused()
    expect(page.get_by_label("E-mail")).to_have_value("ikke-en-adresse")
    summary.get_by_role("link", name="Hvordan vil du helst mødes?", exact=False).click()
    expect(page.get_by_label("Online")).to_be_focused()
    # every number in the crisis panel can be tapped to call
    numbers = page.locator(".crisis-panel a[href^='tel:']")
    expect(numbers.first).to_be_visible()
    assert numbers.count() >= 3
    no_sideways_scrolling(page)
    axe(page)


def test_tables_reflow_into_cards_on_a_phone(page: Page):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/styleguide/")
    cell = page.locator("table.reflow tbody tr").first.locator("td").nth(2)
    expect(cell).to_have_attribute("data-label", "Timer")
    assert cell.evaluate("c => getComputedStyle(c).display") == "block"
    page.set_viewport_size({"width": 1280, "height": 800})
    assert cell.evaluate("c => getComputedStyle(c).display") == "table-cell"


def test_the_dialog_opens_and_closes_with_the_keyboard(page: Page, axe):
    page.goto("/styleguide/")
    page.get_by_role("button", name="Åbn dialogboksen").click()
    dialog = page.get_by_role("dialog", name="Vil du slette beskeden?")
    expect(dialog).to_be_visible()
    expect(dialog.get_by_role("button", name="Nej, behold den")).to_be_focused()
    axe(page)
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()


def test_a_form_with_mistakes_puts_the_summary_in_focus(page: Page, axe):
    page.goto("/accounts/signup/")
    page.get_by_label("E-mail").fill("ikke-en-adresse")
    page.get_by_role("button", name="Opret konto").click()
    summary = page.locator(".error-summary")
    expect(summary).to_be_focused()
    expect(summary.get_by_role("link")).not_to_have_count(0)
    expect(page.get_by_label("E-mail")).to_have_value("ikke-en-adresse")
    axe(page)


def test_the_header_has_the_logo_and_a_coordinator_finds_the_overview(page: Page):
    coordinator = make_staff(Role.COORDINATOR, "Odense")
    page.goto("/")
    expect(page.locator(".brand img")).to_have_attribute("alt", "")
    expect(page.locator(".brand")).to_have_text("Ligesind")
    log_in(page, coordinator.email, coordinator)
    page.set_viewport_size({"width": 1280, "height": 800})
    page.get_by_role("navigation", name="Hovedmenu").get_by_role(
        "link", name="Dit overblik"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Dit overblik")
