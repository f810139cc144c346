"""Hours and the volunteer record: filled in from what volunteers did on the platform (once
each, corrections kept), logged by hand with clear errors, the record and its PDF statement
read back, and the member's export."""

import io
import json
from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from ligesind.accounts.models import Role
from ligesind.activities import services as activities
from ligesind.activities.models import (
    Accompaniment,
    AccompanimentStatus,
    CourseSession,
    CourseTemplate,
)
from ligesind.core.errors import DomainError, NotAllowed
from ligesind.organisations.services import join_organisation
from ligesind.volunteers import services
from ligesind.volunteers.models import HoursKind, VolunteerHours
from tests.activities.conftest import activity_data
from tests.factories import UserFactory, make_organisation, make_staff, municipality


@pytest.fixture
def world(admin_user):
    project = make_organisation("Peer to Peer Odense", "p2p-odense", "Odense")
    guide = make_staff(
        Role.PEER_GUIDE, "Odense", admin=admin_user, organisations=[project], alias="Guide"
    )
    coordinator = make_staff(
        Role.COORDINATOR, "Odense", admin=admin_user, organisations=[project], alias="Koord"
    )
    join_organisation(actor=guide, organisation=project)
    return {"project": project, "guide": guide, "coordinator": coordinator}


def _log(user, **changes):
    fields: dict[str, Any] = {
        "kind": HoursKind.SUPERVISION,
        "on": timezone.localdate(),
        "hours": Decimal("2"),
    }
    fields.update(changes)
    return services.log_hours(actor=user, data=services.HoursData(**fields))


def test_hours_are_filled_in_from_the_platform_once_each(world):
    guide, project = world["guide"], world["project"]
    starts = timezone.now() + timedelta(days=3)
    activity = activities.create_activity(
        actor=guide,
        data=activity_data(
            organisation=project, starts_at=starts, ends_at=starts + timedelta(minutes=110)
        ),
    )[0]
    member = UserFactory.create()
    accompaniment = Accompaniment.objects.create(
        member=member,
        municipality=municipality("Odense"),
        organisation=project,
        what="Lægen",
        where="Odense",
        when=timezone.now() - timedelta(days=2),
        volunteer=guide,
        status=AccompanimentStatus.DONE,
        hours=Decimal("2.5"),
    )
    later = timezone.now() + timedelta(days=5)

    assert services.fill_in_hours(now=later) == 2
    rows = {h.source: h for h in VolunteerHours.objects.filter(volunteer=guide)}
    assert rows[f"activity:{activity.pk}"].hours == Decimal("2")  # to the nearest half hour
    assert rows[f"activity:{activity.pk}"].kind == HoursKind.ACTIVITY
    assert rows[f"activity:{activity.pk}"].organisation == project
    assert rows[f"accompaniment:{accompaniment.pk}"].hours == Decimal("2.5")

    entry = rows[f"activity:{activity.pk}"]
    services.change_hours(actor=guide, entry=entry, hours=Decimal("3"), note="Også oprydning")
    assert services.fill_in_hours(now=later) == 0
    entry.refresh_from_db()
    assert entry.hours == Decimal("3") and entry.note == "Også oprydning"


def test_only_what_took_place_and_only_volunteers_count(world):
    guide = world["guide"]
    cancelled = activities.create_activity(actor=guide, data=activity_data())[0]
    activities.cancel_activity(actor=guide, activity=cancelled)
    activities.create_activity(actor=guide, data=activity_data(title="Endnu ikke"))
    assert services.fill_in_hours() == 0  # one cancelled, one in the future
    assert not VolunteerHours.objects.exists()


def test_course_sessions_led_and_training_attended_are_filled_in(world):
    guide, coordinator, project = world["guide"], world["coordinator"], world["project"]
    template = CourseTemplate.objects.create(name="To aftener", sessions=2)
    run = activities.create_course_run(
        actor=coordinator,
        template=template,
        municipality=municipality("Odense"),
        place="Biblioteket",
        first_session_at=timezone.now() + timedelta(days=1),
        leaders=[guide],
        organisation=project,
    )
    programme = services.create_training(
        actor=coordinator, organisation=project, name="Uddannelsen", description="", qualifies=True
    )
    module = services.add_training_module(
        actor=coordinator,
        programme=programme,
        title="Modul 1",
        starts_at=timezone.now() + timedelta(days=2),
        place="Frivilligcenteret",
        hours=Decimal("2.5"),
    )
    services.enrol_in_training(actor=coordinator, programme=programme, volunteer=guide)
    services.record_module_attendance(actor=coordinator, module=module, present=[guide.pk])

    assert services.fill_in_hours(now=timezone.now() + timedelta(days=30)) == 3
    kinds = sorted(
        VolunteerHours.objects.filter(volunteer=guide).values_list("kind", "hours", "source")
    )
    first, second = CourseSession.objects.filter(run=run).order_by("number")
    assert kinds == [
        ("course", Decimal("2"), f"course:{first.pk}"),
        ("course", Decimal("2"), f"course:{second.pk}"),
        ("training", Decimal("2.5"), f"training:{module.pk}"),
    ]


