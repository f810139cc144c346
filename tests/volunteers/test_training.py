"""Training: coordinators of the organisation run programmes (modules, enrolment,
attendance, completion); where the organisation requires it, only peer guides who completed
a qualifying training are suggested or proposed as guides, go along in følgeskab or lead
courses, and the rest see what they still need."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from ligesind.accounts.models import Role
from ligesind.activities import services as activities
from ligesind.activities.models import CourseTemplate
from ligesind.core.errors import DomainError, NotAllowed
from ligesind.matching import services as matching
from ligesind.matching.models import Hope
from ligesind.volunteers import services
from ligesind.volunteers.models import ModuleAttendance
from ligesind.volunteers.training import is_qualified_guide, still_needed
from tests.factories import make_organisation, make_staff, municipality
from tests.matching.conftest import category, person, prefs


@pytest.fixture
def walks():
    from ligesind.accounts.models import Interest

    return Interest.objects.order_by("pk").first()


@pytest.fixture
def world(admin_user, walks):
    project = make_organisation("Peer to Peer Odense", "p2p-odense", "Odense")
    other = make_organisation("Peer-Partnerskabet", "partnerskabet", "Odense")
    guide = make_staff(
        Role.PEER_GUIDE,
        "Odense",
        admin=admin_user,
        organisations=[project],
        alias="Guide",
        experiences={category().pk: "affected"},
        municipality=municipality("Odense"),
    )
    prefs(guide, offers_support=True, capacity=2, topics=[walks])
    coordinator = make_staff(
        Role.COORDINATOR, "Odense", admin=admin_user, alias="Koordinator", organisations=[project]
    )
    outsider = make_staff(
        Role.COORDINATOR, "Odense", admin=admin_user, alias="Anden", organisations=[other]
    )
    programme = services.create_training(
        actor=coordinator,
        organisation=project,
        name="Peerguide-uddannelsen",
        description="Fire moduler",
        qualifies=True,
    )
    return {
        "project": project,
        "guide": guide,
        "coordinator": coordinator,
        "outsider": outsider,
        "programme": programme,
    }


def require(organisation):
    organisation.requires_training = True
    organisation.save(update_fields=["requires_training"])


def test_only_the_organisations_coordinators_run_its_training(world, client):
    with pytest.raises(NotAllowed):
        services.enrol_in_training(
            actor=world["outsider"], programme=world["programme"], volunteer=world["guide"]
        )
    client.force_login(world["outsider"])
    url = reverse("volunteers:training", args=[world["programme"].pk])
    assert client.get(url).status_code == 404
    listing = client.get(reverse("volunteers:trainings")).content.decode()
    assert "Ingen uddannelse endnu." in listing  # the other organisation's is not listed
    client.force_login(world["coordinator"])
    assert client.get(url).status_code == 200


def test_modules_attendance_and_completion_through_the_page(world, client):
    client.force_login(world["coordinator"])
    url = reverse("volunteers:training", args=[world["programme"].pk])
    day = (timezone.localdate() + timedelta(days=14)).isoformat()
    client.post(
        url,
        {
            "action": "module",
            "title": "Modul 1",
            "day": day,
            "start": "17:00",
            "place": "Biblioteket",
        },
    )
    client.post(url, {"action": "enrol", "alias": "Guide"})
    answer = client.post(url, {"action": "enrol", "alias": "Findes ikke"})
    assert (
        'class="error-summary"' in answer.content.decode()
        or "Findes ikke" in answer.content.decode()
    )
    module = world["programme"].modules.get()
    client.post(url, {"action": "attendance", "module": module.pk, "present": [world["guide"].pk]})
    assert ModuleAttendance.objects.get(volunteer=world["guide"]).present
    enrolment = world["programme"].enrolments.get()
    client.post(url, {"action": "complete", "enrolment": enrolment.pk})
    enrolment.refresh_from_db()
    assert enrolment.completed_at is not None


def test_the_gate_keeps_untrained_guides_out_until_they_complete(world, walks):
    guide, project = world["guide"], world["project"]
    seeker = person("Søger", seeking=True, hope=Hope.GUIDE, topics=[walks])
    assert is_qualified_guide(guide)  # no requirement yet
    require(project)
    assert not is_qualified_guide(guide)
    assert [p.name for p in still_needed(guide)] == ["Peerguide-uddannelsen"]
    assert matching.available_guides(world["coordinator"]) == []
    assert guide.pk not in [s.user.pk for s in matching.suggestions(seeker)]
    with pytest.raises(DomainError):
        matching.send_proposal(actor=world["coordinator"], seeker=seeker, guide=guide)
    item = activities.request_accompaniment(
        actor=seeker,
        municipality=municipality("Odense"),
        what="Lægebesøg",
        where="Sygehuset",
        when=timezone.now() + timedelta(days=2),
        organisation=project,
    )
    assert not activities.can_accompany(guide, item)
    with pytest.raises(DomainError):
        activities.create_course_run(
            actor=world["coordinator"],
            template=CourseTemplate.objects.get(name="Vejen til hverdagslivet"),
            municipality=municipality("Odense"),
            place="Biblioteket",
            first_session_at=timezone.now() + timedelta(days=7),
            leaders=[guide],
            organisation=project,
        )
    enrolment = services.enrol_in_training(
        actor=world["coordinator"], programme=world["programme"], volunteer=guide
    )
    services.complete_training(actor=world["coordinator"], enrolment=enrolment)
    assert is_qualified_guide(guide) and still_needed(guide) == []
    assert [g.user_id for g in matching.available_guides(world["coordinator"])] == [guide.pk]
    assert guide.pk in [s.user.pk for s in matching.suggestions(seeker)]
    assert activities.can_accompany(guide, item)


def test_the_volunteer_sees_what_they_still_need(world, client):
    require(world["project"])
    client.force_login(world["guide"])
    page = client.get(reverse("volunteers:start")).content.decode()
    assert "Peerguide-uddannelsen" in page
