"""Fees in the browser at phone width, with axe on every page: a member who meets a feature
outside their level chooses a level and pays by transfer; the treasurer registers the payment
and the feature opens; every treasurer page passes axe and does not scroll sideways."""

from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from ligesind.accounts.models import Role
from ligesind.membership.models import FeeLevel, FeeTerms, Subscription
from tests.browser.helpers import log_in
from tests.browser.test_organisations import no_sideways_scrolling
from tests.factories import UserFactory, make_organisation, make_staff

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


def test_choose_a_level_and_pay_by_transfer_until_it_opens(new_page, axe):
    association = make_organisation("Foreningen Peer to Peer", "peer2peer", kind="association")
    FeeTerms.objects.create(
        organisation=association, bank_account="5301 0001234567", mobilepay="98765"
    )
    FeeLevel.objects.create(
        organisation=association,
        name="Chat og post",
        description="Chat og beskeder med andre ligestillede.",
        price=Decimal(100),
        period="year",
        features=["messaging"],
    )
    FeeLevel.objects.create(
        organisation=association,
        name="Peer-netværk (gratis)",
        description="For peers i arbejde.",
        period="free",
        on_declaration=True,
        features=["messaging", "community"],
    )
    treasurer = make_staff(Role.TREASURER, alias="Kasserer", organisations=[association])
    alice = UserFactory.create(email="alice@example.org", member__alias="Alice")

    a = new_page()
    a.set_viewport_size(PHONE)
    log_in(a, alice.email)
    a.goto("/messages/")
    expect(a.get_by_role("heading", level=1)).to_have_text(
        "Chat og beskeder med andre ligestillede"
    )
    axe(a)
    no_sideways_scrolling(a)
    a.get_by_role("link", name="Foreningen Peer to Peer: Chat og post").click()
    expect(a.get_by_role("heading", level=1)).to_have_text("Medlemskab af Foreningen Peer to Peer")
    axe(a)
    no_sideways_scrolling(a)
    a.get_by_role("button", name="Vælg dette niveau").click()
    expect(a.get_by_text("Du har valgt Chat og post.")).to_be_visible()
    expect(a.get_by_text("Bankoverførsel til 5301 0001234567")).to_be_visible()
    reference = Subscription.objects.get(user=alice).reference
    expect(a.get_by_text(reference)).to_be_visible()
    axe(a)
    no_sideways_scrolling(a)
    a.get_by_role("link", name="Søg om gratis medlemskab").click()
    axe(a)
    no_sideways_scrolling(a)

    t = new_page()
    t.set_viewport_size(PHONE)
    log_in(t, treasurer.email, treasurer)
    t.goto("/membership/peer2peer/accounts/")
    expect(t.get_by_role("heading", level=1)).to_have_text("Kontingent hos Foreningen Peer to Peer")
    axe(t)
    no_sideways_scrolling(t)
    t.get_by_role("link", name="Betalinger").first.click()
    t.get_by_label("Betalingsreference").fill(reference)
    t.get_by_label("Beløb i kroner").fill("100,00")
    t.get_by_label("Betalt den").fill(timezone.localdate().isoformat())
    t.get_by_role("button", name="Registrér").click()
    expect(t.get_by_text("Betalingen er registreret: kvittering nr. 1")).to_be_visible()
    axe(t)
    no_sideways_scrolling(t)
    for url in (
        "/membership/peer2peer/accounts/statement/",
        "/membership/peer2peer/accounts/lines/",
        "/membership/peer2peer/accounts/declarations/",
        "/membership/peer2peer/accounts/waivers/",
        "/membership/peer2peer/accounts/terms/",
        "/membership/peer2peer/accounts/levels/new/",
        "/membership/peer2peer/accounts/",
    ):
        t.goto(url)
        axe(t)
        no_sideways_scrolling(t)

    a.goto("/messages/")
    expect(a.get_by_role("heading", level=1)).to_have_text("Beskeder")
    a.goto("/membership/")
    expect(a.get_by_text("Betalt")).to_be_visible()
    axe(a)
    no_sideways_scrolling(a)
