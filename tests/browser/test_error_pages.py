"""The error pages in the browser: translated, and accessible (axe)."""

import pytest
from playwright.sync_api import expect

from tests.factories import UserFactory

pytestmark = pytest.mark.browser


def test_not_found_and_too_many_attempts(browser, asgi_server, axe, settings):
    # Its own context: the browser rightly logs the 404 and 429 answers themselves as console
    # errors, which the shared page fixtures treat as failures. Any other error (a CSP
    # violation, a script error) still fails here.
    context = browser.new_context(base_url=asgi_server, locale="da-DK")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on(
        "console",
        lambda msg: (
            errors.append(msg.text)
            if msg.type == "error" and "Failed to load resource" not in msg.text
            else None
        ),
    )
    page.goto("/findes-ikke/")
    expect(page.get_by_role("heading", name="Siden findes ikke")).to_be_visible()
    axe(page)
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "login": "2/m/ip"}
    user = UserFactory.create(email="mange@example.org")
    for _attempt in range(3):
        page.goto("/accounts/login/")
        if page.get_by_role("heading", name="For mange forsøg").count():
            break
        page.get_by_label("E-mail").fill(user.email)
        page.get_by_label("Adgangskode").fill("forkert-kode")
        page.get_by_role("button", name="Log ind").click()
    expect(page.get_by_role("heading", name="For mange forsøg")).to_be_visible()
    axe(page)
    context.close()
    assert errors == []


def test_when_the_database_fails_the_crisis_page_still_helps(
    browser, asgi_server, axe, monkeypatch
):
    """A signed-in member whose session cannot be read (PostgreSQL away) still gets the crisis
    page with every way to get help, and any other page is an error page that lists them too."""
    from django.db import OperationalError

    from tests.browser.test_chat import log_in

    member = UserFactory.create(email="hjaelp@example.org")
    context = browser.new_context(base_url=asgi_server, locale="da-DK")
    page = context.new_page()  # its own: the 500 answer is rightly logged by the browser
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    log_in(page, member.email)

    def broken(self, user_id):
        raise OperationalError("connection refused")

    monkeypatch.setattr("ligesind.accounts.backends.MemberBackend.get_user", broken)
    page.goto("/help-now/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Brug for hjælp nu?")
    expect(page.get_by_text("Livslinien: 70 201 201.")).to_be_visible()
    axe(page)
    answer = page.goto("/me/")
    assert answer is not None and answer.status == 500
    expect(page.get_by_role("heading", level=1)).to_have_text("Noget gik galt")
    expect(page.get_by_text("Livslinien: 70 201 201.")).to_be_visible()
    axe(page)
    context.close()
    assert errors == []
