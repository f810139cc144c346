"""The coordinator's overview and the funders' report in the browser, at phone and desktop
width, with axe on every page."""

import pytest
from playwright.sync_api import expect

from ligesind.accounts.models import Role
from ligesind.demo.organisations import load_demo_organisations
from ligesind.organisations.models import Organisation
from tests.browser.helpers import log_in
from tests.browser.test_organisations import no_sideways_scrolling
from tests.factories import make_staff

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", [390, 1280])
def test_overview_and_report(new_page, axe, width):
    load_demo_organisations()
    odense = Organisation.objects.get(slug="peer-to-peer-odense")
    coordinator = make_staff(Role.COORDINATOR, "Odense", alias="Koord", organisations=[odense])

    c = new_page()
    c.set_viewport_size({"width": width, "height": 900})
    log_in(c, coordinator.email, coordinator)
    c.goto("/volunteer/")
    c.get_by_role("main").get_by_role("link", name="Dit overblik").click()
    expect(c.get_by_role("heading", name="Dit overblik", level=1)).to_be_visible()
    expect(c.get_by_role("img", name="Frivillige timer")).to_be_visible()
    c.get_by_text("Tallene: Frivillige timer").click()
    expect(c.get_by_role("table", name="Frivillige timer")).to_be_visible()
    axe(c)
    no_sideways_scrolling(c)

    c.get_by_role("link", name="Rapport til bevillingsgivere").click()
    c.get_by_label("Organisation").select_option(label="Peer to Peer Odense")
    c.get_by_role("button", name="Lav rapporten").click()
    expect(c.get_by_role("table", name="Medlemmer")).to_be_visible()
    axe(c)
    no_sideways_scrolling(c)
    with c.expect_download() as download:
        c.get_by_role("link", name="Hent som CSV").click()
    assert download.value.suggested_filename.endswith(".csv")
