"""Becoming a volunteer: apply, screening by the municipality's coordinators of the
organisation (and nobody else), private notes, the decision, and the peer-guide role once
two-factor login is on."""

from datetime import timedelta

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from ligesind.accounts.models import Role
from ligesind.accounts.permissions import has_role, role_municipality_ids, role_organisation_ids
from ligesind.community.permissions import member_group_ids
from ligesind.core.errors import DomainError, NotAllowed
from ligesind.core.models import AccessLog, Notification
from ligesind.volunteers import permissions, services
from ligesind.volunteers.models import ApplicationNote
from tests.factories import make_organisation, make_staff, municipality, with_two_factor


@pytest.fixture
def world(admin_user):
    project = make_organisation("Peer to Peer Odense", "p2p-odense", "Odense")
    partnership = make_organisation("Peer-Partnerskabet", "partnerskabet", "Odense")

    def coordinator(alias, place, *organisations):
        return make_staff(
            Role.COORDINATOR, place, admin=admin_user, alias=alias, organisations=organisations
        )

    return {
        "project": project,
        "own": coordinator("Egen", "Odense", project),
        "other": coordinator("Anden", "Odense", partnership),
        "far": coordinator("Nord", "Aalborg"),
    }


def apply(member, organisation, **changes):
    data = {
        "organisation": organisation,
        "municipality": municipality("Odense"),
        "experience": "Jeg har selv haft en depression og kom igennem den.",
        "motivation": "Jeg vil gerne give noget videre.",
        "wishes": ["activities", "peermatch"],
        "availability": "Hverdagsaftener",
        **changes,
    }
    return services.apply_to_volunteer(actor=member, data=services.ApplicationData(**data))


def decide(actor, application, decision, **changes):
    return services.decide_application(
        actor=actor, application=application, decision=decision, **changes
    )


def test_an_application_reaches_the_organisations_coordinators_only(world, member):
    application = apply(member, world["project"])
    told = set(
        Notification.objects.filter(kind="volunteer_application").values_list(
            "recipient_id", flat=True
        )
    )
    assert told == {world["own"].pk}
    assert permissions.screens(world["own"], application)
    for outsider in ("other", "far"):
        assert not permissions.can_view_application(world[outsider], application)
    assert [a.pk for a in services.applications_to_screen(world["own"])] == [application.pk]
    assert list(services.applications_to_screen(world["other"])) == []


def test_bad_applications_are_refused_clearly(world, member):
    far = make_organisation("Nordjysk peer", "nord", "Aalborg")
    with pytest.raises(DomainError):
        apply(member, far)
    with pytest.raises(DomainError):
        apply(member, world["project"], experience="  ")
    with pytest.raises(DomainError):
        apply(member, world["project"], wishes=[])
    apply(member, world["project"])
    with pytest.raises(DomainError):
        apply(member, world["project"])  # one open application there at a time


def test_notes_are_encrypted_and_for_the_coordinators_of_that_organisation(
    world, member, admin_user
):
    application = apply(member, world["project"])
    services.add_application_note(
        actor=world["own"], application=application, text="God samtale, stille og klog"
    )
    assert ApplicationNote.objects.get().text == "God samtale, stille og klog"
    with connection.cursor() as cursor:
        cursor.execute("SELECT text FROM volunteers_applicationnote")
        assert "stille" not in cursor.fetchone()[0]
    for outsider in (world["other"], admin_user, member):
        assert not permissions.can_read_notes(outsider, application)
        with pytest.raises(NotAllowed):
            services.add_application_note(actor=outsider, application=application, text="x")


def test_approval_makes_a_peer_guide_once_two_factor_login_is_on(world, member):
    application = apply(member, world["project"])
    services.book_conversation(
        actor=world["own"],
        application=application,
        when=timezone.now() + timedelta(days=2),
        place="Frivilligcenteret",
    )
    with pytest.raises(NotAllowed):
        services.decide_application(
            actor=world["other"], application=application, decision="approved"
        )
    decide(world["own"], application, "approved")
    application.refresh_from_db()
    assert application.status == "approved" and application.role_granted_at is None
    assert not has_role(member, Role.PEER_GUIDE)
    with_two_factor(member)  # as turning it on in the security settings does
    services.start_approved(member)
    member.__dict__.pop("_ligesind_roles", None)
    assert has_role(member, Role.PEER_GUIDE)
    assert role_municipality_ids(member, Role.PEER_GUIDE) == {municipality("Odense").pk}
    assert role_organisation_ids(member, Role.PEER_GUIDE) == {world["project"].pk}
    assert member_group_ids(member)  # the municipality's volunteers' group
    assert Notification.objects.filter(recipient=member, kind="volunteer_decision").exists()


def test_a_no_needs_kind_words_and_not_now_a_date(world, member):
    application = apply(member, world["project"])
    with pytest.raises(DomainError):
        services.decide_application(
            actor=world["own"], application=application, decision="declined"
        )
    with pytest.raises(DomainError):
        decide(world["own"], application, "not_now")
    services.decide_application(
        actor=world["own"],
        application=application,
        decision="not_now",
        not_before=timezone.localdate() + timedelta(days=90),
        message="Kom gerne igen til foråret.",
    )
    with pytest.raises(DomainError):
        services.decide_application(
            actor=world["own"], application=application, decision="approved"
        )


def test_the_pages_for_applicant_coordinator_and_outsiders(client, world, member):
    client.force_login(member)
    answer = client.post(
        reverse("volunteers:apply"),
        {
            "organisation": world["project"].pk,
            "municipality": municipality("Odense").pk,
            "experience": "",
            "motivation": "Jeg vil gerne hjælpe.",
            "wishes": ["course"],
        },
    )
    page = answer.content.decode()
    assert answer.status_code == 200 and "Jeg vil gerne hjælpe." in page  # nothing lost
    application = apply(member, world["project"])
    url = reverse("volunteers:application", args=[application.pk])
    assert "Peer to Peer Odense" in client.get(reverse("volunteers:start")).content.decode()
    assert client.get(url).status_code == 200
    assert client.get(reverse("volunteers:queue")).status_code == 404
    for outsider in ("other", "far"):
        client.force_login(world[outsider])
        assert client.get(url).status_code == 404
    client.force_login(world["own"])
    page = client.get(url).content.decode()
    assert "depression" in page
    assert AccessLog.objects.filter(subject_id=member.pk).exists()  # in the applicant's log
    answer = client.post(url, {"action": "decide", "decision": "declined", "message": ""})
    assert 'class="error-summary"' in answer.content.decode()  # a clear error, nothing decided
    application.refresh_from_db()
    assert application.status == "new"
    client.post(url, {"action": "decide", "decision": "approved"}, follow=True)
    application.refresh_from_db()
    assert application.status == "approved"
    client.force_login(member)
    assert "to-faktor" in client.get(url).content.decode().lower()


def test_the_queue_asks_the_same_number_of_queries_for_many_applications(client, world):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories import UserFactory

    client.force_login(world["own"])

    def count() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("volunteers:queue")).status_code == 200
        return len(captured)

    apply(UserFactory.create(), world["project"])
    count()  # the first request of a session asks a little more
    few = count()
    for _ in range(8):
        apply(UserFactory.create(), world["project"])
    assert count() == few
