"""Staff act only inside their organisation: a role may be scoped to organisations (none means
every organisation, as on a one-organisation installation)."""

import pytest
from django.urls import reverse

from ligesind.accounts import services as accounts
from ligesind.accounts.models import Role
from ligesind.activities import services as activities
from ligesind.activities.permissions import can_manage_activity
from ligesind.core.models import Notification
from ligesind.organisations.contact import ContactData, send_contact_request
from ligesind.organisations.models import Organisation
from ligesind.organisations.permissions import can_read_contact_requests, is_organisation_staff
from ligesind.organisations.services import join_organisation
from tests.activities.conftest import activity_data
from tests.factories import make_staff, municipality


@pytest.fixture
def project() -> Organisation:
    return Organisation.objects.create(
        name="Peer to Peer Odense", slug="p2p-odense", kind="volunteer_project", summary="Odense"
    )


@pytest.fixture
def partnership() -> Organisation:
    return Organisation.objects.create(
        name="Peer-Partnerskabet", slug="partnerskabet", kind="partnership", summary="Forløb"
    )


def coordinator_for(admin_user, alias, *organisations):
    person = make_staff(Role.COORDINATOR, "Odense", admin=admin_user, alias=alias)
    accounts.grant_role(
        actor=admin_user,
        user=person,
        role=Role.COORDINATOR,
        municipalities=[municipality("Odense")],
        organisations=organisations,
    )
    return person


def test_a_coordinator_of_another_organisation_in_the_same_municipality_cannot_manage(
    admin_user, project, partnership
):
    guide = make_staff(Role.PEER_GUIDE, "Odense", admin=admin_user, alias="Guide")
    join_organisation(actor=guide, organisation=project)
    activity = activities.create_activity(actor=guide, data=activity_data(organisation=project))[0]
    own = coordinator_for(admin_user, "Egen", project)
    other = coordinator_for(admin_user, "Anden", partnership)
    everywhere = coordinator_for(admin_user, "Alle")  # no organisation ticked: every one
    assert can_manage_activity(own, activity)
    assert not can_manage_activity(other, activity)
    assert can_manage_activity(everywhere, activity)
    assert can_manage_activity(admin_user, activity)
    plain = activities.create_activity(actor=guide, data=activity_data())[0]
    assert can_manage_activity(other, plain)  # no organisation: every coordinator there


def test_staff_of_an_organisation_read_its_inbox_only(client, admin_user, project, partnership):
    own = coordinator_for(admin_user, "Egen", project)
    other = coordinator_for(admin_user, "Anden", partnership)
    everywhere = coordinator_for(admin_user, "Alle")
    assert is_organisation_staff(own, project) and not is_organisation_staff(other, project)
    assert not is_organisation_staff(everywhere, project)  # staff of all is staff of none
    assert can_read_contact_requests(own, project) and not can_read_contact_requests(other, project)
    client.force_login(other)
    assert client.get(reverse("organisations:requests", args=[project.slug])).status_code == 404
    client.force_login(own)
    assert client.get(reverse("organisations:requests", args=[project.slug])).status_code == 200


def test_without_a_local_contact_the_scoped_coordinator_is_told(admin_user, project, partnership):
    from django.contrib.auth.models import AnonymousUser

    project.municipalities.add(municipality("Odense"))
    own = coordinator_for(admin_user, "Egen", project)
    coordinator_for(admin_user, "Anden", partnership)
    send_contact_request(
        actor=AnonymousUser(),
        organisation=project,
        data=ContactData(
            topic="volunteer",
            text="Hej",
            reach="a@example.org",
            municipality=municipality("Odense"),
        ),
        address="10.0.0.1",
    )
    assert list(
        Notification.objects.filter(kind="contact_request").values_list("recipient_id", flat=True)
    ) == [own.pk]


def test_the_roles_page_scopes_a_role_to_organisations(client, admin_user, project):
    person = make_staff(Role.PEER_GUIDE, "Odense", admin=admin_user, alias="Ny")
    client.force_login(admin_user)
    client.post(
        reverse("accounts:roles"),
        {
            "email": person.email,
            "role": "coordinator",
            "municipalities": [municipality("Odense").pk],
            "organisations": [project.pk],
        },
    )
    assert is_organisation_staff(person, project)
    page = client.get(reverse("accounts:roles")).content.decode()
    assert "Peer to Peer Odense" in page
