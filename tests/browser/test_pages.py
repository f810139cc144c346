"""The public pages and news at phone and desktop width, with axe; the editor opens behind the
site's sign-in, with two-factor."""

import pytest
from playwright.sync_api import Page, expect

from ligesind.demo.organisations import load_demo_organisations
from ligesind.demo.pages import load_demo_pages
from tests.browser.helpers import log_in
from tests.browser.test_organisations import no_sideways_scrolling
from tests.factories import make_admin

pytestmark = pytest.mark.browser

PAGES = [
    ("/pages/", "Om peerstøtte"),
    ("/pages/peerstoette/", "Hvad er peerstøtte?"),
    ("/pages/kontingent/", "Hvorfor koster det et kontingent?"),
    ("/pages/nyheder/", "Nyheder"),
    ("/pages/nyheder/deltag-i-forskning/", "Gør en forskel – deltag i vores forskning"),
    ("/pages/nyheder/peer-partnerskabet/", "Peer-Partnerskabet"),  # an organisation's news
    ("/pages/privatliv/", "Privatliv: sådan passer vi på dine oplysninger"),
    ("/pages/vilkaar/", "Vilkår og fællesskabets regler"),
]


@pytest.mark.parametrize("size", [(390, 844), (1280, 800)], ids=["phone", "desktop"])
def test_public_pages_and_news(page: Page, axe, size):
    load_demo_organisations()
    load_demo_pages()
    page.set_viewport_size({"width": size[0], "height": size[1]})
    for url, heading in PAGES:
        page.goto(url)
        expect(page.get_by_role("heading", level=1)).to_have_text(heading)
        no_sideways_scrolling(page)
        axe(page)
    page.goto("/pages/nyheder/")
    expect(page.get_by_text("Nye aktiviteter i Odense")).to_be_visible()
    expect(page.get_by_text("Fyraftensmøde for peers")).to_have_count(0)  # scheduled
    expect(page.get_by_text("Et nyt forum om at være pårørende")).to_have_count(0)  # a draft


def test_the_editor_opens_after_the_sites_sign_in(new_page):
    load_demo_pages()
    admin = make_admin()
    editor = new_page()
    editor.goto("/cms/")
    expect(editor.get_by_role("heading", level=1)).to_have_text("Log ind")  # the site's own
    log_in(editor, admin.email, admin)
    editor.goto("/cms/pages/")
    expect(editor.get_by_text("Om peerstøtte").first).to_be_visible()
