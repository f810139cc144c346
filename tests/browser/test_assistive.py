"""What a keyboard and a screen reader meet (issue 25): where focus lands after a failed form,
a confirmation and a crisis sentence in the chat; what the live regions hold (others' new
messages once and briefly, typing once, the directory's count, never the member cards); page
titles; and 3:1 contrast for a pressed state."""

import pytest
from playwright.sync_api import Page, expect

from ligesind.accounts.models import ExperienceCategory
from ligesind.community import services as community
from ligesind.community.models import Category
from ligesind.messaging import services as messaging
from tests.browser.conftest import WIDEST
from tests.browser.helpers import log_in
from tests.factories import UserFactory

pytestmark = pytest.mark.browser

# WCAG's contrast ratio between a colour of an element and a colour of another (by selector).
CONTRAST = """([element, own, other, theirs]) => {
  const lum = c => { const v = c.match(/\\d+/g).slice(0, 3).map(x => x / 255)
      .map(x => x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4);
    return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2]; };
  const a = lum(getComputedStyle(element)[own]);
  const b = lum(getComputedStyle(document.querySelector(other))[theirs]);
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05); }"""


def contrast(locator, own: str, other: str, theirs: str) -> float:
    handle = locator.element_handle()
    return float(locator.page.evaluate(CONTRAST, [handle, own, other, theirs]))


def test_sign_up_errors_with_the_keyboard_only(page: Page, axe):
    page.goto("/accounts/signup/")
    page.get_by_label("E-mail").press_sequentially("ikke-en-adresse")
    page.keyboard.press("Enter")  # sends the form
    summary = page.locator(".error-summary")
    expect(summary).to_be_focused()
    expect(page).to_have_title("Fejl: Bliv medlem af Ligesind · Ligesind")
    page.keyboard.press("Tab")
    first = summary.get_by_role("link").first
    expect(first).to_be_focused()
    target = first.get_attribute("href")
    page.keyboard.press("Enter")
    expect(page.locator(str(target))).to_be_focused()
    # the field's own error is what aria-describedby points to, once
    field = page.get_by_label("E-mail")
    described = field.get_attribute("aria-describedby") or ""
    for ident in described.split():
        assert page.locator(f"#{ident}").count() == 1
        expect(page.locator(f"#{ident}")).not_to_be_empty()
    axe(page)


def test_a_confirmation_after_a_change_takes_the_focus(page: Page):
    member = UserFactory.create(email="anna@example.org", member__alias="Anna")
    chat = messaging.open_conversation(
        people=[member, UserFactory.create(member__alias="Bo")], kind="direct"
    )
    messaging.send_message(actor=member, conversation=chat, body="Hej Bo")
    log_in(page, member.email)
    page.goto(f"/messages/{chat.pk}/")
    expect(page).to_have_title("Samtale med Bo · Ligesind")
    page.get_by_role("link", name="Slet").click()
    page.get_by_role("button", name="Ja, slet beskeden").click()
    messages = page.locator("[data-page-messages]")
    expect(messages).to_be_focused()
    expect(messages).to_contain_text("Beskeden er slettet.")


def test_the_crisis_panel_opens_where_the_member_writes(new_page, axe):
    alice = UserFactory.create(email="alice@example.org", member__alias="Alice")
    bob = UserFactory.create(email="bob@example.org", member__alias="Bob")
    chat = messaging.open_conversation(people=[alice, bob], kind="direct")
    for n in range(12):  # a long conversation: the form is far below the top of the page
        messaging.send_message(actor=bob, conversation=chat, body=f"Besked nummer {n}")
    a = new_page()
    a.set_viewport_size({"width": 390, "height": 844})
    log_in(a, alice.email)
    a.goto(f"/messages/{chat.pk}/")
    a.get_by_label("Din besked").fill("Jeg har gemt alle mine sovepiller til i aften")
    a.get_by_label("Din besked").press("Tab")
    a.keyboard.press("Enter")  # the Send button, by keyboard
    panel = a.locator("[data-crisis-panel]")
    expect(panel).to_be_focused()
    expect(panel).to_be_in_viewport()
    # after the page's heading, not before it
    order = a.evaluate(
        "() => document.querySelector('h1').compareDocumentPosition("
        "document.querySelector('[data-crisis-panel]'))"
    )
    assert order & 4  # DOCUMENT_POSITION_FOLLOWING
    axe(a)


