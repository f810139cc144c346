"""Calendar feeds: private addresses (personal or a municipality's) behind revocable tokens, and
the public national calendar."""

from datetime import timedelta
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from ligesind.accounts.models import User
from ligesind.accounts.permissions import is_member
from ligesind.core.errors import NotAllowed
from ligesind.core.models import Municipality

from .. import permissions
from ..models import (
    Activity,
    CalendarFeed,
    CourseRun,
    CourseSession,
    Enrolment,
    EnrolmentStatus,
    Signup,
    SignupStatus,
)

PAST_DAYS = 60


@transaction.atomic
def create_calendar_feed(*, actor: User, municipality: Municipality | None = None) -> CalendarFeed:
    """A new private address; an earlier one for the same calendar stops working."""
    if not is_member(actor):
        raise NotAllowed(_("Only members have calendar feeds."))
    CalendarFeed.objects.filter(owner=actor, municipality=municipality).delete()
    return CalendarFeed.objects.create(owner=actor, municipality=municipality)


@transaction.atomic
def revoke_calendar_feed(*, actor: User, feed: CalendarFeed) -> None:
    if feed.owner_id != actor.pk:
        raise NotAllowed(_("That is not your calendar."))
    feed.delete()


def _activity_event(activity: Activity, owner: User, base: str) -> Event:
    event = Event()
    event.add("uid", f"activity-{activity.pk}@ligesind")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", activity.starts_at)
    event.add("dtend", activity.ends_at)
    event.add("summary", activity.title)
    where = _("Online") if activity.online else f"{activity.place}, {activity.municipality}"
    event.add("location", where)
    description = activity.description
    if (
        activity.online
        and activity.meeting_link
        and permissions.can_see_meeting_link(owner, activity)
    ):
        description = f"{description}\n\n{activity.meeting_link}".strip()
    event.add("description", description)
    event.add("url", base + reverse("activities:detail", args=[activity.pk]))
    event.add("status", "CANCELLED" if activity.is_cancelled else "CONFIRMED")
    return event


def _session_event(session: CourseSession, base: str) -> Event:
    event = Event()
    run = session.run
    event.add("uid", f"course-session-{session.pk}@ligesind")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", session.starts_at)
    event.add("dtend", session.ends_at)
    event.add(
        "summary",
        _("%(course)s, session %(number)s")
        % {"course": run.template.name, "number": session.number},
    )
    event.add("location", f"{run.place}, {run.municipality}")
    event.add("url", base + reverse("activities:course", args=[run.pk]))
    return event


def feed_activities(feed: CalendarFeed) -> list[Activity]:
    owner = feed.owner
    since = timezone.now() - timedelta(days=PAST_DAYS)
    activities = Activity.objects.filter(starts_at__gte=since).select_related("municipality")
    if feed.municipality_id is None:
        # Subqueries, not a join: an OR across a join read every sign-up there is.
        signed_up = Signup.objects.filter(user=owner, status=SignupStatus.CONFIRMED)
        mine = Q(pk__in=signed_up.values("activity_id"), hidden_at__isnull=True) | Q(
            organiser=owner
        )
        return list(activities.filter(mine))
    return list(
        activities.filter(permissions.visible_activities_q(owner), municipality=feed.municipality)
    )


def feed_sessions(feed: CalendarFeed) -> list[CourseSession]:
    if feed.municipality_id is not None:
        return []
    owner = feed.owner
    since = timezone.now() - timedelta(days=PAST_DAYS)
    enrolled = Enrolment.objects.filter(user=owner, status=EnrolmentStatus.ENROLLED)
    leads = CourseRun.objects.filter(leaders=owner)
    mine = Q(run__in=enrolled.values("run_id")) | Q(run__in=leads.values("pk"))
    return list(
        CourseSession.objects.filter(mine, starts_at__gte=since).select_related(
            "run__template", "run__municipality"
        )
    )


def render_feed(feed: CalendarFeed, base: str) -> bytes:
    """The feed as iCalendar text, in the owner's language; links start with ``base``."""
    calendar = Calendar()
    calendar.add("prodid", "-//Ligesind//Activities//DA")
    calendar.add("version", "2.0")
    name = str(feed.municipality) if feed.municipality else _("My activities")
    calendar.add("x-wr-calname", f"Ligesind: {name}")
    for activity in feed_activities(feed):
        calendar.add_component(_activity_event(activity, feed.owner, base))
    for session in feed_sessions(feed):
        calendar.add_component(_session_event(session, base))
    return calendar.to_ical()


def feed_for_token(token: str) -> CalendarFeed | None:
    """The feed behind a token, while its owner is still a member."""
    feed = CalendarFeed.objects.select_related("owner", "municipality").filter(token=token).first()
    if feed is None or not User.objects.filter(pk=feed.owner_id, is_active=True).exists():
        return None
    return feed if is_member(feed.owner) else None


def filtered(rows: QuerySet[Activity], data: dict[str, Any]) -> QuerySet[Activity]:
    """The national calendar's filters (the list page and the public feed): municipality,
    organisation, kind, online or in person, and what it is about."""
    if data.get("municipality"):
        rows = rows.filter(municipality=data["municipality"])
    if data.get("organisation"):
        rows = rows.filter(organisation=data["organisation"])
    if data.get("kind"):
        rows = rows.filter(kind=data["kind"])
    if data.get("mode"):
        rows = rows.filter(online=data["mode"] == "online")
    if data.get("interest"):
        rows = rows.filter(interests=data["interest"])
    return rows


PUBLIC_FEED_SIZE = 500


def render_public_feed(data: dict[str, Any], base: str) -> bytes:
    """Every organisation's activities open to visitors, coming and from the last week, as
    iCalendar text (anyone may subscribe; nothing personal is in it)."""
    visitor = AnonymousUser()
    rows = Activity.objects.filter(
        permissions.visible_activities_q(visitor),
        starts_at__gte=timezone.now() - timedelta(days=7),
    ).select_related("municipality")
    calendar = Calendar()
    calendar.add("prodid", "-//Ligesind//Activities//DA")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"Ligesind: {_('Activities')}")
    for activity in filtered(rows, data).order_by("starts_at")[:PUBLIC_FEED_SIZE]:
        calendar.add_component(_activity_event(activity, visitor, base))  # type: ignore[arg-type]
    return calendar.to_ical()
