"""Taking part in research in the browser at phone width, with axe on every page: the public
recruitment page, the eligibility questions, consent with each statement ticked and the name
typed, the baseline WHO-5, randomisation; then the study team's dashboard."""

import pytest
from playwright.sync_api import expect

from ligesind.accounts.models import Role
from ligesind.research.models import Participant, TeamMember
from tests.browser.helpers import log_in
from tests.browser.test_organisations import no_sideways_scrolling
from tests.factories import UserFactory, make_organisation, make_staff
from tests.research.conftest import make_study

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


def test_take_part_from_the_public_page_to_randomised(new_page, axe):
    partnership = make_organisation("Peer-Partnerskabet", "partnerskabet", "Fredericia")
    study = make_study(partnership)
    researcher = make_staff(Role.RESEARCHER, alias="Forsker", organisations=[partnership])
    TeamMember.objects.create(study=study, user=researcher, peer_researcher=True)
    alice = UserFactory.create(email="alice@example.org", member__alias="Alice")

    a = new_page()
    a.set_viewport_size(PHONE)
    a.goto("/")
    a.get_by_role("link", name="Deltag i vores forskning").click()
    axe(a)
    no_sideways_scrolling(a)
    log_in(a, alice.email)
    a.goto("/research/")
    a.get_by_role("link", name=study.title).click()
    axe(a)
    no_sideways_scrolling(a)
    a.get_by_role("link", name="Jeg vil gerne deltage").click()
    axe(a)
    no_sideways_scrolling(a)
    a.get_by_role("group", name="Er du fyldt 18 år?").get_by_label("Ja").check()
    a.get_by_role("group", name="Går du allerede i et gruppeforløb?").get_by_label("Nej").check()
    a.get_by_role("button", name="Næste").click()
    expect(a.get_by_role("heading", level=1)).to_have_text("Samtykke til at deltage")
    axe(a)
    no_sideways_scrolling(a)
    a.get_by_label("Jeg har læst informationen.").check()
    a.get_by_role("button", name="Jeg giver mit samtykke").click()
    expect(a.get_by_text("Sæt kryds ved alle udsagn for at deltage.").first).to_be_visible()
    a.get_by_label("Jeg vil gerne deltage.").check()
    a.get_by_label("Dit navn, som din underskrift").fill("Alice Jensen")
    a.get_by_role("button", name="Jeg giver mit samtykke").click()
    expect(a.get_by_text("Tak. Dit samtykke er gemt.")).to_be_visible()
    axe(a)
    a.get_by_role("link", name="Besvar spørgeskemaet: Start").click()
    expect(a.get_by_role("heading", level=1)).to_have_text("WHO-5 Trivselsindeks")
    axe(a)
    no_sideways_scrolling(a)
    for item in (
        "Jeg har været glad og i godt humør",
        "Jeg har følt mig rolig og afslappet",
        "Jeg har følt mig aktiv og energisk",
        "Jeg er vågnet frisk og udhvilet",
        "Min dagligdag har været fyldt med ting, der interesserer mig",
    ):
        a.get_by_role("group", name=item).get_by_label("Det meste af tiden").check()
    a.get_by_role("button", name="Send mine svar").click()
    expect(a.get_by_text("Tak for dine svar.")).to_be_visible()
    expect(a.get_by_text("Du blev trukket til")).to_be_visible()
    axe(a)
    no_sideways_scrolling(a)
    assert Participant.objects.get(user=alice).responses.get().score == 80

    r = new_page()
    r.set_viewport_size(PHONE)
    log_in(r, researcher.email, researcher)
    r.goto(f"/research/{study.slug}/team/")
    expect(r.get_by_role("heading", level=1)).to_contain_text("Teamets side")
    axe(r)
    no_sideways_scrolling(r)
    r.goto(f"/research/{study.slug}/team/consent/")
    axe(r)
    no_sideways_scrolling(r)