def test_the_chat_announces_only_others_new_messages_once(new_page):
    alice = UserFactory.create(email="alice@example.org", member__alias="Alice")
    bob = UserFactory.create(email="bob@example.org", member__alias="Bob")
    chat = messaging.open_conversation(people=[alice, bob], kind="direct")
    a, b = new_page(), new_page()
    log_in(a, alice.email)
    log_in(b, bob.email)
    a.goto(f"/messages/{chat.pk}/")
    b.goto(f"/messages/{chat.pk}/")
    assert a.locator("#chat").get_attribute("aria-live") is None  # the list itself is quiet
    for page in (a, b):  # both are live before Bob types (typing is not sent before that)
        expect(page.locator("#chat")).to_have_attribute("data-live", "1")
    a.get_by_label("Din besked").fill("Hej Bob, hvordan går det?")
    b.get_by_label("Din besked").press_sequentially("Ja")  # Bob types: Alice hears it once
    expect(a.locator("[data-typing]")).to_have_text("Bob skriver…")
    a.get_by_role("button", name="Send").click()
    expect(b.locator("[data-chat-announce]")).to_have_text("Alice: Hej Bob, hvordan går det?")
    expect(a.locator("[data-chat-announce]")).to_have_text("")  # not one's own message
    expect(b.locator("#chat")).to_contain_text("Hej Bob, hvordan går det?")


def test_directory_filters_announce_the_count_once(page: Page):
    category = ExperienceCategory.objects.get(slug="loneliness")
    member = UserFactory.create(email="anna@example.org", member__alias="Anna")
    for alias in ["Havfugl", "Solsikke", "Bølgen"]:
        UserFactory.create(
            member__alias=alias,
            member__experiences={category.pk: "affected"},
            member__experiences_visibility=3,
        )
    log_in(page, member.email)
    page.goto("/members/")
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url) if "/members/" in r.url else None)
    assert page.locator("#results").get_attribute("aria-live") is None
    select = page.locator("select").first
    select.focus()
    for _ in range(3):
        select.press("ArrowDown")
    status = page.locator("#result-count")
    expect(status).not_to_be_empty()
    expect(status).to_have_text(page.locator("#results p").first.inner_text())
    assert len(requests) == 1  # one request after the member stopped moving
    expect(select).to_be_focused()  # the member stays where they were


def test_a_pressed_reaction_and_the_search_box_have_three_to_one_contrast(page: Page):
    author = UserFactory.create(member__alias="Havfugl")
    reader = UserFactory.create(email="anna@example.org", member__alias="Anna")
    thread = community.start_thread(
        actor=author,
        title="En god dag",
        body="I dag gik jeg en tur.",
        category=Category.objects.get(slug="everyday-life"),
    )
    log_in(page, reader.email)
    page.goto(f"/community/t/{thread.pk}/")
    page.get_by_role("button", name="Tak").click()
    pressed = page.get_by_role("button", name="Tak (1)")
    expect(pressed).to_have_attribute("aria-pressed", "true")
    assert contrast(pressed, "backgroundColor", "body", "backgroundColor") >= 3
    page.goto("/community/")
    box = page.locator(".search-box input")
    assert contrast(box, "borderTopColor", ".search-box input", "backgroundColor") >= 3


def test_text_at_twice_the_size_never_scrolls_sideways(page: Page):
    """WCAG 1.4.4: a member who doubles the text size (not the zoom) reads every page without
    scrolling sideways, on a desktop and on a phone."""
    member = UserFactory.create(email="anna@example.org", member__alias="Anna")
    thread = community.start_thread(
        actor=member,
        title="Hverdagen efter udskrivelsen",
        body="Hvordan får I hverdagen til at hænge sammen?",
        category=Category.objects.get(slug="everyday-life"),
    )
    chat = messaging.open_conversation(
        people=[member, UserFactory.create(member__alias="Bo")], kind="direct"
    )
    messaging.send_message(actor=member, conversation=chat, body="Hej Bo")
    log_in(page, member.email)
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        for path in ["/", "/styleguide/", "/members/", "/activities/", "/community/",
                     f"/community/t/{thread.pk}/", f"/messages/{chat.pk}/", "/me/",
                     "/match/", "/volunteer/", "/help-now/"]:  # fmt: skip
            page.goto(path)
            page.evaluate("document.documentElement.style.fontSize = '225%'")
            extra = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            assert extra <= 0, (
                f"{path} at {width} px with twice the text scrolls by {extra} px: "
                + page.evaluate(WIDEST)
            )
