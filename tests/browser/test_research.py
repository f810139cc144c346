"""Research in the browser at phone width, with axe on every page: the public recruitment
page, the eligibility questions, consent with each statement ticked and the name typed, the
baseline WHO-5, randomisation and the study team's dashboard; a professional's referral, the
invitation e-mail and the offered course seat; an admin making a study and its team setting
it up."""

import re

import pytest
from django.core import mail
from playwright.sync_api import Page, expect

from ligesind.accounts.models import Role
from ligesind.research.models import Block, Participant, Study, TeamMember
from tests.browser.helpers import log_in
from tests.browser.test_organisations import no_sideways_scrolling
from tests.factories import UserFactory, make_admin, make_organisation, make_staff
from tests.research.conftest import make_study
from tests.research.test_taking_part import course_for

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
WHO5_ITEMS = (
    "Jeg har været glad og i godt humør",
    "Jeg har følt mig rolig og afslappet",
    "Jeg har følt mig aktiv og energisk",
    "Jeg er vågnet frisk og udhvilet",
    "Min dagligdag har været fyldt med ting, der interesserer mig",
)


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
    for item in WHO5_ITEMS:
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


def checked(page: Page, axe) -> None:
    axe(page)
    no_sideways_scrolling(page)


def test_referral_invitation_consent_randomised_and_a_course_seat(new_page, axe):
    partnership = make_organisation("Peer-Partnerskabet", "partnerskabet", "Fredericia")
    study = make_study(partnership)
    run = course_for(study, make_admin(), days=10)
    intervention, waiting = study.arms.order_by("pk")
    # The concealed sequence is drawn by the platform; here the test lays it down so the
    # first participant is in the intervention group.
    Block.objects.create(study=study, stratum="", number=1, sequence=[intervention.pk, waiting.pk])
    karin = UserFactory.create(email="karin@example.org", member__alias="Karin")

    professional = new_page()
    professional.set_viewport_size(PHONE)
    professional.goto(f"/research/{study.slug}/")
    professional.get_by_role("link", name="For fagpersoner: henvis en person til studiet").click()
    checked(professional, axe)
    professional.get_by_label("Dit navn").fill("Mette Holm")
    professional.get_by_label("Din arbejdsplads").fill("Bostøtten i Fredericia")
    professional.get_by_label("Din e-mailadresse").fill("mette@fredericia.example")
    professional.get_by_label("Navnet på den, du henviser").fill("Karin Sørensen")
    professional.get_by_label("Personen har sagt ja til, at vi kontakter dem").check()
    professional.get_by_role("button", name="Send henvisningen").click()
    expect(
        professional.get_by_text("Skriv, hvordan vi kan få fat i dem.", exact=True)
    ).to_be_visible()
    expect(professional.get_by_label("Dit navn")).to_have_value("Mette Holm")
    professional.get_by_label("Deres e-mailadresse eller telefonnummer").fill(karin.email)
    professional.get_by_role("button", name="Send henvisningen").click()
    expect(professional.get_by_text("Tak. Personen er inviteret")).to_be_visible()

    invitation = mail.outbox[-1]
    assert invitation.to == [karin.email] and "Bostøtten i Fredericia" in invitation.body
    link = re.search(r"https?://[^/\s]+(/research/\S+)", str(invitation.body))
    assert link, invitation.body
    k = new_page()
    k.set_viewport_size(PHONE)
    log_in(k, karin.email)
    k.goto(link.group(1))
    expect(k.get_by_role("heading", level=1)).to_have_text(study.title)
    k.get_by_role("link", name="Jeg vil gerne deltage").click()
    k.get_by_role("group", name="Er du fyldt 18 år?").get_by_label("Ja").check()
    k.get_by_role("group", name="Går du allerede i et gruppeforløb?").get_by_label("Nej").check()
    k.get_by_role("button", name="Næste").click()
    k.get_by_label("Jeg har læst informationen.").check()
    k.get_by_label("Jeg vil gerne deltage.").check()
    k.get_by_label("Dit navn, som din underskrift").fill("Karin Sørensen")
    k.get_by_role("button", name="Jeg giver mit samtykke").click()
    k.get_by_role("link", name="Besvar spørgeskemaet: Start").click()
    for item in WHO5_ITEMS:
        k.get_by_role("group", name=item).get_by_label("Lidt af tiden").check()
    k.get_by_role("button", name="Send mine svar").click()
    expect(k.get_by_text("Du blev trukket til: Forløb nu.")).to_be_visible()
    expect(k.get_by_role("heading", name="En plads til dig på et forløb")).to_be_visible()
    checked(k, axe)
    k.get_by_role("link", name="Vejen til hverdagslivet, Fredericia").click()
    k.get_by_role("button", name="Tilmeld mig").click()
    expect(k.get_by_text("Du er optaget.").first).to_be_visible()
    assert run.enrolments.filter(user=karin, status="enrolled").exists()
    assert Participant.objects.get(user=karin).allocation.arm == intervention


