"""Forums and groups in a real browser: start a thread (a refused one loses nothing), reply
with a quote, "I recognise this", search in Danish, groups by request, a moderator's view;
axe on every page."""

import pytest
from playwright.sync_api import expect

from ligesind.accounts.models import Role
from ligesind.community import services
from ligesind.community.models import Category
from tests.browser.helpers import log_in
from tests.factories import UserFactory, make_staff

pytestmark = pytest.mark.browser


def test_visitor_sees_categories_and_an_invitation(new_page, axe):
    page = new_page()
    page.goto("/community/")
    expect(page.get_by_role("heading", name="Fora", level=1)).to_be_visible()
    expect(page.get_by_text("Hverdagsliv")).to_be_visible()
    expect(page.get_by_text("Foraene er for medlemmer.", exact=False)).to_be_visible()
    axe(page)


def test_post_quote_recognise_and_search(new_page, axe):
    anna = UserFactory.create(email="anna@example.org", member__alias="Anna")
    bo = UserFactory.create(email="bo@example.org", member__alias="Bo")
    a, b = new_page(), new_page()
    log_in(a, anna.email)
    a.goto("/community/")
    axe(a)
    a.get_by_role("link", name="Misbrug og afhængighed").click()
    axe(a)
    a.get_by_role("link", name="Start en tråd").click()
    a.get_by_label("Titel").fill("Et år uden alkohol")
    a.get_by_role("button", name="Send tråd").click()  # no text yet: refused, title kept
    expect(a.get_by_text("Skriv noget først.", exact=True)).to_be_visible()
    expect(a.get_by_label("Titel")).to_have_value("Et år uden alkohol")
    axe(a)
    a.get_by_label("Dit indlæg").fill("Misbruget fyldte **alt** i ti år.")
    a.get_by_label("Skriv anonymt", exact=False).check()
    a.get_by_role("button", name="Send tråd").click()
    expect(a.get_by_role("heading", name="Et år uden alkohol")).to_be_visible()
    expect(a.get_by_text("anonymt medlem (dig)")).to_be_visible()
    axe(a)
    thread_url = a.url

    log_in(b, bo.email)
    b.goto(thread_url)
    expect(b.get_by_text("anonymt medlem", exact=True)).to_be_visible()
    expect(b.get_by_text("Anna")).to_have_count(0)
    b.get_by_role("button", name="Det genkender jeg").click()
    expect(b.get_by_role("button", name="Det genkender jeg (1)")).to_have_attribute(
        "aria-pressed", "true"
    )
    b.get_by_role("link", name="Citér").click()
    axe(b)
    expect(b.get_by_label("Dit indlæg")).to_have_value(
        "anonymt medlem skrev:\n> Misbruget fyldte **alt** i ti år.\n\n"
    )
    b.get_by_label("Dit indlæg").press("End")
    b.get_by_label("Dit indlæg").type("Tillykke med året.")
    b.get_by_role("button", name="Send svar").click()
    expect(b.locator("#post-2 blockquote")).to_contain_text("Misbruget fyldte alt i ti år.")
    expect(b.locator("#post-2")).to_contain_text("Tillykke med året.")

    b.goto("/community/")
    b.get_by_label("Søg i fora og grupper").fill("misbrug")
    b.get_by_role("button", name="Søg").click()
    expect(b.get_by_role("link", name="Et år uden alkohol")).to_be_visible()
    axe(b)

    a.goto("/community/c/addiction/")
    expect(a.get_by_text("ny", exact=True)).to_be_visible()  # Bo's reply is unread for Anna
    a.get_by_role("link", name="Et år uden alkohol").click()
    a.goto("/community/c/addiction/")
    expect(a.get_by_text("ny", exact=True)).to_have_count(0)

    b.goto("/community/")
    b.get_by_role("link", name="Tråde, jeg følger").click()
    expect(b.get_by_role("link", name="Et år uden alkohol")).to_be_visible()
    axe(b)


