"""Stored XSS: payloads go through every field members write that others read, and the
pages are opened in the browser as those others. Nothing may execute, no element or attribute
from a payload may reach the DOM, and no CSP violation may occur (the fixture fails on any)."""

import pytest
from playwright.sync_api import Page

from ligesind.accounts import services as accounts
from ligesind.accounts.models import Role, Visibility
from ligesind.activities import services as activities
from ligesind.community import services as community
from ligesind.community.models import Category
from ligesind.messaging import services as messaging
from ligesind.safety import services as safety
from tests.activities.conftest import activity_data
from tests.browser.helpers import log_in
from tests.factories import UserFactory, make_admin, make_staff

pytestmark = pytest.mark.browser

MARK = "window.__xss = 1"
PAYLOADS = [
    f"<script>{MARK}</script>",
    f'<img src=x onerror="{MARK}">',
    f"<svg onload='{MARK}'><circle r=1></svg>",
    f"[klik her](javascript:{MARK})",
    f'<a href="javascript:{MARK}">link</a>',
    f'"><iframe src="javascript:{MARK}"></iframe>',
    f'![billede](x" onerror="{MARK})',
    f'<details open ontoggle="{MARK}">x</details>',
    f"<style>@import 'javascript:{MARK}';</style><object data=x></object>",
]
TEXT = "\n\n".join(PAYLOADS)
INJECTED = (
    "script:not([src]), iframe, object, embed, svg:not(.icon[aria-hidden='true']),"
    " style:not([data-ok]), [onerror], [onload], [ontoggle], a[href^='javascript'], img[src='x']"
)


def assert_clean(page: Page, where: str) -> None:
    page.goto(where)
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.__xss") is None, where
    found = page.evaluate(
        f'Array.from(document.querySelectorAll("{INJECTED}")).map(e => e.outerHTML)'
    )
    assert found == [], f"{where}: {found}"


def test_no_payload_executes_anywhere_it_is_shown(new_page):
    admin = make_admin()
    alice = UserFactory.create(email="alice@example.org", member__alias="Alice")
    bob = UserFactory.create(email="bob@example.org", member__alias="Bob")
    guide = make_staff(Role.PEER_GUIDE, "Odense", admin=admin, alias="Guide")
    moderator = make_staff(Role.MODERATOR, admin=admin, alias="Moderator")
    accounts.update_profile(
        actor=alice,
        data=accounts.ProfileData(
            alias="Alice<b>", story=TEXT, story_visibility=Visibility.MEMBERS
        ),
    )
    chat = messaging.open_conversation(people=[alice, bob], kind="direct")
    message = messaging.send_message(actor=alice, conversation=chat, body=TEXT)
    event = activities.create_activity(
        actor=guide,
        data=activity_data(title=PAYLOADS[1][:100], description=TEXT, place=PAYLOADS[0]),
    )[0]
    report = safety.report_content(
        actor=bob, kind="message", object_id=message.pk, reason="other", details=TEXT
    )
    decision = safety.take_decision(actor=moderator, report=report, kind="warn", reason=TEXT)
    safety.appeal_decision(actor=alice, action=decision, text=TEXT)
    everyday = Category.objects.get(slug="everyday-life")
    thread = community.start_thread(
        actor=alice, category=everyday, title=PAYLOADS[2][:140], body=TEXT
    )
    post = community.reply_to_thread(actor=alice, thread=thread, body=PAYLOADS[4])
    community.edit_post(actor=alice, post=post, body=TEXT)
    group = community.create_group(
        actor=alice, name=PAYLOADS[1][:80], kind="network", visibility="open", description=TEXT
    )
    community.start_thread(actor=alice, group=group, title=PAYLOADS[0][:140], body=TEXT)

    b = new_page()
    log_in(b, bob.email)
    for where in [
        f"/members/{alice.profile.public_id}/",
        f"/messages/{chat.pk}/",
        "/messages/",
        f"/activities/{event.pk}/",
        "/activities/",
        "/members/",
        f"/community/t/{thread.pk}/",
        f"/community/t/{thread.pk}/reply/?quote={post.pk}",
        "/community/c/everyday-life/",
        f"/community/groups/{group.pk}/",
        "/community/groups/",
        f"/community/groups/{group.pk}/members/",
        "/community/search/?q=script+img+onerror",
    ]:
        assert_clean(b, where)

    m = new_page()
    log_in(m, moderator.email, moderator)
    for where in [
        f"/safety/reports/{report.pk}/",
        "/safety/decisions/",
        f"/safety/appeals/{decision.appeal.pk}/",
        "/safety/alerts/",
        f"/community/p/{post.pk}/history/",
        f"/community/t/{thread.pk}/",
    ]:
        assert_clean(m, where)
