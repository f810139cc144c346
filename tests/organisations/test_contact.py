"""Writing to an organisation: anyone may; bad input gets a clear error and keeps the text;
the local contact's staff account (only of that organisation) reads it; crisis words show
the writer where to get help."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from ligesind.accounts.models import Role
from ligesind.core.models import AccessLog, Notification
from ligesind.organisations.contact import purge_contact_requests
from ligesind.organisations.models import ContactRequest, LocalContact, Organisation
from tests.factories import make_staff, municipality


@pytest.fixture
def staff(admin_user, odense_project):
    person = make_staff(Role.COORDINATOR, "Odense", admin=admin_user, alias="Koordinator")
    LocalContact.objects.filter(organisation=odense_project).update(user=person)
    return person


@pytest.fixture
def other_staff(admin_user):
    other = Organisation.objects.create(
        name="Peer-Partnerskabet", slug="peer-partnerskabet", kind="partnership", summary="Forløb"
    )
    person = make_staff(Role.COORDINATOR, "Odense", admin=admin_user, alias="AndenKoordinator")
    LocalContact.objects.create(
        organisation=other, municipality=municipality("Odense"), name="Bo", user=person
    )
    return person


def url(organisation):
    return reverse("organisations:contact", args=[organisation.slug])


def test_a_visitor_must_say_how_to_be_answered_and_keeps_the_text(client, odense_project):
    form = {"topic": "volunteer", "text": "Jeg vil gerne være frivillig.", "reach": ""}
    answer = client.post(url(odense_project), form)
    page = answer.content.decode()
    assert answer.status_code == 200  # the form again, with the error and the text
    assert "Dette felt er påkrævet" in page and "Jeg vil gerne være frivillig." in page
    answer = client.post(url(odense_project), {**form, "reach": "ikke en adresse@"})
    assert "Den e-mailadresse ser ikke rigtig ud" in answer.content.decode()
    answer = client.post(url(odense_project), {**form, "reach": "123"})
    assert "mindst 8 cifre" in answer.content.decode()
    assert not ContactRequest.objects.exists()


def test_staff_of_the_organisation_read_it_others_do_not(
    client, odense_project, staff, other_staff, member
):
    form = {
        "topic": "volunteer",
        "text": "Jeg vil gerne være frivillig.",
        "reach": "ny@example.org",
        "municipality": municipality("Odense").pk,
    }
    answer = client.post(url(odense_project), form)
    assert answer.url == reverse("organisations:contact_sent", args=[odense_project.slug])
    assert "Tak, fordi du skrev" in client.get(answer.url).content.decode()
    told = Notification.objects.get(kind="contact_request")
    assert told.recipient == staff and "Jeg vil" not in str(told.params)
    inbox = reverse("organisations:requests", args=[odense_project.slug])
    for outsider in (other_staff, member):
        client.force_login(outsider)
        assert client.get(inbox).status_code == 404
    client.force_login(staff)
    page = client.get(inbox).content.decode()
    assert "Jeg vil gerne være frivillig." in page and "ny@example.org" in page
    item = ContactRequest.objects.get()
    client.force_login(other_staff)
    answered = reverse("organisations:answered", args=[odense_project.slug, item.pk])
    assert client.post(answered).status_code == 404
    client.force_login(staff)
    client.post(answered)
    item.refresh_from_db()
    assert item.status == "answered" and item.handled_by == staff


def test_a_member_may_be_answered_here_and_reading_it_is_logged(
    client, odense_project, staff, member
):
    client.force_login(member)
    client.post(url(odense_project), {"topic": "other", "text": "Hej med jer"})
    item = ContactRequest.objects.get()
    assert item.sender == member and item.reach == ""
    client.force_login(staff)
    page = client.get(reverse("organisations:requests", args=[odense_project.slug]))
    assert "Svar i en privat besked" in page.content.decode()
    assert AccessLog.objects.filter(subject_id=member.pk, actor_id=staff.pk).exists()


def test_crisis_words_show_the_writer_where_to_get_help(client, odense_project, member):
    form = {"topic": "other", "text": "Jeg vil ikke leve mere", "reach": "a@example.org"}
    answer = client.post(url(odense_project), form, follow=True)
    assert "70 201 201" in answer.content.decode()  # a visitor: help at once, no alert
    client.force_login(member)
    client.post(url(odense_project), {"topic": "other", "text": "Jeg vil ikke leve mere"})
    assert member.crisis_alerts.get().where == "contact"  # a member: moderators are told too


def test_at_most_five_an_hour_from_one_address(client, odense_project):
    form = {"topic": "other", "text": "Hej", "reach": "a@example.org"}
    for _ in range(5):
        assert client.post(url(odense_project), form).status_code == 302
    answer = client.post(url(odense_project), form)
    assert answer.status_code == 200 and "Prøv igen senere" in answer.content.decode()


def test_old_requests_are_deleted(odense_project):
    now = timezone.now()
    ContactRequest.objects.create(
        organisation=odense_project,
        topic="other",
        text="gammel",
        status="answered",
        handled_at=now - timedelta(days=400),
    )
    ContactRequest.objects.create(organisation=odense_project, topic="other", text="ny")
    assert purge_contact_requests(now) == {"contact_requests": 1}
    assert ContactRequest.objects.get().text == "ny"


def test_a_municipality_that_is_not_the_organisations_is_refused(client, odense_project):
    form = {
        "topic": "other",
        "text": "Hej",
        "reach": "a@example.org",
        "municipality": municipality("Aalborg").pk,
    }
    answer = client.post(url(odense_project), form)
    assert answer.status_code == 200 and not ContactRequest.objects.exists()
