"""Activities and meetings: create, change, cancel, sign up with a waiting list, attendance."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ligesind.accounts.models import Interest, User
from ligesind.accounts.permissions import blocked_user_ids
from ligesind.community.models import Group
from ligesind.core.errors import DomainError, NotAllowed
from ligesind.core.models import Municipality
from ligesind.core.services import notify
from ligesind.core.text_hooks import text_accepted
from ligesind.organisations.models import Organisation, Place

from .. import permissions
from ..models import LONGEST, Activity, Audience, Recurrence, Signup, SignupStatus
from .times import repeat_times

MAX_OCCURRENCES = 26
STEP_DAYS = {Recurrence.WEEKLY: 7, Recurrence.FORTNIGHTLY: 14}


@dataclass(frozen=True)
class ActivityData:
    kind: str
    title: str
    starts_at: datetime
    ends_at: datetime
    audience: str
    description: str = ""
    online: bool = False
    municipality: Municipality | None = None
    place: str = ""
    meeting_link: str = ""
    capacity: int | None = None
    recurrence: str = Recurrence.NONE
    occurrences: int = 1
    group: Group | None = None  # a group's own event, for its members only
    organisation: Organisation | None = None  # whose activity it is
    interests: tuple[Interest, ...] = ()  # what it is about, for people choosing by interest
    venue: Place | None = None  # one of the organisation's places


def _validate(data: ActivityData, actor: User, kept: Organisation | None = None) -> None:
    chosen = data.organisation
    if (
        chosen is not None
        and chosen != kept
        and not permissions.can_plan_for_organisation(actor, chosen)
    ):
        raise NotAllowed(_("You can only plan activities for an organisation you belong to."))
    if (data.group is None) == (data.audience == Audience.GROUP):
        raise DomainError(_("Only a group's own events are for the group's members."))
    if data.ends_at <= data.starts_at:
        raise DomainError(_("The activity must end after it starts."))
    if data.ends_at - data.starts_at > LONGEST:
        raise DomainError(_("An activity can last at most 24 hours."))
    if not data.online and (data.municipality is None or not data.place.strip()):
        raise DomainError(_("An activity in a place needs a municipality and an address."))
    if data.venue is not None and (
        data.organisation is None or data.venue.organisation_id != data.organisation.pk
    ):
        raise DomainError(_("Choose one of the places of the activity's organisation."))
    if data.capacity is not None and data.capacity < 1:
        raise DomainError(_("The number of places must be at least 1, or empty for no limit."))


def _url(activity: Activity) -> str:
    return reverse("activities:detail", args=[activity.pk])


def _fields(data: ActivityData) -> dict[str, object]:
    return {
        "kind": data.kind,
        "title": data.title.strip(),
        "description": data.description.strip(),
        "online": data.online,
        "municipality": data.municipality,
        "place": "" if data.online else data.place.strip(),
        "venue": None if data.online else data.venue,
        "meeting_link": data.meeting_link if data.online else "",
        "capacity": data.capacity,
        "audience": data.audience,
        "group": data.group,
        "organisation": data.organisation,
    }


@transaction.atomic
def create_activity(*, actor: User, data: ActivityData) -> list[Activity]:
    """One activity, or a weekly/fortnightly series of ``occurrences`` at the same local time."""
    if data.group is not None:
        if not permissions.can_create_group_activity(actor, data.group):
            raise NotAllowed(_("Only the group's moderators can plan its events."))
    elif not permissions.can_create_activity(actor):
        raise NotAllowed(_("Only peer guides and coordinators can create activities."))
    _validate(data, actor)
    if data.starts_at <= timezone.now():
        raise DomainError(_("The activity must start in the future."))
    count = 1 if data.recurrence == Recurrence.NONE else data.occurrences
    if not 1 <= count <= MAX_OCCURRENCES:
        raise DomainError(_("A series can have from 1 to 26 occurrences."))
    step = STEP_DAYS.get(Recurrence(data.recurrence), 7)
    fields = _fields(data)
    created = [
        Activity(
            organiser=actor,
            recurrence=data.recurrence,
            starts_at=start,
            ends_at=end,
            **fields,
        )
        for start, end in repeat_times(data.starts_at, data.ends_at, count=count, days=step)
    ]
    for activity in created:
        activity.series = created[0].series
    Activity.objects.bulk_create(created)
    series = list(Activity.objects.filter(series=created[0].series))
    Activity.interests.through.objects.bulk_create(
        [
            Activity.interests.through(activity_id=activity.pk, interest_id=interest.pk)
            for activity in series
            for interest in data.interests
        ]
    )
    text_accepted(author=actor, text=f"{data.title}\n{data.description}", where="activity")
    if data.group is not None:
        _tell_group(actor, data.group, created[0])
    return series


def _tell_group(actor: User, group: Group, activity: Activity) -> None:
    """The group's members hear of a new event (not its organiser, not people with a block)."""
    from ligesind.community.services import group_member_ids

    blocked = blocked_user_ids(actor)
    for user in User.objects.filter(pk__in=group_member_ids(group) - {actor.pk} - blocked):
        notify(user, "group_event", params={"group": group.name}, url=_url(activity))


