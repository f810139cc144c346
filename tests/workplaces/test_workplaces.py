"""Workplace requests: anyone may ask (clear errors, nothing lost), the organisation's staff
are told and follow each request (status, notes, the talk's activity); nobody else sees it."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from ligesind.accounts.models import Role
from ligesind.activities.models import Activity
from ligesind.core.models import Notification
from ligesind.workplaces import services
from ligesind.workplaces.models import RequestStatus, WorkplaceRequest
from tests.factories import UserFactory, make_organisation, make_staff, municipality

FORM = {
    "wants": ["talk", "workshop"],
    "workplace": "Psykiatrien Region Syd",
    "contact_name": "Hanne Madsen",
    "reach": "hanne@example.org",
    "message": "Vi vil gerne ansætte to peer-medarbejdere.",
}


@pytest.fixture
def world(admin_user):
    network = make_organisation("Peer-Netværket", "peer-netvaerket", "Odense")
    other = make_organisation("Peer-Partnerskabet", "partnerskabet", "Odense")
    staff = make_staff(
        Role.COORDINATOR, "Odense", admin=admin_user, organisations=[network], alias="Staff"
    )
    outsider = make_staff(
        Role.COORDINATOR, "Odense", admin=admin_user, organisations=[other], alias="Anden"
    )
    return {"network": network, "other": other, "staff": staff, "outsider": outsider}


def _ask(client, world, **changes):
    data = {**FORM, "organisation": world["network"].pk, **changes}
    return client.post(reverse("workplaces:ask"), data)


def test_a_visitor_asks_and_the_staff_are_told(client, world):
    response = _ask(client, world)
    assert response.status_code == 302 and response.url == reverse("workplaces:sent")
    item = WorkplaceRequest.objects.get()
    assert item.wants == ["talk", "workshop"] and item.contact_name == "Hanne Madsen"
    assert Notification.objects.filter(recipient=world["staff"], kind="workplace_request").exists()
    assert not Notification.objects.filter(recipient=world["outsider"], kind="workplace_request")


def test_a_bad_request_keeps_what_was_written(client, world):
    response = _ask(client, world, reach="ikke en adresse")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Psykiatrien Region Syd" in page and "Vi vil gerne ansætte" in page
    assert "telefonnummer" in page
    missing = _ask(client, world, wants=[])
    assert "Vælg, hvad I gerne vil have fra os." in missing.content.decode()
    assert not WorkplaceRequest.objects.exists()


def test_only_the_organisations_staff_see_and_handle_it(client, world):
    _ask(client, world)
    item = WorkplaceRequest.objects.get()
    url = reverse("workplaces:request", args=[item.pk])
    for user in (world["outsider"], UserFactory.create()):
        client.force_login(user)
        assert client.get(url).status_code == 404
        assert client.post(url, {"action": "status", "status": "done"}).status_code == 404
    assert client.get(reverse("workplaces:requests")).status_code == 404
    client.force_login(world["staff"])
    assert "Psykiatrien Region Syd" in client.get(reverse("workplaces:requests")).content.decode()
    assert "hanne@example.org" in client.get(url).content.decode()


def test_the_staff_follow_it_from_new_to_done(client, world):
    _ask(client, world)
    item = WorkplaceRequest.objects.get()
    url = reverse("workplaces:request", args=[item.pk])
    client.force_login(world["staff"])
    client.post(url, {"action": "status", "status": "contacted"})
    client.post(url, {"action": "note", "text": "Ringet til Hanne, oplæg i marts."})
    talk = Activity.objects.create(
        kind="workshop",
        title="Oplæg om peer-medarbejdere",
        organisation=world["network"],
        municipality=municipality("Odense"),
        starts_at=timezone.now() + timedelta(days=30),
        ends_at=timezone.now() + timedelta(days=30, hours=2),
    )
    client.post(url, {"action": "activity", "activity": talk.pk})
    item.refresh_from_db()
    assert item.status == RequestStatus.PLANNED and item.activity == talk
    assert "Ringet til Hanne" in client.get(url).content.decode()
    client.post(url, {"action": "status", "status": "done"})
    item.refresh_from_db()
    assert item.status == RequestStatus.DONE and item.closed_at is not None


def test_another_organisations_activity_cannot_be_linked(client, world):
    _ask(client, world)
    item = WorkplaceRequest.objects.get()
    theirs = Activity.objects.create(
        kind="workshop",
        title="Deres",
        organisation=world["other"],
        starts_at=timezone.now() + timedelta(days=3),
        ends_at=timezone.now() + timedelta(days=3, hours=1),
    )
    client.force_login(world["staff"])
    response = client.post(
        reverse("workplaces:request", args=[item.pk]), {"action": "activity", "activity": theirs.pk}
    )
    assert response.status_code == 200
    item.refresh_from_db()
    assert item.activity is None


def test_closed_requests_are_deleted_after_two_years(world):
    item = services.send_workplace_request(
        actor=UserFactory.create(),
        organisation=world["network"],
        data=services.WorkplaceData(
            workplace="Jobcentret", contact_name="Ib", reach="ib@example.org", wants=["advice"]
        ),
        address="127.0.0.1",
    )
    services.change_workplace_status(actor=world["staff"], request=item, status="done")
    assert services.purge_workplace_requests(timezone.now())["workplace_requests"] == 0
    later = timezone.now() + timedelta(days=2 * 365 + 1)
    assert services.purge_workplace_requests(later)["workplace_requests"] == 1
