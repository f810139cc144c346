"""A crisis phrase in the chat shows the author the help panel at once, and a moderator's
alert count rises live; the moderator reads the alert and adds a phrase. axe on every page."""

import re

import pytest
from playwright.sync_api import expect

from ligesind.accounts.models import Role
from ligesind.messaging import services as messaging
from ligesind.safety.models import ModerationAction
from tests.browser.helpers import log_in
from tests.browser.test_organisations import no_sideways_scrolling
from tests.factories import PASSWORD, UserFactory, make_admin, make_staff

pytestmark = pytest.mark.browser


def test_crisis_phrase_in_chat_panel_and_live_alert(new_page, axe):
    alice = UserFactory.create(email="alice@example.org", member__alias="Alice")
    bob = UserFactory.create(email="bob@example.org", member__alias="Bob")
    moderator = make_staff(Role.MODERATOR, admin=make_admin(), alias="Moderator")
    conversation = messaging.open_conversation(people=[alice, bob], kind="direct")
    a, m = new_page(), new_page()
    log_in(m, moderator.email, moderator)
    m.goto("/safety/alerts/")
    axe(m)
    log_in(a, alice.email)
    a.goto(f"/messages/{conversation.pk}/")
    expect(a.locator("[data-crisis-panel]")).to_be_hidden()
    plan = "Jeg har gemt alle mine sovepiller til i aften"  # the method-and-plan family
    a.get_by_label("Din besked").fill(plan)
    a.get_by_role("button", name="Send").click()
    panel = a.locator("[data-crisis-panel]")
    expect(panel).to_be_visible()  # live, without leaving the chat
    expect(panel.get_by_text("Livslinien: 70 201 201.")).to_be_visible()
    expect(panel.get_by_text("ikke en krisetjeneste", exact=False)).to_be_visible()
    expect(a.locator(".chat").get_by_text(plan)).to_be_visible()
    axe(a)

    expect(m.locator("[data-crisis-badge] .badge")).to_have_text("1")  # live
    live = m.locator("[data-crisis-queue] li").first
    expect(live).to_contain_text("Alice · Metode eller plan")  # live, with its kind of risk
    axe(m)
    live.get_by_role("link").click()
    expect(m.get_by_role("blockquote")).to_have_text(plan)
    recent = m.get_by_role("region", name="Medlemmets seneste beskeder i samtalen")
    expect(recent.get_by_text(plan)).to_be_visible()  # the context, only what Alice wrote
    expect(m.locator("[data-alert-family]")).to_have_text("Metode eller plan")
    axe(m)
    m.get_by_label("Status").select_option(label="Afsluttet")
    m.get_by_role("button", name="Gem").click()
    expect(m.get_by_text("Gemt.")).to_be_visible()
    m.goto("/safety/lexicon/")
    m.get_by_label("Udtryk", exact=True).fill("vil forsvinde*")
    m.get_by_label("Hvilken slags risiko").select_option(label="Ønske om at være død")
    m.get_by_role("button", name="Prøv udtrykket").click()
    expect(m.locator("[data-phrase-check]")).to_contain_text("krisesætning")
    axe(m)
    m.get_by_role("button", name="Tilføj udtrykket").click()
    expect(m.get_by_text("Udtrykket er tilføjet", exact=False)).to_be_visible()
    expect(m.get_by_role("cell", name="vil forsvinde*")).to_be_visible()
    axe(m)


def test_the_receiver_is_told_how_to_answer_live(new_page, axe):
    alice = UserFactory.create(email="alice@example.org", member__alias="Alice")
    bob = UserFactory.create(email="bob@example.org", member__alias="Bob")
    conversation = messaging.open_conversation(people=[alice, bob], kind="direct")
    a, b = new_page(), new_page()
    log_in(b, bob.email)
    b.goto(f"/messages/{conversation.pk}/")
    receiver = b.locator("[data-receiver-panel]")
    expect(receiver).to_be_hidden()
    log_in(a, alice.email)
    a.goto(f"/messages/{conversation.pk}/")
    a.get_by_label("Din besked").fill("Jeg har skrevet et afskedsbrev til min familie")
    a.get_by_role("button", name="Send").click()
    expect(b.locator(".chat").get_by_text("afskedsbrev", exact=False)).to_be_visible()
    expect(receiver).to_be_visible()  # live
    expect(receiver).to_contain_text("Det er ikke din opgave at redde nogen")
    expect(receiver.get_by_role("link", name="112")).to_have_attribute("href", "tel:112")
    expect(a.locator("[data-receiver-panel]")).to_be_hidden()  # the writer gets the help panel
    axe(b)
    b.reload()
    expect(b.locator("[data-receiver-panel]")).to_be_visible()  # and after a reload


