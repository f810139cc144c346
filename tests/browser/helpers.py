"""Shared steps for the browser tests."""

import time

from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from allauth.mfa.totp.internal.auth import yield_hotp_counters_from_time as counters
from playwright.sync_api import Page, expect

from ligesind.accounts.adapters import MFAAdapter
from ligesind.accounts.models import User
from tests.factories import PASSWORD


def current_code(user: User) -> str:
    totp = Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP)
    secret = MFAAdapter().decrypt(totp.data["secret"])
    return format_hotp_value(hotp_value(secret, next(iter(counters()))))


def enter_totp(page: Page, user: User) -> None:
    """Type the current code. A code typed as its 30 seconds run out is refused (no
    tolerance): then wait for the next period and type the new one."""
    for _attempt in range(2):
        if time.time() % 30 > 28:
            time.sleep(30 - time.time() % 30 + 0.2)
        page.get_by_label("Kode").fill(current_code(user))
        page.get_by_role("button", name="Log ind").first.click()
        page.wait_for_load_state()
        if "To-faktor" not in page.get_by_role("heading", level=1).inner_text():
            return


def log_in(page: Page, email: str, staff: User | None = None) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Adgangskode").fill(PASSWORD)
    page.get_by_role("button", name="Log ind").click()
    heading = page.get_by_role("heading", level=1)
    if staff is not None:
        enter_totp(page, staff)
    expect(heading).to_contain_text("Velkommen")
