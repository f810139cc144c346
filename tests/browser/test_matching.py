"""A member sets their wishes, sees a suggestion with reasons, asks; the peer accepts and the
match conversation opens. A coordinator sees the assignment page. axe on every page."""

import pytest
from playwright.sync_api import expect

from ligesind.accounts.models import Interest
from tests.browser.helpers import log_in
from tests.factories import make_admin, make_staff, municipality
from tests.matching.conftest import category, person

pytestmark = pytest.mark.browser


def test_wishes_suggestion_request_accept_and_chat(new_page, axe):
    walks = Interest.objects.order_by("pk")[0]
    peer = person("Havfugl", offers_support=True, topics=[walks])
    seeker = person("Solhjerte")
    from ligesind.accounts.models import Role

    coordinator = make_staff(Role.COORDINATOR, "Odense", admin=make_admin(), alias="Koordinator")
    s, p, c = new_page(), new_page(), new_page()
    log_in(s, seeker.email)
    s.goto("/match/")
    axe(s)
    s.get_by_role("link", name="Det håber jeg på").click()
    axe(s)
    s.get_by_label("Jeg søger et match").check()
    s.get_by_label(walks.name).check()
    s.get_by_role("button", name="Gem").click()
    expect(s.get_by_role("heading", level=1)).to_have_text("Forslag")
    expect(s.get_by_text("Begge kender misbrug fra eget liv", exact=False)).to_be_visible()
    axe(s)
    s.get_by_role("link", name="Spørg Havfugl").click()
    axe(s)
    s.get_by_label("Et par ord til dem (valgfrit)").fill("Hej, må jeg skrive med dig?")
    s.get_by_role("button", name="Send anmodning").click()
    expect(s.get_by_text("Din anmodning er sendt.", exact=False)).to_be_visible()
    axe(s)

    log_in(p, peer.email)
    p.goto("/match/")
    p.get_by_role("link", name="Solhjerte beder om at blive matchet med dig").click()
    expect(p.get_by_text("Hej, må jeg skrive med dig?")).to_be_visible()
    axe(p)
    p.get_by_role("button", name="Ja, lad os blive matchet").click()
    expect(p.get_by_text("Tak for dit svar.")).to_be_visible()
    p.get_by_role("link", name="Åbn jeres samtale").click()
    expect(p.get_by_role("heading", level=1)).to_contain_text("Solhjerte")
    p.get_by_label("Din besked").fill("Velkommen! Hvordan går det?")
    p.get_by_role("button", name="Send").click()
    expect(p.locator(".chat").get_by_text("Velkommen! Hvordan går det?")).to_be_visible()

    s.goto("/match/")
    s.get_by_role("link", name="Havfugl").click()
    s.get_by_role("link", name="Åbn jeres samtale").click()
    expect(s.get_by_text("Velkommen! Hvordan går det?")).to_be_visible()

    from datetime import timedelta

    from django.utils import timezone

    from ligesind.matching.models import CheckIn

    CheckIn.objects.filter(user=seeker, week=2).update(
        due_at=timezone.now() - timedelta(hours=1), notified_at=timezone.now()
    )
    s.goto("/match/")
    s.get_by_role("link", name="Opfølgning efter 2 uger").click()
    axe(s)
    s.get_by_label("4 – godt").check()
    s.get_by_role("button", name="Send").click()
    expect(s.get_by_text("Tak, fordi du fortalte os, hvordan det går.")).to_be_visible()

    log_in(c, coordinator.email, coordinator)
    c.goto("/match/coordinate/")
    expect(c.get_by_role("heading", name="Aktive match")).to_be_visible()
    expect(c.get_by_role("link", name="Solhjerte – Havfugl")).to_be_visible()
    axe(c)
    assert category().slug == "addiction" and municipality("Odense")
