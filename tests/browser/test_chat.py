"""Two people chat live in two browsers; the unread counter updates; requests are answered."""

import re

import pytest
from playwright.sync_api import Page, expect

from ligesind.accounts.models import ExperienceCategory
from ligesind.messaging import services
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.browser


def log_in(page: Page, email: str) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Adgangskode").fill(PASSWORD)
    page.get_by_role("button", name="Log ind").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Velkommen")


@pytest.fixture
def people():
    category = ExperienceCategory.objects.get(slug="addiction")
    alice = UserFactory.create(
        email="alice@example.org",
        member__alias="Alice",
        member__experiences={category.pk: "affected"},
        member__experiences_visibility=3,
    )
    bob = UserFactory.create(
        email="bob@example.org", member__alias="Bob", member__experiences={category.pk: "relative"}
    )
    return alice, bob


def test_request_accept_and_live_chat(new_page, people, axe):
    alice, bob = people
    a, b = new_page(), new_page()
    log_in(a, alice.email)
    log_in(b, bob.email)

    a.goto(f"/members/{bob.profile.public_id}/")
    a.get_by_role("link", name="Skriv til Bob").click()
    axe(a)
    a.get_by_label("Din besked").fill("Hej Bob, må jeg skrive med dig?")
    a.get_by_role("button", name="Send anmodning").click()
    expect(a.get_by_text("Din besked er sendt som en anmodning.")).to_be_visible()
    axe(a)

    b.goto("/messages/requests/")
    expect(b.get_by_text("Hej Bob, må jeg skrive med dig?")).to_be_visible()
    expect(b.get_by_text("Misbrug")).to_be_visible()  # the shared experience
    axe(b)
    b.get_by_role("button", name="Accepter").click()
    expect(b.get_by_role("heading", level=1)).to_have_text("Alice")
    axe(b)

    conversation = services.conversation_between(alice, bob)
    assert conversation is not None
    a.goto(f"/messages/{conversation.pk}/")
    a.get_by_label("Din besked").fill("Hvordan går det i dag?")
    a.get_by_role("button", name="Send").click()
    expect(
        b.locator("#chat").get_by_text("Hvordan går det i dag?")
    ).to_be_visible()  # live, no reload
    live = b.locator(".chat-message").filter(has_text="Hvordan går det i dag?").locator("time")
    # The same "4. december 19:19" as the server writes, not the browser's own format.
    expect(live).to_have_text(re.compile(r"^\d{1,2}\. [a-zæøå]+ \d\d:\d\d$"))

    b.get_by_label("Din besked").type("Det går")
    expect(a.get_by_text("Bob skriver…")).to_be_visible()
    b.get_by_role("button", name="Send").click()
    expect(a.locator("#chat").get_by_text("Det går")).to_be_visible()

    # Bob leaves for his page; a new message raises his unread counter live.
    b.goto("/me/")
    a.get_by_label("Din besked").fill("Sig til, når du har tid")
    a.get_by_role("button", name="Send").click()
    expect(b.locator("[data-unread-badge] .badge")).to_have_text("1")
    b.goto("/messages/")
    axe(b)
    # Opening the conversation marks it read once the page is shown (a POST, not the GET).
    b.goto(f"/messages/{conversation.pk}/")
    expect(b.locator("[data-unread-badge] .badge")).to_have_count(0)
    expect(b.locator("[data-read-form]")).to_have_count(0)
    assert services.total_unread(bob) == 0


def test_decline_is_kind(new_page, people):
    alice, bob = people
    services.send_message_request(actor=alice, receiver=bob, body="Hej")
    b = new_page()
    log_in(b, bob.email)
    b.goto("/messages/requests/")
    b.get_by_role("button", name="Afslå", exact=True).click()
    expect(b.get_by_text("Anmodningen er afslået.")).to_be_visible()
    a = new_page()
    log_in(a, alice.email)
    a.goto("/me/notifications/")
    expect(a.get_by_text("Din beskedanmodning blev ikke accepteret denne gang.")).to_be_visible()


def test_chat_goes_on_by_plain_requests_while_live_updates_are_away(new_page, people, axe):
    """As when Redis is down: Bob's page cannot keep its live connection. It says so calmly,
    his message is still sent, and Alice's message reaches him by a plain request."""
    alice, bob = people
    conversation = services.open_conversation(people=[alice, bob], kind="direct")
    a, b = new_page(), new_page()
    b.route_web_socket(re.compile(r".*/ws/chat/$"), lambda socket: socket.close(code=1013))
    log_in(a, alice.email)
    log_in(b, bob.email)
    b.goto(f"/messages/{conversation.pk}/")
    expect(b.get_by_text("Lige nu kommer nye beskeder ikke frem med det samme.")).to_be_visible()
    axe(b)

    a.goto(f"/messages/{conversation.pk}/")
    a.get_by_label("Din besked").fill("Er du der, Bob?")
    a.get_by_role("button", name="Send").click()
    expect(b.locator("#chat").get_by_text("Er du der, Bob?")).to_be_visible(
        timeout=20_000
    )  # fetched, no reload

    b.get_by_label("Din besked").fill("Ja, jeg er her")
    b.get_by_role("button", name="Send").click()
    expect(b.locator("#chat").get_by_text("Ja, jeg er her")).to_be_visible()
    expect(a.locator("#chat").get_by_text("Ja, jeg er her")).to_be_visible()  # Alice's page is live
    assert [m.body for m in conversation.messages.order_by("id")] == [
        "Er du der, Bob?",
        "Ja, jeg er her",
    ]


def test_a_deleted_message_can_be_undone_for_a_while(new_page, people, axe):
    alice, bob = people
    chat = services.open_conversation(people=[alice, bob], kind="direct")
    services.send_message(actor=alice, conversation=chat, body="Det var ikke til dig")
    a = new_page()
    log_in(a, alice.email)
    a.goto(f"/messages/{chat.pk}/")
    a.get_by_role("link", name="Slet").click()
    expect(a.get_by_text("Du kan fortryde det i 10 minutter")).to_be_visible()
    axe(a)
    a.get_by_role("button", name="Ja, slet beskeden").click()
    expect(a.get_by_text("Du slettede denne besked.")).to_be_visible()
    expect(a.get_by_text("Det var ikke til dig")).to_have_count(0)
    axe(a)
    a.get_by_role("button", name="Fortryd").click()
    expect(a.get_by_text("Beskeden er tilbage.")).to_be_visible()
    expect(a.locator(".chat-body")).to_have_text("Det var ikke til dig")
