"""The public pages and news: only live news is ever shown (drafts and scheduled news never),
the Atom feed, the editor behind the site's sign-in with a relaxed policy of its own."""

from datetime import timedelta

import pytest
from django.utils import timezone

from ligesind.organisations.models import Organisation
from ligesind.pages.models import NewsIndexPage, NewsPage
from tests.factories import UserFactory


@pytest.fixture
def news_index() -> NewsIndexPage:
    return NewsIndexPage.objects.get()


def add_news(index, title, *, publish=True, go_live_at=None, organisation=None) -> NewsPage:
    """Published at once, kept as a draft, or scheduled: as an editor does it in /cms/."""
    page = index.add_child(
        instance=NewsPage(
            title=title,
            intro=f"{title} kort",
            body="<p>Tekst</p>",
            organisation=organisation,
            live=publish and go_live_at is None,
        )
    )
    if go_live_at is not None:
        page.go_live_at = go_live_at
        page.save_revision().publish()  # with a time in the future: scheduled, not live
    elif not publish:
        page.save_revision()
    else:
        page.save_revision().publish()
    page.refresh_from_db()
    return page


def test_the_explaining_pages_are_there_for_visitors(client):
    page = client.get("/pages/").content.decode()
    assert "Om peerstøtte" in page and "Hvad er peerstøtte?" in page
    for path in ("peerstoette", "recovery", "kontingent", "arbejdspladser", "nyheder"):
        answer = client.get(f"/pages/{path}/")
        assert answer.status_code == 200, path
    page = client.get("/pages/peerstoette/").content.decode()
    assert "Vi lytter. Vi giver ikke råd." in page and "Bliv frivillig" in page


def test_drafts_and_scheduled_news_are_never_shown(client, news_index):
    add_news(news_index, "Offentlig nyhed")
    draft = add_news(news_index, "Kladde", publish=False)
    later = add_news(news_index, "Planlagt", go_live_at=timezone.now() + timedelta(days=2))
    assert not draft.live and not NewsPage.objects.get(pk=later.pk).live
    page = client.get("/pages/nyheder/").content.decode()
    assert "Offentlig nyhed" in page and "Kladde" not in page and "Planlagt" not in page
    assert client.get("/pages/nyheder/kladde/").status_code == 404
    assert client.get("/pages/nyheder/planlagt/").status_code == 404
    feed = client.get("/pages/news.atom").content.decode()
    assert "Offentlig nyhed" in feed and "Kladde" not in feed and "Planlagt" not in feed


def test_news_by_organisation_and_its_feed(client, news_index):
    network = Organisation.objects.create(
        name="Peer-Netværket", slug="peer-netvaerket", kind="network", summary="For peers"
    )
    add_news(news_index, "Netværkets nyhed", organisation=network)
    add_news(news_index, "Andres nyhed")
    page = client.get("/pages/nyheder/", {"organisation": "peer-netvaerket"}).content.decode()
    assert "Netværkets nyhed" in page and "Andres nyhed" not in page
    feed = client.get("/pages/news.atom", {"organisation": "peer-netvaerket"})
    assert feed["Content-Type"].startswith("application/atom+xml")
    assert "Netværkets nyhed" in feed.content.decode()
    assert "Andres nyhed" not in feed.content.decode()


def test_the_editor_signs_in_through_the_site_and_only_it_relaxes_the_policy(
    client, member, admin_user
):
    assert client.get("/cms/login/?next=/cms/")["Location"] == "/accounts/login/?next=/cms/"
    assert client.get("/pages/_util/login/")["Location"].startswith("/accounts/login/")
    assert client.get("/cms/password_reset/")["Location"] == "/accounts/password/reset/"
    client.force_login(member)
    assert client.get("/cms/").status_code == 302  # not an editor
    public = client.get("/pages/")["Content-Security-Policy"]
    assert "unsafe-inline" not in public
    client.force_login(admin_user)
    answer = client.get("/cms/")
    assert answer.status_code == 200
    assert "'unsafe-inline'" in answer["Content-Security-Policy"]


def test_a_member_without_rights_gets_no_editor(client):
    client.force_login(UserFactory.create())
    answer = client.get("/cms/pages/")
    assert answer.status_code == 302 and "login" in answer["Location"]


def test_testimonials_only_with_consent_and_switched_on(client):
    from ligesind.pages.models import Testimonial

    network = Organisation.objects.create(
        name="Peer-Netværket", slug="peer-netvaerket", kind="network", summary="For peers"
    )
    today = timezone.localdate()
    Testimonial.objects.create(
        quote="<b>Det hjalp</b> at møde andre.",
        person="Mette, 41 år",
        organisation=network,
        consent_given_on=today,
        consent_how="skriftligt",
    )
    Testimonial.objects.create(
        quote="Trukket tilbage", person="A", consent_given_on=today, consent_how="x", shown=False
    )
    page = client.get("/pages/").content.decode()
    assert "&lt;b&gt;Det hjalp&lt;/b&gt; at møde andre." in page and "Mette, 41 år" in page
    assert "Trukket tilbage" not in page
    page = client.get("/organisations/peer-netvaerket/").content.decode()
    assert "Det hjalp" in page


def test_privacy_and_terms_are_there_and_in_every_footer(client):
    from ligesind.pages.models import ContentPage
    from ligesind.pages.trust import ensure_trust_pages

    for url in ("/pages/privatliv/", "/pages/vilkaar/"):
        assert client.get(url).status_code == 200
    ContentPage.objects.get(slug="vilkaar").delete()  # an installation made before them
    ensure_trust_pages()
    ensure_trust_pages()
    assert ContentPage.objects.filter(slug="vilkaar").count() == 1
    front = client.get("/").content.decode()
    assert 'href="/pages/privatliv/"' in front and 'href="/pages/vilkaar/"' in front
    assert "Datatilsynet" in client.get("/pages/privatliv/").content.decode()
