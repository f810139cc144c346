"""Peer-guide matches belong to an organisation: a coordinator sees the waiting members who
joined one of their organisations (or none), the peer guides who act for them, and the
matches of their organisation; a coordinator of another organisation in the same
municipality sees none of it."""

import pytest
from django.urls import reverse

from ligesind.accounts.models import Role
from ligesind.core.errors import DomainError, NotAllowed
from ligesind.matching import permissions, services
from ligesind.matching.models import Hope
from ligesind.organisations.services import join_organisation
from tests.factories import make_organisation, make_staff, municipality
from tests.matching.conftest import category, person, prefs


@pytest.fixture
def world(admin_user, walks):
    partnership = make_organisation("Peer-Partnerskabet", "partnerskabet", "Odense")
    project = make_organisation("Peer to Peer Odense", "p2p-odense", "Odense")

    def staff(role, alias, *organisations):
        user = make_staff(
            role,
            "Odense",
            admin=admin_user,
            organisations=organisations,
            alias=alias,
            experiences={category().pk: "affected"},
            municipality=municipality("Odense"),
        )
        if role == Role.PEER_GUIDE:
            prefs(user, offers_support=True, capacity=2, topics=[walks])
        return user

    seeker = person("Søger", seeking=True, hope=Hope.GUIDE, topics=[walks])
    join_organisation(actor=seeker, organisation=partnership)
    loose = person("Løs", seeking=True, hope=Hope.GUIDE, topics=[walks])  # joined nothing
    return {
        "partnership": partnership,
        "seeker": seeker,
        "loose": loose,
        "own": staff(Role.COORDINATOR, "Egen", partnership),
        "other": staff(Role.COORDINATOR, "Anden", project),
        "own_guide": staff(Role.PEER_GUIDE, "Guide", partnership),
        "other_guide": staff(Role.PEER_GUIDE, "Fremmed", project),
    }


def aliases(profiles):
    return {p.user.profile.alias for p in profiles}


def test_each_coordinator_sees_their_organisations_people(world):
    assert aliases(services.waiting_seekers(world["own"])) == {"Søger", "Løs"}
    assert aliases(services.waiting_seekers(world["other"])) == {"Løs"}
    assert aliases(services.available_guides(world["own"])) == {"Guide"}
    assert aliases(services.available_guides(world["other"])) == {"Fremmed"}


def test_a_proposal_belongs_to_the_organisation_and_stays_inside_it(world, client):
    with pytest.raises(NotAllowed):
        services.send_proposal(
            actor=world["other"], seeker=world["seeker"], guide=world["other_guide"]
        )
    with pytest.raises(DomainError):
        services.send_proposal(
            actor=world["own"], seeker=world["seeker"], guide=world["other_guide"]
        )
    match = services.send_proposal(
        actor=world["own"], seeker=world["seeker"], guide=world["own_guide"]
    )
    assert match.organisation == world["partnership"]
    assert permissions.coordinates_match(world["own"], match)
    assert not permissions.can_view_match(world["other"], match)
    client.force_login(world["other"])
    assert client.get(reverse("matching:match", args=[match.pk])).status_code == 404
    client.force_login(world["own"])
    assert client.get(reverse("matching:match", args=[match.pk])).status_code == 200


def test_a_members_own_request_to_a_guide_belongs_to_the_guides_organisation(world):
    match = services.request_match(actor=world["seeker"], partner=world["own_guide"])
    assert match.organisation == world["partnership"]
    assert not permissions.coordinates_match(world["other"], match)
