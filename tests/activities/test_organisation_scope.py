"""Courses and følgeskab belong to an organisation: its coordinators (and those acting for
every organisation) coordinate them; a coordinator of another organisation in the same
municipality sees nothing of them."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from ligesind.accounts.models import Role
from ligesind.activities import permissions, services
from ligesind.activities.models import Accompaniment
from ligesind.core.errors import DomainError, NotAllowed
from ligesind.core.models import Notification
from tests.factories import make_organisation, make_staff, municipality


@pytest.fixture
def partnership():
    return make_organisation("Peer-Partnerskabet", "partnerskabet", "Odense", "Fredericia")


@pytest.fixture
def project():
    return make_organisation(
        "Peer to Peer Odense", "p2p-odense", "Odense", kind="volunteer_project"
    )


@pytest.fixture
def people(admin_user, partnership, project):
    def staff(role, alias, *organisations):
        return make_staff(
            role, "Odense", admin=admin_user, alias=alias, organisations=organisations
        )

    return {
        "own": staff(Role.COORDINATOR, "Egen", partnership),
        "other": staff(Role.COORDINATOR, "Anden", project),
        "everywhere": staff(Role.COORDINATOR, "Alle"),
        "own_guide": staff(Role.PEER_GUIDE, "Guide", partnership),
        "other_guide": staff(Role.PEER_GUIDE, "Fremmed", project),
    }


def plan(actor, leaders, organisation):
    return services.create_course_run(
        actor=actor,
        template=_template(),
        municipality=municipality("Odense"),
        place="Biblioteket",
        first_session_at=timezone.now() + timedelta(days=7),
        leaders=leaders,
        organisation=organisation,
    )


def _template():
    from ligesind.activities.models import CourseTemplate

    return CourseTemplate.objects.get(name="Vejen til hverdagslivet")


def test_a_course_is_coordinated_by_its_own_organisation_only(people, partnership, admin_user):
    run = plan(people["own"], [people["own_guide"]], partnership)
    assert run.organisation == partnership
    for who in ("own", "everywhere"):
        assert permissions.coordinates_run(people[who], run)
        assert permissions.can_read_session_notes(people[who], run)
    assert permissions.coordinates_run(admin_user, run)
    assert not permissions.coordinates_run(people["other"], run)
    assert not permissions.can_read_session_notes(people["other"], run)
    assert not permissions.can_take_attendance(people["other"], run)


def test_a_scoped_coordinator_names_one_of_their_organisations(people, partnership, project):
    with pytest.raises(DomainError):
        plan(people["own"], [people["own_guide"]], None)
    with pytest.raises(NotAllowed):
        plan(people["own"], [people["own_guide"]], project)
    far = make_organisation("Nordjysk peer", "nord", "Aalborg")
    with pytest.raises(DomainError, match="Nordjysk peer"):
        plan(people["everywhere"], [people["own_guide"]], far)


def test_the_course_form_offers_only_the_coordinators_organisations(client, people, partnership):
    client.force_login(people["own"])
    page = client.get(reverse("activities:course_create")).content.decode()
    assert "Peer-Partnerskabet" in page and "Peer to Peer Odense" not in page
    assert "Fremmed" not in page  # the other organisation's peer guide cannot lead it
    form = {
        "template": _template().pk,
        "municipality": municipality("Odense").pk,
        "place": "Biblioteket",
        "day": (timezone.localdate() + timedelta(days=7)).isoformat(),
        "start": "17:00",
        "capacity": 8,
        "leaders": [people["own_guide"].pk],
    }
    answer = client.post(reverse("activities:course_create"), form)
    assert answer.status_code == 200  # the organisation is missing: nothing is lost
    assert "Biblioteket" in answer.content.decode()
    answer = client.post(
        reverse("activities:course_create"), {**form, "organisation": partnership.pk}
    )
    assert answer.status_code == 302


def ask(member, organisation):
    return services.request_accompaniment(
        actor=member,
        municipality=municipality("Odense"),
        what="Lægebesøg",
        where="Sygehuset",
        when=timezone.now() + timedelta(days=2),
        organisation=organisation,
    )


def test_accompaniment_for_an_organisation_reaches_its_coordinators_only(
    people, partnership, member, client
):
    item = ask(member, partnership)
    told = set(
        Notification.objects.filter(kind="accompaniment_requested").values_list(
            "recipient_id", flat=True
        )
    )
    assert told == {people["own"].pk, people["everywhere"].pk}
    assert permissions.coordinates_accompaniment(people["own"], item)
    assert not permissions.can_view_accompaniment(people["other"], item)
    assert permissions.can_offer_accompaniment(people["own_guide"], item)
    assert not permissions.can_offer_accompaniment(people["other_guide"], item)
    assert services.can_accompany(people["own_guide"], item)
    assert not services.can_accompany(people["other_guide"], item)
    client.force_login(people["other"])
    assert client.get(reverse("activities:accompaniment", args=[item.pk])).status_code == 404
    assert "Sygehuset" not in client.get(reverse("activities:accompaniments")).content.decode()
    client.force_login(people["own"])
    page = client.get(reverse("activities:accompaniment", args=[item.pk])).content.decode()
    assert "Peer-Partnerskabet" in page and "Guide" in page and "Fremmed" not in page


def test_asking_an_organisation_that_does_not_work_there_keeps_the_request(client, member):
    far = make_organisation("Nordjysk peer", "nord", "Aalborg")
    client.force_login(member)
    answer = client.post(
        reverse("activities:accompaniment_new"),
        {
            "municipality": municipality("Odense").pk,
            "organisation": far.pk,
            "what": "Første gang i svømmehallen",
            "where": "Svømmehallen",
            "day": (timezone.localdate() + timedelta(days=3)).isoformat(),
            "start": "10:00",
        },
    )
    page = answer.content.decode()
    assert answer.status_code == 200
    assert "Nordjysk peer" in page and "Første gang i svømmehallen" in page
    assert not Accompaniment.objects.exists()
