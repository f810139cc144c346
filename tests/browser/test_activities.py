"""A peer guide creates an activity; members sign up until it is full, one cancels and the
first on the waiting list gets the place. Courses, følgeskab and calendar pages too; axe on all."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from ligesind.accounts.models import Role
from ligesind.activities import services
from ligesind.activities.models import CourseTemplate
from tests.browser.helpers import log_in
from tests.factories import UserFactory, make_admin, make_staff, municipality

pytestmark = pytest.mark.browser


def test_create_sign_up_until_full_cancel_and_promotion(new_page, axe):
    guide = make_staff(Role.PEER_GUIDE, "Odense", alias="Guide")
    anna = UserFactory.create(email="anna@example.org", member__alias="Anna")
    bo = UserFactory.create(email="bo@example.org", member__alias="Bo")
    g, a, b = new_page(), new_page(), new_page()
    log_in(g, guide.email, guide)

    g.goto("/activities/")
    axe(g)
    g.get_by_role("link", name="Opret en aktivitet").click()
    axe(g)
    g.get_by_label("Titel").fill("Gåtur i parken")
    g.get_by_label("Type").select_option(label="Aktivitet")
    g.get_by_label("Beskrivelse").fill("Vi går i **roligt** tempo.")
    g.get_by_label("Kommune").select_option(label="Odense")
    g.get_by_label("Adresse").fill("Kongens Have")
    day = (timezone.localdate() + timedelta(days=5)).isoformat()
    g.get_by_label("Dato").fill(day)
    g.get_by_label("Starter kl.").fill("10:00")
    g.get_by_label("Slutter kl.").fill("09:00")
    g.get_by_label("Pladser").fill("1")
    g.get_by_role("button", name="Offentliggør").click()
    expect(g.get_by_text("Aktiviteten skal slutte efter, den starter.", exact=True)).to_be_visible()
    expect(g.get_by_label("Titel")).to_have_value("Gåtur i parken")  # nothing lost
    axe(g)
    g.get_by_label("Slutter kl.").fill("11:30")
    g.get_by_role("button", name="Offentliggør").click()
    expect(g.get_by_text("Aktiviteten er offentliggjort.")).to_be_visible()
    expect(g.locator("strong", has_text="roligt")).to_be_visible()
    axe(g)
    url = g.url

    log_in(a, anna.email)
    a.goto(url)
    a.get_by_role("button", name="Tilmeld mig").click()
    expect(a.get_by_text("Du har en plads. Velkommen!")).to_be_visible()
    axe(a)

    log_in(b, bo.email)
    b.goto(url)
    b.get_by_role("button", name="Skriv mig på ventelisten").click()
    expect(b.get_by_text("Du er nummer 1 på ventelisten.", exact=False)).to_be_visible()
    axe(b)

    a.get_by_role("button", name="Afmeld mig").click()
    expect(a.get_by_text("Du er ikke længere tilmeldt.", exact=False)).to_be_visible()
    b.reload()
    expect(b.get_by_text("Du har en plads.")).to_be_visible()
    b.goto("/me/notifications/")
    expect(b.get_by_text("En plads blev ledig, og den er din", exact=False)).to_be_visible()

    g.reload()
    expect(g.get_by_label("Bo")).to_be_visible()  # the attendance checkbox
    g.get_by_label("Bo").check()
    g.get_by_role("button", name="Gem fremmøde").click()
    expect(g.get_by_text("Fremmøde gemt: 1 kom.")).to_be_visible()
    axe(g)

    b.goto("/activities/mine/")
    expect(b.get_by_role("link", name="Gåtur i parken")).to_be_visible()
    axe(b)
    b.goto("/activities/calendar/")
    b.get_by_role("button", name="Lav en adresse").click()
    expect(b.get_by_text("Din kalenderadresse er klar.", exact=False)).to_be_visible()
    axe(b)


def test_course_and_accompaniment_pages(new_page, axe):
    admin = make_admin()
    coordinator = make_staff(Role.COORDINATOR, "Odense", admin=admin, alias="Koordinator")
    guide = make_staff(Role.PEER_GUIDE, "Odense", admin=admin, alias="Guide")
    member = UserFactory.create(email="mia@example.org", member__alias="Mia")
    run = services.create_course_run(
        actor=coordinator,
        template=CourseTemplate.objects.get(name="Vejen til hverdagslivet"),
        municipality=municipality("Odense"),
        place="Frivilligcenteret",
        first_session_at=timezone.now() + timedelta(days=7),
        leaders=[guide],
    )
    m, g, c = new_page(), new_page(), new_page()
    log_in(m, member.email)
    m.goto("/activities/courses/")
    axe(m)
    m.get_by_role("link", name="Vejen til hverdagslivet").click()
    m.get_by_role("button", name="Tilmeld mig").click()
    expect(m.get_by_text("Du er optaget. Velkommen til forløbet!")).to_be_visible()
    axe(m)
    m.get_by_role("link", name="Gruppeforløbets samtale").click()
    expect(m.get_by_role("heading", level=1)).to_contain_text("Vejen til hverdagslivet")

    log_in(g, guide.email, guide)
    g.goto(f"/activities/courses/{run.pk}/")
    axe(g)
    g.get_by_role("link", name="1", exact=True).click()
    g.get_by_label("Mia").check()
    g.get_by_role("button", name="Gem fremmøde").click()
    expect(g.get_by_text("Fremmøde gemt.")).to_be_visible()
    g.get_by_label("Ledernes noter").fill("En god første gang.")
    g.get_by_role("button", name="Gem noter").click()
    expect(g.get_by_text("Noter gemt.")).to_be_visible()
    axe(g)

    log_in(c, coordinator.email, coordinator)
    c.goto("/activities/courses/new/")
    axe(c)
    c.goto(f"/activities/courses/session/{run.sessions.get(number=1).pk}/")
    expect(c.get_by_text("En god første gang.")).to_be_visible()
    axe(c)

    m.goto("/activities/accompaniment/")
    axe(m)
    m.get_by_role("link", name="Bed om følgeskab").click()
    axe(m)
    m.get_by_label("Kommune").select_option(label="Odense")
    m.get_by_label("Hvad vil du gerne have følgeskab til?").fill("Første gang til peer-caféen")
    m.get_by_label("Hvor").fill("Biblioteket")
    m.get_by_label("Dato").fill((timezone.localdate() + timedelta(days=3)).isoformat())
    m.get_by_label("Tidspunkt").fill("16:00")
    m.get_by_role("button", name="Send anmodning").click()
    expect(m.get_by_text("Din anmodning er sendt.", exact=False)).to_be_visible()
    axe(m)
    request_url = m.url

    g.goto(request_url)
    g.get_by_role("button", name="Jeg kan gå med").click()
    expect(g.get_by_text("Tak! Medlemmet bliver bedt om at bekræfte.")).to_be_visible()
    axe(g)
    m.reload()
    m.get_by_role("button", name="Bekræft").click()
    expect(m.get_by_text("Bekræftet.")).to_be_visible()
    axe(m)
    c.goto(request_url)
    expect(c.get_by_text("Første gang til peer-caféen")).to_be_visible()
    axe(c)