def test_logging_hours_refuses_what_cannot_be(world):
    guide = world["guide"]
    with pytest.raises(NotAllowed):
        _log(UserFactory())
    with pytest.raises(DomainError):
        _log(guide, hours=Decimal("25"))
    with pytest.raises(DomainError):
        _log(guide, on=timezone.localdate() + timedelta(days=1))
    entry = _log(guide)
    with pytest.raises(NotAllowed):
        services.change_hours(actor=world["coordinator"], entry=entry, hours=Decimal("1"), note="")


def test_filled_in_hours_are_corrected_not_deleted(world):
    guide = world["guide"]
    entry = VolunteerHours.objects.create(
        volunteer=guide,
        kind=HoursKind.ACTIVITY,
        on=timezone.localdate(),
        hours=Decimal("2"),
        source="activity:999",
    )
    with pytest.raises(NotAllowed):
        services.delete_hours(actor=guide, entry=entry)
    own = _log(guide)
    services.delete_hours(actor=guide, entry=own)
    assert not VolunteerHours.objects.filter(pk=own.pk).exists()


def test_hours_page_for_volunteers_only(client, world):
    client.force_login(UserFactory())
    assert client.get(reverse("volunteers:hours")).status_code == 404
    client.force_login(world["guide"])
    page = client.get(reverse("volunteers:hours"))
    assert page.status_code == 200
    assert "Skriv timer ind" in page.content.decode()


def test_a_volunteer_logs_hours_and_a_bad_value_keeps_what_they_wrote(client, world):
    client.force_login(world["guide"])
    url = reverse("volunteers:hours")
    day = timezone.localdate().isoformat()
    bad = client.post(url, {"kind": "talk", "on": day, "hours": "30", "note": "Oplæg på VUC"})
    assert bad.status_code == 200
    text = bad.content.decode()
    assert "mellem 0,5 og 24" in text or "between 0.5 and 24" in text
    assert "Oplæg på VUC" in text
    assert not VolunteerHours.objects.exists()
    good = client.post(url, {"kind": "talk", "on": day, "hours": "1.5", "note": "Oplæg på VUC"})
    assert good.status_code == 302
    entry = VolunteerHours.objects.get()
    assert (entry.kind, entry.hours, entry.volunteer) == ("talk", Decimal("1.5"), world["guide"])


def test_only_the_volunteer_opens_an_entry(client, world):
    entry = _log(world["guide"])
    url = reverse("volunteers:hours_entry", args=[entry.pk])
    client.force_login(world["coordinator"])
    assert client.get(url).status_code == 404
    assert client.post(url, {"action": "delete"}).status_code == 404
    client.force_login(world["guide"])
    assert client.post(url, {"action": "change", "hours": "3.5", "note": ""}).status_code == 302
    entry.refresh_from_db()
    assert entry.hours == Decimal("3.5")


def test_the_hours_page_asks_the_same_number_of_queries_for_many_entries(
    client, world, django_assert_max_num_queries
):
    guide = world["guide"]
    for days in range(3):
        _log(guide, on=timezone.localdate() - timedelta(days=days))
    client.force_login(guide)
    client.get(reverse("volunteers:hours"))
    with django_assert_max_num_queries(14) as few:
        client.get(reverse("volunteers:hours"))
    for days in range(3, 40):
        _log(guide, on=timezone.localdate() - timedelta(days=days))
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("volunteers:hours"))


def test_the_record_and_its_statement(client, world):
    guide, coordinator, project = world["guide"], world["coordinator"], world["project"]
    programme = services.create_training(
        actor=coordinator, organisation=project, name="Uddannelsen", description="", qualifies=True
    )
    enrolment = services.enrol_in_training(actor=coordinator, programme=programme, volunteer=guide)
    services.complete_training(actor=coordinator, enrolment=enrolment)
    _log(guide, hours=Decimal("2"))
    _log(guide, kind=HoursKind.MATCH, hours=Decimal("1.5"))
    client.force_login(guide)
    page = client.get(reverse("volunteers:record")).content.decode()
    assert "Uddannelsen" in page and "3,5" in page

    missing = client.post(reverse("volunteers:record"), {"name": ""})
    assert missing.status_code == 200
    statement = client.post(reverse("volunteers:record"), {"name": "Jens Łukasz Hansen"})
    assert statement["Content-Type"] == "application/pdf"
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(statement.content)).pages)
    assert "Jens Lukasz Hansen" in text  # letters outside the PDF's fonts lose their accent
    assert "Uddannelsen" in text and "Peer to Peer Odense" in text
    assert "3,5" in text


def test_a_member_without_a_record_is_told_how_to_start(client):
    client.force_login(UserFactory())
    page = client.get(reverse("volunteers:record"))
    assert page.status_code == 200
    assert reverse("volunteers:start") in page.content.decode()


def test_the_export_has_the_hours(client, world):
    _log(world["guide"], note="Supervision")
    client.force_login(world["guide"])
    data = json.loads(client.get(reverse("accounts:export_json")).content)
    hours = data["volunteers"]["volunteer_hours"]
    assert hours[0]["hours"] == "2.0" and hours[0]["note"] == "Supervision"
