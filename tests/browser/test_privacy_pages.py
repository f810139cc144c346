"""Export my data, see who looked, notifications, API tokens, delete my account: in the browser,
with axe on every page."""

import json

import pytest
from playwright.sync_api import Page, expect

from ligesind.accounts.models import User, Visibility
from ligesind.core import services
from ligesind.core.audit import record_staff_access
from tests.browser.test_account_pages import log_in
from tests.factories import PASSWORD, UserFactory, municipality

pytestmark = pytest.mark.browser


def test_my_data_who_looked_notifications_tokens_and_leaving(page: Page, axe, coordinator):
    user = UserFactory.create(
        email="mig@example.org",
        member__alias="Morgensang",
        member__story="Min egen historie",
        member__municipality=municipality("Odense"),
        member__story_visibility=Visibility.COORDINATORS,
    )
    record_staff_access(
        viewer=coordinator,
        subject=user,
        what="profile",
        purpose="Coordinator or administrator duty: member profile",
    )
    services.notify(user, "role_removed", params={"role": "Peer guide"})
    log_in(page, user.email)

    expect(page.get_by_role("link", name="Notifikationer 1 ulæste")).to_be_visible()
    page.get_by_role("link", name="Notifikationer 1 ulæste").click()
    expect(page.get_by_text("Din rolle som Peerguide er ophørt.")).to_be_visible()
    axe(page)
    page.get_by_role("link", name="Vælg hvilke e-mails du får").click()
    axe(page)
    page.get_by_role("radio", name="Ingen e-mail, kun her på siden").first.check()
    page.get_by_role("button", name="Gem mine valg").click()
    expect(page.get_by_text("Dine valg er gemt.")).to_be_visible()

    page.goto("/me/")
    page.get_by_role("link", name="Hvem har set mine oplysninger").click()
    expect(page.get_by_role("cell", name="KoordinatorOdense (Koordinator)")).to_be_visible()
    expect(
        page.get_by_role("cell", name="Koordinator- eller administratoropgave: medlemsprofil")
    ).to_be_visible()
    axe(page)

    page.goto("/me/")
    page.get_by_role("link", name="Mine data").first.click()
    axe(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Hent mine data (JSON)").click()
    data = json.loads(open(download.value.path(), encoding="utf-8").read())  # noqa: SIM115
    assert data["profile"]["story"] == "Min egen historie"
    assert data["access_log"][0]["who"] == "KoordinatorOdense"
    page.get_by_role("link", name="Vis mine data som en side, jeg kan læse og printe").click()
    expect(page.get_by_text("Min egen historie")).to_be_visible()
    axe(page)

    page.goto("/me/api-tokens/")
    axe(page)
    page.get_by_label("Hvad skal nøglen bruges til?").fill("Min kalender")
    page.get_by_role("button", name="Lav en nøgle").click()
    token = page.get_by_label("Nøgle", exact=True).input_value()
    assert token.startswith("lgs_")
    axe(page)
    page.get_by_role("button", name="Tilbagekald Min kalender").click()
    expect(page.get_by_text("Nøglen er tilbagekaldt.")).to_be_visible()

    page.goto("/me/delete/")
    page.get_by_label("Adgangskode").fill(PASSWORD)  # allauth asks for the password again
    page.get_by_role("button", name="Bekræft").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Slet min konto")
    axe(page)
    page.get_by_label("Ja, slet min konto og mine personoplysninger.").check()
    page.get_by_role("button", name="Slet min konto").click()
    expect(page.get_by_text("Din konto og dine personoplysninger er slettet.")).to_be_visible()
    axe(page)
    assert not User.objects.filter(email="mig@example.org").exists()


def test_api_docs_are_served_locally(page: Page, axe):
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto("/api/docs")
    expect(page.get_by_role("heading", level=1)).to_have_text("Ligesind API 1")
    assert all(
        url.startswith(page.url.split("/api/")[0]) or url.startswith("data:") for url in requests
    )
    axe(page)
