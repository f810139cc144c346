"""Screenshots of the pages people meet first, at phone and desktop width, written to
build/screenshots/ (README, "Looking at it") so anyone can see how the site looks without
starting it. The pages are also checked for sideways scrolling."""

from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from playwright.sync_api import expect

from ligesind.community import services as community
from ligesind.community.models import Category
from ligesind.messaging import services as messaging
from tests.browser.helpers import log_in
from tests.browser.test_organisations import no_sideways_scrolling
from tests.matching.conftest import person

pytestmark = pytest.mark.browser

FOLDER = Path(settings.BASE_DIR) / "build" / "screenshots"


@pytest.mark.parametrize("width", [390, 1280], ids=["phone", "desktop"])
def test_screenshots_of_the_first_pages(new_page, width):
    FOLDER.mkdir(parents=True, exist_ok=True)
    seeker = person("Solhjerte", seeking=True)
    peer = person("Havfugl", offers_support=True)
    category = Category.objects.get(slug="addiction")
    thread = community.start_thread(
        actor=peer,
        title="Et år uden alkohol",
        body="I dag er det et år siden. **Tak** for alle jeres ord undervejs.",
        category=category,
    )
    chat = messaging.open_conversation(people=[seeker, peer], kind="direct")
    messaging.send_message(actor=peer, conversation=chat, body="Hej! Hvordan går det i dag?")
    visitor = new_page()
    visitor.set_viewport_size({"width": width, "height": 900})
    for name, path in [("front", "/"), ("styleguide", reverse("styleguide"))]:
        visitor.goto(path)
        visitor.screenshot(path=str(FOLDER / f"{name}-{width}.png"), full_page=True)
        no_sideways_scrolling(visitor)
    page = new_page()
    page.set_viewport_size({"width": width, "height": 900})
    log_in(page, seeker.email)
    for name, path in [
        ("thread", reverse("community:thread", args=[thread.pk])),
        ("chat", reverse("messaging:conversation", args=[chat.pk])),
        ("suggestions", reverse("matching:suggestions")),
    ]:
        page.goto(path)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        page.screenshot(path=str(FOLDER / f"{name}-{width}.png"), full_page=True)
        no_sideways_scrolling(page)
