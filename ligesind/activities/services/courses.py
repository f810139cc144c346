"""Courses: runs with generated sessions, enrolment with a waiting list, attendance, notes."""

from collections.abc import Sequence
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ligesind.accounts.models import User
from ligesind.core.errors import DomainError, NotAllowed
from ligesind.core.models import Municipality
from ligesind.core.services import notify
from ligesind.core.text_hooks import text_accepted
from ligesind.messaging import services as messaging
from ligesind.messaging.models import ConversationKind
from ligesind.organisations.models import Organisation
from ligesind.organisations.services import works_in

from .. import permissions
from ..models import Attendance, CourseRun, CourseSession, CourseTemplate, Enrolment
from ..models import EnrolmentStatus as Status
from .times import repeat_times


def _url(run: CourseRun) -> str:
    return reverse("activities:course", args=[run.pk])


@transaction.atomic
def create_course_run(
    *,
    actor: User,
    template: CourseTemplate,
    municipality: Municipality,
    place: str,
    first_session_at: datetime,
    leaders: Sequence[User],
    capacity: int = 10,
    organisation: Organisation | None = None,
) -> CourseRun:
    """A run of the course in a municipality, with all its sessions as dates, held by an
    organisation that works there (its coordinators there plan it)."""
    if not permissions.can_plan_course_in(
        actor, municipality.pk, organisation.pk if organisation else None
    ):
        raise NotAllowed(_("Only the municipality's coordinators plan its courses."))
    if organisation is None and permissions.must_name_organisation(actor):
        raise DomainError(_("Choose the organisation the course belongs to."))
    if organisation is not None and not works_in(organisation, municipality):
        raise DomainError(
            _("%(organisation)s does not work in %(municipality)s.")
            % {"organisation": organisation.name, "municipality": municipality.name}
        )
    if first_session_at <= timezone.now():
        raise DomainError(_("The first session must be in the future."))
    if not leaders or not all(permissions.is_volunteer(leader) for leader in leaders):
        raise DomainError(_("A course is led by one or more peer guides or coordinators."))
    if not all(permissions.may_lead(leader) for leader in leaders):
        raise DomainError(_("A peer guide leads courses once they have completed the training."))
    if not 1 <= capacity <= 20:
        raise DomainError(_("A course has from 1 to 20 places."))
    run = CourseRun.objects.create(
        template=template,
        municipality=municipality,
        organisation=organisation,
        place=place.strip(),
        capacity=capacity,
    )
    run.leaders.set(leaders)
    first_end = first_session_at + timedelta(minutes=template.session_minutes)
    times = repeat_times(
        first_session_at, first_end, count=template.sessions, days=template.interval_days
    )
    CourseSession.objects.bulk_create(
        CourseSession(run=run, number=n, starts_at=start, ends_at=end)
        for n, (start, end) in enumerate(times, start=1)
    )
    return run


def _participants(run: CourseRun) -> list[User]:
    return list(User.objects.filter(enrolments__run=run, enrolments__status=Status.ENROLLED))


@transaction.atomic
def move_session(*, actor: User, session: CourseSession, starts_at: datetime) -> CourseSession:
    run = session.run
    if not permissions.can_move_session(actor, run):
        raise NotAllowed(_("Only the municipality's coordinators move course sessions."))
    if starts_at <= timezone.now():
        raise DomainError(_("A session can only be moved to a time in the future."))
    session.starts_at = starts_at
    session.ends_at = starts_at + timedelta(minutes=run.template.session_minutes)
    session.reminded_at = None  # remind again before the new time
    session.save(update_fields=["starts_at", "ends_at", "reminded_at"])
    for person in [*_participants(run), *run.leaders.all()]:
        notify(
            person,
            "course_session_moved",
            params={"title": run.template.name, "number": str(session.number)},
            url=_url(run),
        )
    return session


def _join_conversation(run: CourseRun, user: User) -> None:
    """Participants and leaders share one course group conversation."""
    if run.conversation is None:
        people = [*run.leaders.all(), user]
        if len({p.pk for p in people}) < 2:
            return
        run.conversation = messaging.open_conversation(
            people=people, kind=ConversationKind.COURSE, title=run.template.name
        )
        run.save(update_fields=["conversation"])
    else:
        messaging.add_participant(conversation=run.conversation, user=user)


