"""Courses: ten sessions as dates, enrolment with a waiting list, attendance and completion."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from ligesind.activities import permissions, services
from ligesind.activities.models import EnrolmentStatus
from ligesind.core.errors import DomainError, NotAllowed
from ligesind.core.models import Notification
from ligesind.messaging.models import Participant
from tests.factories import UserFactory, municipality

CPH = ZoneInfo("Europe/Copenhagen")


def test_a_run_has_ten_weekly_sessions_of_two_hours_at_the_same_local_time(
    coordinator, guide, template
):
    first = datetime(2027, 3, 2, 17, 0, tzinfo=CPH)  # the clocks change on 28 March
    run = services.create_course_run(
        actor=coordinator,
        template=template,
        municipality=municipality("Odense"),
        place="Frivilligcenteret",
        first_session_at=first,
        leaders=[guide],
    )
    sessions = list(run.sessions.all())
    assert [s.number for s in sessions] == list(range(1, 11))
    local = [s.starts_at.astimezone(CPH) for s in sessions]
    assert {(t.hour, t.minute, t.weekday()) for t in local} == {(17, 0, 1)}
    assert {s.ends_at - s.starts_at for s in sessions} == {timedelta(hours=2)}
    assert run.capacity == 10


def test_only_coordinators_of_the_municipality_plan_courses(
    far_coordinator, member, guide, template
):
    for actor in (far_coordinator, member, guide):
        with pytest.raises(NotAllowed):
            services.create_course_run(
                actor=actor,
                template=template,
                municipality=municipality("Odense"),
                place="X",
                first_session_at=timezone.now() + timedelta(days=3),
                leaders=[guide],
            )


def test_leaders_must_be_volunteers(coordinator, member, template):
    with pytest.raises(DomainError, match="peerguider"):
        services.create_course_run(
            actor=coordinator,
            template=template,
            municipality=municipality("Odense"),
            place="X",
            first_session_at=timezone.now() + timedelta(days=3),
            leaders=[member],
        )


def test_enrol_waiting_list_and_promotion_into_the_course_conversation(run, guide):
    a, b, c = UserFactory.create_batch(3)
    assert services.enrol(actor=a, run=run).status == EnrolmentStatus.ENROLLED
    assert services.enrol(actor=b, run=run).status == EnrolmentStatus.ENROLLED
    assert services.enrol(actor=c, run=run).status == EnrolmentStatus.WAITING
    run.refresh_from_db()
    members = set(
        Participant.objects.filter(conversation=run.conversation).values_list("user_id", flat=True)
    )
    assert members == {guide.pk, a.pk, b.pk}
    promoted = services.withdraw(actor=a, run=run)
    assert promoted is not None and promoted.user_id == c.pk
    members = set(
        Participant.objects.filter(conversation=run.conversation).values_list("user_id", flat=True)
    )
    assert members == {guide.pk, b.pk, c.pk}
    assert Notification.objects.filter(recipient=c, kind="course_place_free").exists()
    with pytest.raises(DomainError):
        services.withdraw(actor=a, run=run)
    with pytest.raises(NotAllowed):
        services.enrol(actor=guide, run=run)  # leaders lead; they do not enrol


def test_completion_rule_is_seven_of_ten(run, guide, member, other):
    services.enrol(actor=member, run=run)
    services.enrol(actor=other, run=run)
    sessions = list(run.sessions.all())
    for session in sessions[:7]:
        services.record_session_attendance(actor=guide, session=session, present_ids={member.pk})
    for session in sessions[7:]:
        services.record_session_attendance(
            actor=guide, session=session, present_ids={member.pk, other.pk}
        )
    counts = services.attended_counts(run)
    assert counts == {member.pk: 10, other.pk: 3}
    assert services.has_completed(run, counts[member.pk])
    assert not services.has_completed(run, counts[other.pk])
    assert services.has_completed(run, 7) and not services.has_completed(run, 6)
    with pytest.raises(NotAllowed):
        services.record_session_attendance(actor=member, session=sessions[0], present_ids=set())


def test_leaders_notes_are_encrypted_and_only_for_leaders_and_coordinators(
    run, guide, coordinator, far_coordinator, member, admin_user
):
    from django.db import connection

    session = run.sessions.first()
    services.save_session_notes(actor=guide, session=session, notes="Gruppen var stille i dag.")
    with connection.cursor() as cursor:
        cursor.execute("SELECT notes FROM activities_coursesession WHERE id = %s", [session.pk])
        assert "stille" not in cursor.fetchone()[0]
    assert permissions.can_read_session_notes(guide, run)
    assert permissions.can_read_session_notes(coordinator, run)
    for outsider in (far_coordinator, member, admin_user):
        assert not permissions.can_read_session_notes(outsider, run)
    with pytest.raises(NotAllowed):
        services.save_session_notes(actor=coordinator, session=session, notes="x")


def test_moving_a_session_tells_participants(run, coordinator, guide, member):
    services.enrol(actor=member, run=run)
    session = run.sessions.get(number=3)
    new_time = timezone.now() + timedelta(days=40)
    services.move_session(actor=coordinator, session=session, starts_at=new_time)
    session.refresh_from_db()
    assert session.ends_at - session.starts_at == timedelta(hours=2)
    for person in (member, guide):
        assert Notification.objects.filter(recipient=person, kind="course_session_moved").exists()
    with pytest.raises(NotAllowed):
        services.move_session(actor=guide, session=session, starts_at=new_time)


def test_session_reminders_the_day_before_once_and_again_after_a_move(
    run, coordinator, guide, member
):
    services.enrol(actor=member, run=run)
    first = run.sessions.get(number=1)
    day_before = first.starts_at - timedelta(hours=20)
    assert services.send_session_reminders(now=day_before) == 2  # participant and leader
    assert services.send_session_reminders(now=day_before) == 0
    reminder = Notification.objects.get(recipient=member, kind="course_session_reminder")
    assert reminder.params["number"] == "1"
    services.move_session(
        actor=coordinator, session=first, starts_at=first.starts_at + timedelta(hours=2)
    )
    assert services.send_session_reminders(now=day_before) == 2