def _people(activity: Activity) -> list[int]:
    return list(
        activity.signups.exclude(status=SignupStatus.CANCELLED).values_list("user_id", flat=True)
    )


def _tell(user_ids: Iterable[int], kind: str, activity: Activity) -> None:
    for user in User.objects.filter(pk__in=list(user_ids)):
        notify(user, kind, params={"title": activity.title}, url=_url(activity))


@transaction.atomic
def update_activity(*, actor: User, activity: Activity, data: ActivityData) -> Activity:
    """Change one occurrence. Everyone signed up or waiting is told."""
    locked = Activity.objects.select_for_update().get(pk=activity.pk)
    if not permissions.can_manage_activity(actor, locked):
        raise NotAllowed(_("You cannot change this activity."))
    if locked.is_cancelled:
        raise DomainError(_("This activity is cancelled and cannot be changed."))
    _validate(data, actor, kept=locked.organisation)
    confirmed = locked.signups.filter(status=SignupStatus.CONFIRMED).count()
    if data.capacity is not None and data.capacity < confirmed:
        raise DomainError(
            _("%(count)s people are already signed up. The places cannot be fewer than that.")
            % {"count": confirmed}
        )
    for name, value in _fields(data).items():
        setattr(locked, name, value)
    if locked.starts_at != data.starts_at:
        locked.signups.update(reminded_at=None)  # remind again before the new time
    locked.starts_at, locked.ends_at = data.starts_at, data.ends_at
    locked.save()
    locked.interests.set(data.interests)
    text_accepted(author=actor, text=f"{data.title}\n{data.description}", where="activity")
    _tell(_people(locked), "activity_changed", locked)
    _promote(locked)
    return locked


def _cancel(activity: Activity) -> None:
    if not activity.is_cancelled:
        activity.cancelled_at = timezone.now()
        activity.save(update_fields=["cancelled_at"])
        _tell(_people(activity), "activity_cancelled", activity)


@transaction.atomic
def cancel_activity(*, actor: User, activity: Activity) -> Activity:
    locked = Activity.objects.select_for_update().get(pk=activity.pk)
    if not permissions.can_manage_activity(actor, locked):
        raise NotAllowed(_("You cannot cancel this activity."))
    _cancel(locked)
    return locked


@transaction.atomic
def cancel_future_activities(*, organiser_id: int) -> int:
    """When an organiser leaves, their coming activities are cancelled and attendees told."""
    coming = Activity.objects.select_for_update().filter(
        organiser_id=organiser_id, starts_at__gt=timezone.now(), cancelled_at__isnull=True
    )
    for activity in coming:
        _cancel(activity)
    return len(coming)


def _confirmed_count(activity: Activity) -> int:
    return activity.signups.filter(status=SignupStatus.CONFIRMED).count()


def _has_room(activity: Activity) -> bool:
    return activity.capacity is None or _confirmed_count(activity) < activity.capacity