def test_muted_word_folds_messages_live(new_page, axe):
    alice = UserFactory.create(email="alice@example.org", member__alias="Alice")
    bob = UserFactory.create(email="bob@example.org", member__alias="Bob")
    conversation = messaging.open_conversation(people=[alice, bob], kind="direct")
    a, b = new_page(), new_page()
    log_in(a, alice.email)
    a.goto("/safety/muted-words/")
    a.get_by_label("Ord", exact=True).fill("sorg")
    a.get_by_role("button", name="Skjul ordet").click()
    expect(a.get_by_text("Stop med at skjule “sorg”")).to_be_visible()
    axe(a)
    a.goto(f"/messages/{conversation.pk}/")
    log_in(b, bob.email)
    b.goto(f"/messages/{conversation.pk}/")
    b.get_by_label("Din besked").fill("Jeg tænker på sorgen i dag")
    b.get_by_role("button", name="Send").click()
    fold = a.locator("details.muted-message")
    expect(fold).to_be_visible()  # live, folded
    expect(fold.get_by_text("Jeg tænker på sorgen i dag")).to_be_hidden()
    fold.locator("summary").click()
    expect(fold.get_by_text("Jeg tænker på sorgen i dag")).to_be_visible()
    axe(a)


def test_report_suspend_signs_out_live_then_appeal(new_page, axe):
    alice = UserFactory.create(email="alice@example.org", member__alias="Alice")
    bob = UserFactory.create(email="bob@example.org", member__alias="Bob")
    moderator = make_staff(Role.MODERATOR, admin=make_admin(), alias="Moderator")
    conversation = messaging.open_conversation(people=[alice, bob], kind="direct")
    messaging.send_message(actor=bob, conversation=conversation, body="Du er dum og grim")
    a, b, m = new_page(), new_page(), new_page()
    log_in(a, alice.email)
    a.goto(f"/messages/{conversation.pk}/")
    a.locator(".chat-message").get_by_role("link", name="Anmeld").click()
    expect(a.get_by_text("Du er dum og grim")).to_be_visible()
    axe(a)
    a.get_by_label("Chikane, trusler eller had").check()
    a.get_by_role("button", name="Send anmeldelsen").click()
    expect(a.get_by_role("heading", name="Tak, fordi du fortalte os det")).to_be_visible()
    axe(a)
    a.get_by_role("link", name="Tilbage til hvor du var").click()
    expect(a).to_have_url(re.compile(f"/messages/{conversation.pk}/$"))

    log_in(b, bob.email)
    b.goto(f"/messages/{conversation.pk}/")
    expect(b.locator("[data-live-status]")).to_be_hidden()

    log_in(m, moderator.email, moderator)
    m.get_by_role("link", name="Anmeldelser").click()
    axe(m)
    m.get_by_role("link", name="Bob", exact=False).click()
    expect(m.get_by_text("Du er dum og grim")).to_be_visible()
    axe(m)
    m.get_by_label("Luk medlemmets konto midlertidigt").check()
    m.get_by_label("Antal dage, kontoen er lukket").fill("3")
    m.get_by_label("Begrundelse, som medlemmet læser").fill("Vi taler pænt til hinanden.")
    m.get_by_role("button", name="Gem beslutningen").click()
    expect(m.get_by_text("Beslutningen er gemt", exact=False)).to_be_visible()
    axe(m)

    # Bob's open chat closes and the page shows the sign-in form, within 5 seconds, saying
    # kindly what happened; signed in again, on a phone, he reads why in words to him, and the
    # menu offers only what he can use.
    expect(b).to_have_url(re.compile("/accounts/login/"), timeout=5000)
    expect(b.get_by_text("Du er blevet logget ud.", exact=False)).to_be_visible()
    b.set_viewport_size({"width": 390, "height": 844})
    b.get_by_label("E-mail").fill(bob.email)
    b.get_by_label("Adgangskode").fill(PASSWORD)
    b.get_by_role("button", name="Log ind").click()
    expect(b.get_by_text("Vi taler pænt til hinanden.")).to_be_visible()
    expect(
        b.get_by_role("heading", name="En moderator har lukket din konto midlertidigt")
    ).to_be_visible()
    expect(b.locator("header nav a")).to_have_text(["Beslutninger om mig"])
    no_sideways_scrolling(b)
    axe(b)
    decision = ModerationAction.objects.get()
    b.goto(f"/safety/my-decisions/{decision.pk}/appeal/")  # the form as a page of its own
    axe(b)
    b.goto("/safety/my-decisions/")
    b.get_by_text("Klag over denne beslutning").click()
    b.get_by_label("Hvorfor mener du, at beslutningen er forkert?").fill("Jeg var vred. Undskyld.")
    b.get_by_role("button", name="Send klagen").click()
    expect(b.get_by_text("Din klage er sendt", exact=False)).to_be_visible()
    b.goto("/activities/")  # everything else leads back to the reasons
    expect(b).to_have_url(re.compile("/safety/my-decisions/"))

    m.goto("/safety/appeals/")
    axe(m)
    m.get_by_role("link", name="Bob", exact=False).click()
    expect(m.get_by_text("Jeg var vred. Undskyld.")).to_be_visible()
    axe(m)
    m.get_by_label("Tag beslutningen tilbage").check()
    m.get_by_label("Svar, som medlemmet læser").fill("Tak for din forklaring.")
    m.get_by_role("button", name="Send svaret").click()
    expect(m.get_by_text("Svaret er gemt", exact=False)).to_be_visible()
    m.goto("/safety/decisions/")
    expect(m.get_by_text("Tak for din forklaring.")).to_be_visible()
    axe(m)
    b.goto("/activities/")
    expect(b).to_have_url(re.compile("/activities/$"))