@transaction.atomic
def enrol(*, actor: User, run: CourseRun) -> Enrolment:
    """A place if there is one, otherwise the waiting list (the run is locked while counting)."""
    locked = CourseRun.objects.select_for_update().get(pk=run.pk)
    if not permissions.can_enrol(actor, locked):
        raise NotAllowed(_("You cannot enrol in this course."))
    if not locked.sessions.filter(starts_at__gt=timezone.now()).exists():
        raise DomainError(_("This course is over."))
    enrolment = Enrolment.objects.filter(run=locked, user=actor).first()
    if enrolment and enrolment.status != Status.WITHDRAWN:
        return enrolment
    taken = locked.enrolments.filter(status=Status.ENROLLED).count()
    status = Status.ENROLLED if taken < locked.capacity else Status.WAITING
    if enrolment is None:
        enrolment = Enrolment.objects.create(run=locked, user=actor, status=status)
    else:
        enrolment.status, enrolment.created_at = status, timezone.now()
        enrolment.save(update_fields=["status", "created_at"])
    if status == Status.ENROLLED:
        _join_conversation(locked, actor)
    return enrolment


@transaction.atomic
def withdraw(*, actor: User, run: CourseRun) -> Enrolment | None:
    """Leave the course or its waiting list. Returns the enrolment promoted into the place."""
    locked = CourseRun.objects.select_for_update().get(pk=run.pk)
    enrolment = Enrolment.objects.filter(
        run=locked, user=actor, status__in=[Status.ENROLLED, Status.WAITING]
    ).first()
    if enrolment is None:
        raise DomainError(_("You are not enrolled in this course."))
    had_place = enrolment.status == Status.ENROLLED
    enrolment.status = Status.WITHDRAWN
    enrolment.save(update_fields=["status"])
    if locked.conversation is not None and had_place:
        messaging.remove_participant(conversation=locked.conversation, user=actor)
    if not had_place:
        return None
    waiting = locked.enrolments.filter(status=Status.WAITING).select_related("user").first()
    if waiting is not None:
        waiting.status = Status.ENROLLED
        waiting.save(update_fields=["status"])
        _join_conversation(locked, waiting.user)
        notify(
            waiting.user, "course_place_free", params={"title": locked.template.name}, url=_url(run)
        )
    return waiting


@transaction.atomic
def record_session_attendance(*, actor: User, session: CourseSession, present_ids: set[int]) -> int:
    """Mark who came to a session; every enrolled participant not in ``present_ids`` was away."""
    if not permissions.can_take_attendance(actor, session.run):
        raise NotAllowed(_("Only the course leaders and coordinators register attendance."))
    participants = [user.pk for user in _participants(session.run)]
    for user_id in participants:
        Attendance.objects.update_or_create(
            session=session, user_id=user_id, defaults={"present": user_id in present_ids}
        )
    return len(present_ids & set(participants))


@transaction.atomic
def save_session_notes(*, actor: User, session: CourseSession, notes: str) -> CourseSession:
    if not permissions.leads_run(actor, session.run):
        raise NotAllowed(_("Only the course leaders write session notes."))
    session.notes = notes.strip()[:10000]
    session.save(update_fields=["notes"])
    if session.notes:
        text_accepted(author=actor, text=session.notes, where="course_notes")
    return session


@transaction.atomic
def send_session_reminders(*, now: datetime | None = None) -> int:
    """Remind participants and leaders, once, of a course session that starts within a day."""
    now = now or timezone.now()
    due = CourseSession.objects.select_for_update(of=("self",)).filter(
        reminded_at__isnull=True, starts_at__gt=now, starts_at__lte=now + timedelta(days=1)
    )
    sent = 0
    for session in due.select_related("run__template"):
        run = session.run
        for person in [*_participants(run), *run.leaders.all()]:
            notify(
                person,
                "course_session_reminder",
                params={
                    "title": run.template.name,
                    "number": str(session.number),
                    "time": timezone.localtime(session.starts_at).strftime("%d.%m. %H:%M"),
                },
                url=_url(run),
            )
            sent += 1
        session.reminded_at = now
        session.save(update_fields=["reminded_at"])
    return sent


def attended_counts(run: CourseRun) -> dict[int, int]:
    """How many sessions each participant came to."""
    rows = (
        Attendance.objects.filter(session__run=run)
        .values("user_id")
        .annotate(n=Count("pk", filter=Q(present=True)))
    )
    return {row["user_id"]: row["n"] for row in rows}


def has_completed(run: CourseRun, attended: int) -> bool:
    """The completion rule: at least ``completion_minimum`` of the sessions (default 7 of 10)."""
    return attended >= run.template.completion_minimum