def test_an_admin_makes_a_study_and_its_team_sets_it_up(new_page, axe):
    partnership = make_organisation("Peer-Partnerskabet", "partnerskabet", "Fredericia")
    admin = make_admin()
    researcher = make_staff(
        Role.RESEARCHER, admin=admin, alias="Forsker", organisations=[partnership]
    )
    a = new_page()
    a.set_viewport_size(PHONE)
    log_in(a, admin.email, admin)
    a.goto("/research/")
    a.get_by_role("link", name="Nyt studie").click()
    checked(a, axe)
    a.get_by_label("Organisation").select_option(label="Peer-Partnerskabet")
    a.get_by_label("Titel").fill("Søvn og fællesskab")
    a.get_by_role("button", name="Lav studiet").click()
    expect(
        a.get_by_text("Sig med én sætning, hvad studiet handler om.", exact=True)
    ).to_be_visible()
    expect(a.get_by_label("Titel")).to_have_value("Søvn og fællesskab")
    a.get_by_label("Med én sætning").fill("Hjælper en peer-gruppe på søvnen?")
    a.get_by_role("button", name="Lav studiet").click()
    expect(a.get_by_role("heading", level=1)).to_have_text("Sæt studiet op")
    checked(a, axe)
    a.get_by_label("Deres e-mailadresse").fill(researcher.email)
    a.get_by_role("button", name="Sæt dem på teamet").click()
    expect(a.get_by_text("De er nu på teamet.")).to_be_visible()

    r = new_page()
    r.set_viewport_size(PHONE)
    log_in(r, researcher.email, researcher)
    r.goto("/research/")
    r.get_by_role("link", name="Søvn og fællesskab").click()
    r.get_by_role("link", name="Sæt studiet op").click()
    r.get_by_label("Spørgsmål (svares med ja eller nej)").fill("Er du fyldt 18 år?")
    r.get_by_role("group", name="Det svar, der gør, at man kan deltage").get_by_label("Ja").check()
    r.get_by_role("button", name="Tilføj spørgsmålet").click()
    for name, kind in (("Forløb nu", "Indsats"), ("Venteliste", "Venteliste")):
        r.get_by_label("Gruppens navn").fill(name)
        r.get_by_role("group", name="Hvad gruppen får").get_by_label(kind, exact=True).check()
        r.get_by_role("button", name="Tilføj gruppen").click()
        expect(r.get_by_text("Gruppen er tilføjet.")).to_be_visible()
    r.get_by_label("Tidspunktets navn").fill("Start")
    r.get_by_label("Dage", exact=True).fill("0")
    r.get_by_role("button", name="Tilføj tidspunktet").click()
    expect(r.get_by_text("Tidspunktet er tilføjet.")).to_be_visible()
    expect(r.get_by_text("et samtykke")).to_be_visible()
    checked(r, axe)
    r.get_by_role("link", name="Skriv samtykketeksten").click()
    r.get_by_label("Information til deltagere").fill("Du kan altid trække dig.")
    r.get_by_label("Udsagn, der skal sættes kryds ved, ét pr. linje").fill("Jeg vil gerne deltage.")
    r.get_by_role("button", name="Offentliggør versionen").click()
    r.goto(f"/research/{Study.objects.get().slug}/team/setup/")
    r.get_by_role("button", name="Åbn for deltagere").click()
    expect(r.get_by_text("Studiet er åbent. Nu kan man deltage.")).to_be_visible()
    assert Study.objects.get().status == "recruiting"
    r.get_by_role("link", name="Teamets egne spørgeskemaer").click()
    checked(r, axe)
    r.get_by_role("link", name="Nyt spørgeskema").click()
    checked(r, axe)
    r.goto(f"/research/{Study.objects.get().slug}/team/referrals/")
    checked(r, axe)
