"""The header, phone first: on a phone the pages fold into a menu button while the crisis link
stays in sight; on a desktop everything is shown. No page of a member's everyday round
scrolls sideways at 320, 390 or 1280 px."""

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import log_in
from tests.browser.test_organisations import no_sideways_scrolling
from tests.factories import UserFactory

pytestmark = pytest.mark.browser

PAGES = ["/", "/activities/", "/community/", "/me/", "/messages/", "/match/", "/volunteer/"]


def test_on_a_phone_the_pages_fold_into_a_menu(new_page, axe):
    member = UserFactory.create(email="telefon@example.org", member__alias="Telefon")
    p = new_page()
    p.set_viewport_size({"width": 390, "height": 844})
    log_in(p, member.email)
    expect(p.get_by_text("Du er logget ind som telefon@example.org.")).to_be_visible()
    menu = p.get_by_role("button", name="Menu")
    expect(menu).to_be_visible()
    expect(menu).to_have_attribute("aria-expanded", "false")
    expect(p.get_by_role("link", name="Brug for hjælp nu?")).to_be_visible()
    expect(p.get_by_role("link", name="Min side")).to_be_hidden()
    header_height = p.locator("header").bounding_box()["height"]
    assert header_height < 120, header_height  # one calm row, not a third of the screen
    menu.click()
    expect(menu).to_have_attribute("aria-expanded", "true")
    expect(p.get_by_role("link", name="Min side")).to_be_visible()
    axe(p)
    p.keyboard.press("Escape")
    expect(p.get_by_role("link", name="Min side")).to_be_hidden()
    expect(menu).to_be_focused()

    p.set_viewport_size({"width": 1280, "height": 800})
    expect(p.get_by_role("button", name="Menu")).to_be_hidden()
    expect(p.get_by_role("link", name="Min side")).to_be_visible()
    expect(p.get_by_role("link", name="Brug for hjælp nu?")).to_be_visible()


@pytest.mark.parametrize("width", [320, 390, 1280])
def test_no_page_of_the_everyday_round_scrolls_sideways(new_page, width):
    member = UserFactory.create(email=f"bred{width}@example.org", member__alias=f"Bred{width}")
    p = new_page()
    p.set_viewport_size({"width": width, "height": 800})
    log_in(p, member.email)
    for path in PAGES:
        p.goto(path)
        no_sideways_scrolling(p)


def test_a_long_text_is_not_cut_but_explained(new_page):
    member = UserFactory.create(email="lang@example.org", member__alias="Langt")
    p = new_page()
    log_in(p, member.email)
    p.goto("/me/profile/")
    story = "Det har været en lang vej. " * 400  # about 10,800 characters: over the limit
    p.get_by_role("textbox", name="Min historie").fill(story)
    p.get_by_role("button", name="Gem profil").click()
    expect(p.get_by_text("Skriv højst 10000 tegn", exact=False).first).to_be_visible()
    assert (
        len(p.get_by_role("textbox", name="Min historie").input_value()) > 10_000
    )  # all of it is still there