@transaction.atomic
def sign_up(*, actor: User, activity: Activity) -> Signup:
    """A place if there is one, otherwise the waiting list. Signing up twice changes nothing.

    The activity row is locked while places are counted, so concurrent sign-ups for the last
    place are served one at a time and the capacity is never exceeded."""
    locked = Activity.objects.select_for_update().get(pk=activity.pk)
    if not permissions.can_sign_up(actor, locked):
        raise NotAllowed(_("You cannot sign up for this activity."))
    if locked.ends_at <= timezone.now():
        raise DomainError(_("This activity is over."))
    signup = Signup.objects.filter(activity=locked, user=actor).first()
    if signup and signup.status != SignupStatus.CANCELLED:
        return signup
    status = SignupStatus.CONFIRMED if _has_room(locked) else SignupStatus.WAITING
    if signup is None:
        return Signup.objects.create(activity=locked, user=actor, status=status)
    signup.status, signup.created_at, signup.attended = status, timezone.now(), None
    signup.save(update_fields=["status", "created_at", "attended"])
    return signup


def _promote(activity: Activity) -> list[Signup]:
    """Move people from the waiting list into free places, first come first served."""
    promoted = []
    while _has_room(activity):
        waiting = activity.signups.filter(status=SignupStatus.WAITING).first()
        if waiting is None:
            break
        waiting.status = SignupStatus.CONFIRMED
        waiting.save(update_fields=["status"])
        promoted.append(waiting)
    _tell([s.user_id for s in promoted], "activity_place_free", activity)
    return promoted


@transaction.atomic
def cancel_signup(*, actor: User, activity: Activity) -> list[Signup]:
    """Give up a place (or leave the waiting list); the first person waiting gets the place.
    Returns the signups that were promoted."""
    locked = Activity.objects.select_for_update().get(pk=activity.pk)
    updated = Signup.objects.filter(
        activity=locked, user=actor, status__in=[SignupStatus.CONFIRMED, SignupStatus.WAITING]
    ).update(status=SignupStatus.CANCELLED)
    if not updated:
        raise DomainError(_("You are not signed up for this activity."))
    return [] if locked.is_cancelled else _promote(locked)


@transaction.atomic
def record_attendance(*, actor: User, activity: Activity, present_ids: set[int]) -> int:
    """Mark who came. Everyone with a place who is not in ``present_ids`` did not come."""
    if not permissions.can_manage_activity(actor, activity):
        raise NotAllowed(_("Only the organiser and coordinators register attendance."))
    signups = activity.signups.filter(status=SignupStatus.CONFIRMED)
    signups.filter(user_id__in=present_ids).update(attended=True)
    signups.exclude(user_id__in=present_ids).update(attended=False)
    return signups.filter(attended=True).count()


@transaction.atomic
def send_activity_reminders(*, now: datetime | None = None) -> int:
    """Remind everyone with a place, once, when their activity starts within a day."""
    now = now or timezone.now()
    due = Signup.objects.select_related("activity").filter(
        status=SignupStatus.CONFIRMED,
        reminded_at__isnull=True,
        activity__cancelled_at__isnull=True,
        activity__starts_at__gt=now,
        activity__starts_at__lte=now + timedelta(days=1),
    )
    sent = 0
    for signup in due.select_for_update(of=("self",)):
        activity = signup.activity
        notify(
            signup.user,
            "activity_reminder",
            params={
                "title": activity.title,
                "time": timezone.localtime(activity.starts_at).strftime("%d.%m. %H:%M"),
            },
            url=_url(activity),
        )
        signup.reminded_at = now
        signup.save(update_fields=["reminded_at"])
        sent += 1
    return sent


def waiting_position(activity: Activity, user: User) -> int | None:
    """1 for the first person on the waiting list."""
    waiting = list(
        activity.signups.filter(status=SignupStatus.WAITING).values_list("user_id", flat=True)
    )
    return waiting.index(user.pk) + 1 if user.pk in waiting else None
