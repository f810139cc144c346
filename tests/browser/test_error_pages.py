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
