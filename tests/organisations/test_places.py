"""Places: an organisation's coordinators keep its rooms (their own and partners'), and an
activity planned at one gets its address and accessibility; nobody else keeps them."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from ligesind.accounts.models import Role
from ligesind.activities import services as activities
from ligesind.activities.models import Activity
from ligesind.core.errors import DomainError
from ligesind.organisations.models import Place
from ligesind.organisations.services import join_organisation
from tests.activities.conftest import activity_data
from tests.factories import UserFactory, make_organisation, make_staff, municipality

PLACE = {
    "name": "Lokale 2",
    "partner": "Odense Bibliotekerne",
    "address": "Østre Stationsvej 15, 5000 Odense C",
    "access": ["step_free", "hearing_loop"],
    "access_notes": "Elevatoren er ved bagindgangen.",
    "contact": "Mette, 66 00 00 00",
}


@pytest.fixture
def world(admin_user):
    project = make_organisation("Peer to Peer Odense", "p2p-odense", "Odense", "Aarhus")
    other = make_organisation("Peer-Partnerskabet", "partnerskabet", "Odense")
    coordinator = make_staff(
        Role.COORDINATOR, "Odense", admin=admin_user, organisations=[project], alias="Koord"
    )
    join_organisation(actor=coordinator, organisation=project)
    rival = make_staff(
        Role.COORDINATOR, "Odense", admin=admin_user, organisations=[other], alias="Anden"
    )
    return {"project": project, "other": other, "coordinator": coordinator, "rival": rival}


def _add(client, user, world, **changes):
    client.force_login(user)
    data = {**PLACE, "municipality": municipality("Odense").pk, **changes}
    return client.post(reverse("organisations:places", args=["p2p-odense"]), data)


def test_the_organisations_coordinators_keep_its_places(client, world, admin_user):
    assert _add(client, world["coordinator"], world).status_code == 302
    place = Place.objects.get()
    assert place.access == ["step_free", "hearing_loop"] and place.organisation == world["project"]
    page = client.get(reverse("organisations:places", args=["p2p-odense"])).content.decode()
    assert "Odense Bibliotekerne, Lokale 2" in page and "Teleslynge" in page
    for user in (world["rival"], UserFactory.create()):
        client.force_login(user)
        assert client.get(reverse("organisations:places", args=["p2p-odense"])).status_code == 404
        url = reverse("organisations:place", args=["p2p-odense", place.pk])
        assert client.post(url, {"action": "delete"}).status_code == 404
    client.force_login(admin_user)
    assert client.get(reverse("organisations:places", args=["p2p-odense"])).status_code == 200


def test_a_place_needs_an_address_and_keeps_what_was_written(client, world):
    response = _add(client, world["coordinator"], world, address="")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Skriv adressen." in page and "Odense Bibliotekerne" in page
    assert not Place.objects.exists()


def test_a_coordinator_keeps_places_only_in_their_municipalities(client, world):
    response = _add(client, world["coordinator"], world, municipality=municipality("Aarhus").pk)
    assert response.status_code == 200 and not Place.objects.exists()


def test_an_activity_at_a_place_gets_its_address_and_accessibility(client, world):
    _add(client, world["coordinator"], world)
    place = Place.objects.get()
    day = (timezone.localdate() + timedelta(days=5)).isoformat()
    data = {
        "kind": "peer_cafe",
        "title": "Peer-café på biblioteket",
        "venue": place.pk,
        "municipality": "",
        "place": "",
        "day": day,
        "start": "14:00",
        "end": "16:00",
        "audience": "members",
        "recurrence": "none",
        "organisation": world["project"].pk,
    }
    response = client.post(reverse("activities:create"), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    activity = Activity.objects.get()
    assert activity.venue == place and activity.place == PLACE["address"]
    assert activity.municipality == municipality("Odense")
    page = client.get(reverse("activities:detail", args=[activity.pk])).content.decode()
    assert "Trinfri adgang" in page and "Elevatoren er ved bagindgangen." in page
    assert "Mette" not in page  # the partner's contact is for staff

    client.post(reverse("organisations:place", args=["p2p-odense", place.pk]), {"action": "delete"})
    activity.refresh_from_db()
    assert activity.venue is None and activity.place == PLACE["address"]


def test_another_organisations_place_cannot_be_used(world):
    place = Place.objects.create(
        organisation=world["other"],
        municipality=municipality("Odense"),
        name="Deres lokale",
        address="Vej 1",
    )
    with pytest.raises(DomainError):
        activities.create_activity(
            actor=world["coordinator"],
            data=activity_data(organisation=world["project"], venue=place),
        )