def test_group_by_request_edit_and_moderator_history(new_page, axe):
    anna = UserFactory.create(email="anna@example.org", member__alias="Anna")
    bo = UserFactory.create(email="bo@example.org", member__alias="Bo")
    moderator = make_staff(Role.MODERATOR, alias="Moderator")
    a, b, m = new_page(), new_page(), new_page()
    log_in(a, anna.email)
    a.goto("/community/groups/")
    axe(a)
    a.get_by_role("link", name="Lav en gruppe").click()
    axe(a)
    a.get_by_label("Navn").fill("Erfagruppe om angst")
    a.get_by_label("Erfagruppe").check()
    a.get_by_label("Efter anmodning", exact=False).check()
    a.get_by_role("button", name="Lav gruppen").click()
    expect(a.get_by_text("Gruppen er lavet. Du er dens moderator.")).to_be_visible()
    axe(a)
    group_url = a.url
    a.get_by_role("link", name="Start en tråd").click()
    a.get_by_label("Titel").fill("Hvordan går ugen?")
    a.get_by_label("Dit indlæg").fill("Skriv gerne, hvordan det går.")
    a.get_by_role("button", name="Send tråd").click()
    expect(a.get_by_role("heading", name="Hvordan går ugen?")).to_be_visible()

    log_in(b, bo.email)
    b.goto(group_url)
    expect(b.get_by_text("Samtalen er for gruppens medlemmer.")).to_be_visible()
    b.get_by_role("button", name="Bed om at være med").click()
    expect(b.get_by_text("Din anmodning er sendt.", exact=False)).to_be_visible()
    axe(b)

    a.goto(group_url)
    a.get_by_role("link", name="1 anmodning om at være med").click()
    axe(a)
    a.get_by_role("button", name="Luk ind").click()
    expect(a.get_by_text("Ingen venter.")).to_be_visible()
    a.goto(group_url)
    a.get_by_role("link", name="Medlemmer").click()
    expect(a.get_by_text("Bo")).to_be_visible()
    axe(a)

    b.goto(group_url)
    b.get_by_role("link", name="Hvordan går ugen?").click()
    b.get_by_label("Dit indlæg").fill("Den går fint")
    b.get_by_role("button", name="Send svar").click()
    b.locator("#post-2").get_by_role("link", name="Ret").click()
    axe(b)
    b.get_by_label("Dit indlæg").fill("Den går fint, tak")
    b.get_by_role("button", name="Gem ændringer").click()
    expect(b.locator("#post-2")).to_contain_text("rettet")

    log_in(m, moderator.email, moderator)
    m.goto(b.url.split("#")[0])
    m.locator("#post-2").get_by_role("link", name="Historik").click()
    expect(m.get_by_text("Den går fint", exact=True)).to_be_visible()
    axe(m)
    m.go_back()
    m.get_by_role("button", name="Lås", exact=True).click()
    expect(m.get_by_text("Tråden er låst. Du kan stadig læse den.")).to_be_visible()
    axe(m)


def test_invitation_to_a_hidden_group_and_search_never_shows_it(new_page, axe):
    anna = UserFactory.create(email="anna@example.org", member__alias="Anna")
    UserFactory.create(email="bo@example.org", member__alias="Bo")
    eve = UserFactory.create(email="eve@example.org", member__alias="Eve")
    group = services.create_group(
        actor=anna, name="Lukket kreds", kind="community", visibility="hidden"
    )
    services.start_thread(actor=anna, group=group, title="Hemmelig bolig", body="Om bolig")
    services.start_thread(
        actor=anna,
        category=Category.objects.get(slug="housing"),
        title="Åben bolig",
        body="Om bolig",
    )
    a, e = new_page(), new_page()
    log_in(a, anna.email)
    a.goto(f"/community/groups/{group.pk}/invite/")
    axe(a)
    a.get_by_label("Medlemmets alias").fill("Ingen")
    a.get_by_role("button", name="Send invitation").click()
    expect(
        a.get_by_text("Vi kunne ikke finde et medlem med det alias.", exact=True)
    ).to_be_visible()
    axe(a)
    a.get_by_label("Medlemmets alias").fill("Bo")
    a.get_by_role("button", name="Send invitation").click()
    expect(a.get_by_text("Invitationen er sendt.")).to_be_visible()

    log_in(e, eve.email)
    e.goto("/community/search/?q=bolig")
    expect(e.get_by_role("link", name="Åben bolig")).to_be_visible()
    expect(e.get_by_text("Hemmelig bolig")).to_have_count(0)
    expect(e.get_by_text("Lukket kreds")).to_have_count(0)
    e.goto("/community/groups/")
    expect(e.get_by_text("Lukket kreds")).to_have_count(0)
    axe(e)


