"""The public organisation and municipality pages, for each role, and joining from them."""

import pytest
from django.urls import reverse

from ligesind.accounts.models import Role
from ligesind.activities import services as activities
from ligesind.activities.models import Audience
from ligesind.organisations.models import LocalContact, Organisation
from ligesind.organisations.permissions import has_joined
from tests.activities.conftest import activity_data
from tests.factories import make_staff, municipality


@pytest.fixture
def guide(admin_user):
    return make_staff(Role.PEER_GUIDE, "Odense", admin=admin_user, alias="Guide")


def test_visitors_read_the_list_and_an_organisation(client, odense_project):
    page = client.get(reverse("organisations:list")).content.decode()
    assert "Peer to Peer Odense" in page and "Frivilligt projekt" in page
    page = client.get(reverse("organisations:detail", args=[odense_project.slug])).content.decode()
    assert "<strong>hver uge</strong>" in page  # the description's Markdown
    assert "Anne Holm" in page and 'href="tel:87654321"' in page
    assert "Bliv medlem af Ligesind" in page  # a visitor is asked to sign up first
    assert client.get(reverse("organisations:detail", args=["no-such"])).status_code == 404


def test_a_member_joins_and_leaves_from_the_page(client, member, odense_project):
    client.force_login(member)
    url = reverse("organisations:detail", args=[odense_project.slug])
    assert "Bliv medlem af Peer to Peer Odense" in client.get(url).content.decode()
    page = client.post(reverse("organisations:join", args=[odense_project.slug]), follow=True)
    assert "Velkommen til Peer to Peer Odense" in page.content.decode()
    assert has_joined(member, odense_project)
    assert "Forlad Peer to Peer Odense" in page.content.decode()
    page = client.post(reverse("organisations:leave", args=[odense_project.slug]), follow=True)
    assert "Din konto og dine kontakter er som før" in page.content.decode()
    assert not has_joined(member, odense_project)
    again = client.post(reverse("organisations:leave", args=[odense_project.slug]), follow=True)
    assert "ikke medlem" in again.content.decode()  # a clear message, nothing breaks


def test_joining_needs_a_signed_in_member(client, odense_project):
    answer = client.post(reverse("organisations:join", args=[odense_project.slug]))
    assert answer.status_code == 302 and "/accounts/login/" in answer.url
    assert client.get(reverse("organisations:join", args=[odense_project.slug])).status_code in (
        302,
        405,
    )


def test_the_municipality_page_shows_its_coordinators_and_what_each_may_see(
    client, member, guide, odense_project
):
    activities.create_activity(
        actor=guide, data=activity_data(title="Åben peer-café", audience=Audience.EVERYONE)
    )
    activities.create_activity(actor=guide, data=activity_data(title="Kun for medlemmer"))
    url = reverse("organisations:municipality", args=["odense"])
    page = client.get(url).content.decode()
    assert "Peerstøtte i Odense" in page and "Anne Holm" in page
    assert "Åben peer-café" in page and "Kun for medlemmer" not in page
    client.force_login(member)
    page = client.get(url).content.decode()
    assert "Kun for medlemmer" in page
    empty = client.get(reverse("organisations:municipality", args=["aalborg"])).content.decode()
    assert "Der er ikke en lokal koordinator her endnu" in empty


def test_pages_take_the_same_number_of_queries_however_many_there_are(
    client, member, django_assert_max_num_queries, odense_project
):
    for n in range(30):
        organisation = Organisation.objects.create(
            name=f"Forening {n}", slug=f"forening-{n}", kind="association", summary="Om os"
        )
        organisation.municipalities.add(municipality("Odense"), municipality("Aarhus"))
        LocalContact.objects.create(
            organisation=organisation, municipality=municipality("Odense"), name=f"Kontakt {n}"
        )
    client.force_login(member)
    for url in (
        reverse("organisations:list"),
        reverse("organisations:detail", args=["forening-3"]),
        reverse("organisations:municipality", args=["odense"]),
    ):
        client.get(url)  # warm the per-process caches
        with django_assert_max_num_queries(12):
            assert client.get(url).status_code == 200


def test_the_organisation_page_lists_its_coming_activities(client, guide, odense_project):
    from ligesind.organisations.services import join_organisation

    join_organisation(actor=guide, organisation=odense_project)
    activities.create_activity(
        actor=guide,
        data=activity_data(
            title="Projektets café", audience=Audience.EVERYONE, organisation=odense_project
        ),
    )
    activities.create_activity(
        actor=guide, data=activity_data(title="Andres café", audience=Audience.EVERYONE)
    )
    page = client.get(reverse("organisations:detail", args=[odense_project.slug])).content.decode()
    assert "Projektets café" in page and "Andres café" not in page
    assert f"/activities/?organisation={odense_project.pk}" in page
