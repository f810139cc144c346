"""What volunteers did in activities, courses and følgeskab, for their hours (the volunteers
app fills them in from these sources every hour)."""

from datetime import datetime
from decimal import Decimal
from typing import cast

from django.db.models import F
from django.utils import timezone

from ligesind.volunteers.models import HoursKind, VolunteerHours
from ligesind.volunteers.services.hours import hours_between, volunteer_ids

from .models import Accompaniment, AccompanimentStatus, Activity, CourseSession


def activity_hours(since: datetime, now: datetime) -> list[VolunteerHours]:
    """Activities a volunteer made that took place (not cancelled, not hidden)."""
    return [
        VolunteerHours(
            volunteer_id=cast(int, activity.organiser_id),
            organisation_id=activity.organisation_id,
            municipality_id=activity.municipality_id,
            kind=HoursKind.ACTIVITY,
            on=timezone.localdate(activity.starts_at),
            hours=hours_between(activity.starts_at, activity.ends_at),
            source=f"activity:{activity.pk}",
        )
        for activity in Activity.objects.filter(
            organiser_id__in=volunteer_ids(),
            ends_at__gte=since,
            ends_at__lte=now,
            cancelled_at__isnull=True,
            hidden_at__isnull=True,
        ).only("pk", "organiser_id", "organisation_id", "municipality_id", "starts_at", "ends_at")
    ]


def course_hours(since: datetime, now: datetime) -> list[VolunteerHours]:
    """Each session of a course run, for each of its leaders."""
    sessions = CourseSession.objects.filter(
        ends_at__gte=since, ends_at__lte=now, run__leaders__isnull=False
    ).values(
        "pk",
        "starts_at",
        "ends_at",
        "run__organisation_id",
        "run__municipality_id",
        leader=F("run__leaders"),
    )
    return [
        VolunteerHours(
            volunteer_id=row["leader"],
            organisation_id=row["run__organisation_id"],
            municipality_id=row["run__municipality_id"],
            kind=HoursKind.COURSE,
            on=timezone.localdate(row["starts_at"]),
            hours=hours_between(row["starts_at"], row["ends_at"]),
            source=f"course:{row['pk']}",
        )
        for row in sessions
    ]


def accompaniment_hours(since: datetime, now: datetime) -> list[VolunteerHours]:
    """Følgeskab that is done, with the hours the volunteer logged for it."""
    return [
        VolunteerHours(
            volunteer_id=cast(int, item.volunteer_id),
            organisation_id=item.organisation_id,
            municipality_id=item.municipality_id,
            kind=HoursKind.ACCOMPANIMENT,
            on=timezone.localdate(item.when),
            hours=cast(Decimal, item.hours),
            source=f"accompaniment:{item.pk}",
        )
        for item in Accompaniment.objects.filter(
            status=AccompanimentStatus.DONE,
            volunteer__isnull=False,
            hours__isnull=False,
            when__gte=since,
            when__lte=now,
        ).only("pk", "volunteer_id", "organisation_id", "municipality_id", "when", "hours")
    ]