def test_a_group_plans_its_own_event(new_page, axe):
    from datetime import timedelta

    from django.utils import timezone

    anna = UserFactory.create(email="anna@example.org", member__alias="Anna")
    bo = UserFactory.create(email="bo@example.org", member__alias="Bo")
    group = services.create_group(actor=anna, name="Gåturs-netværket", kind="network",
                                  visibility="open")  # fmt: skip
    a, b = new_page(), new_page()
    log_in(a, anna.email)
    a.goto(f"/community/groups/{group.pk}/")
    a.get_by_role("link", name="Planlæg en aktivitet for gruppen").click()
    expect(
        a.get_by_text("En aktivitet for medlemmerne af Gåturs-netværket", exact=False)
    ).to_be_visible()
    expect(a.get_by_label("Hvem kan se den")).to_have_count(0)
    axe(a)
    a.get_by_label("Titel").fill("Gåtur langs åen")
    a.get_by_label("Type").select_option(label="Aktivitet")
    a.get_by_label("Kommune").select_option(label="Odense")
    a.get_by_label("Adresse").fill("Munke Mose")
    a.get_by_label("Dato").fill((timezone.localdate() + timedelta(days=5)).isoformat())
    a.get_by_label("Starter kl.").fill("10:00")
    a.get_by_label("Slutter kl.").fill("12:00")
    a.get_by_role("button", name="Offentliggør").click()
    expect(a.get_by_text("Aktiviteten er offentliggjort.")).to_be_visible()
    expect(a.get_by_role("link", name="Gåturs-netværket")).to_be_visible()
    axe(a)

    log_in(b, bo.email)
    b.goto("/activities/")
    expect(b.get_by_text("Gåtur langs åen")).to_have_count(0)  # not in the group yet
    b.goto(f"/community/groups/{group.pk}/")
    b.get_by_role("button", name="Bliv medlem af gruppen").click()
    b.get_by_role("link", name="Gåtur langs åen").click()
    b.get_by_role("button", name="Tilmeld mig").click()
    expect(b.get_by_text("Du har en plads. Velkommen!")).to_be_visible()
    axe(b)


def test_delete_own_post_and_change_a_group(new_page, axe):
    anna = UserFactory.create(email="anna@example.org", member__alias="Anna")
    group = services.create_group(actor=anna, name="Strikkeklubben", kind="community",
                                  visibility="request")  # fmt: skip
    thread = services.start_thread(actor=anna, group=group, title="Mønstre", body="Hej")
    services.reply_to_thread(actor=anna, thread=thread, body="Fortrudt tekst")
    a = new_page()
    log_in(a, anna.email)
    a.goto(f"/community/t/{thread.pk}/")
    a.locator("#post-2").get_by_role("link", name="Slet").click()
    axe(a)
    a.get_by_role("button", name="Slet indlægget").click()
    expect(
        a.get_by_text("Dit indlæg er slettet. Du kan fortryde det i 10 minutter")
    ).to_be_visible()
    expect(a.locator("#post-2")).to_contain_text("Du slettede dette indlæg.")
    expect(a.get_by_text("Fortrudt tekst")).to_have_count(0)
    axe(a)
    a.locator("#post-2").get_by_role("button", name="Fortryd").click()
    expect(a.get_by_text("Dit indlæg er tilbage.")).to_be_visible()
    expect(a.locator("#post-2")).to_contain_text("Fortrudt tekst")
    a.goto(f"/community/groups/{group.pk}/")
    a.get_by_role("link", name="Ret gruppen").click()
    axe(a)
    a.get_by_label("Navn").fill("")
    a.get_by_role("button", name="Gem ændringer").click()
    expect(a.get_by_text("Giv gruppen et navn.", exact=True)).to_be_visible()
    a.get_by_label("Navn").fill("Strikkeklubben Nord")
    a.get_by_label("Åben", exact=False).check()
    a.get_by_role("button", name="Gem ændringer").click()
    expect(a.get_by_text("Gruppen er ændret.")).to_be_visible()
    expect(a.get_by_role("heading", name="Strikkeklubben Nord")).to_be_visible()
    axe(a)
