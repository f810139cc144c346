"""What activities plug into: notification kinds, export and erasure, volunteers' hours."""

from typing import Any

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ligesind.core.models import EmailMode
from ligesind.core.notifications import NotificationKind, register_kind
from ligesind.core.privacy import register_erasure, register_export, register_labels
from ligesind.volunteers.services.hours import register_hours_source

from . import hours, reporting, sections
from .models import (
    Accompaniment,
    AccompanimentStatus,
    Activity,
    Attendance,
    CalendarFeed,
    CourseRun,
    Enrolment,
    Signup,
)

KINDS = [
    ("activity_place_free", _("I got a place from the waiting list"),
     _("A place became free and it is yours: you are now signed up for %(title)s."),
     EmailMode.IMMEDIATE),
    ("activity_changed", _("An activity I signed up for was changed"),
     _("%(title)s has been changed. See the new details."), EmailMode.IMMEDIATE),
    ("activity_cancelled", _("An activity I signed up for was cancelled"),
     _("%(title)s has been cancelled."), EmailMode.IMMEDIATE),
    ("activity_reminder", _("Reminder the day before an activity"),
     _("Reminder: %(title)s starts %(time)s."), EmailMode.IMMEDIATE),
    ("course_place_free", _("I got a place on a course from the waiting list"),
     _("A place became free and it is yours: you are now enrolled in %(title)s."),
     EmailMode.IMMEDIATE),
    ("course_session_moved", _("A course session was moved"),
     _("Session %(number)s of %(title)s has a new time."), EmailMode.IMMEDIATE),
    ("course_session_reminder", _("Reminder the day before a course session"),
     _("Reminder: session %(number)s of %(title)s starts %(time)s."), EmailMode.IMMEDIATE),
    ("group_event", _("A new event in a group I am in"),
     _("There is a new event in %(group)s."), EmailMode.DIGEST),
    ("accompaniment_requested", _("A member asks for accompaniment (coordinators)"),
     _("A member in your municipality asks for accompaniment."), EmailMode.DIGEST),
    ("accompaniment_proposed", _("A volunteer can accompany me"),
     _("A volunteer can go with you. Please confirm."), EmailMode.IMMEDIATE),
    ("accompaniment_assigned", _("I was asked to accompany a member"),
     _("A coordinator asks you to accompany a member. Please confirm."), EmailMode.IMMEDIATE),
    ("accompaniment_confirmed", _("An accompaniment was confirmed"),
     _("The accompaniment is confirmed by both of you."), EmailMode.IMMEDIATE),
    ("accompaniment_cancelled", _("An accompaniment was cancelled"),
     _("The member has cancelled the accompaniment. Thank you for offering."), EmailMode.IMMEDIATE),
]  # fmt: skip


def _when(value: Any) -> str | None:
    return value.isoformat() if value else None


def export_activities(user: Any) -> dict[str, Any]:
    return {
        "activities_i_organise": [
            {"title": a.title, "starts": _when(a.starts_at), "cancelled": a.is_cancelled}
            for a in Activity.objects.filter(organiser_id=user.pk)
        ],
        "signups": [
            {
                "activity": s.activity.title,
                "starts": _when(s.activity.starts_at),
                "status": s.get_status_display(),
                "attended": s.attended,
            }
            for s in Signup.objects.filter(user_id=user.pk).select_related("activity")
        ],
        "calendar_feeds": [
            {"municipality": str(f.municipality or ""), "created": _when(f.created_at)}
            for f in CalendarFeed.objects.filter(owner_id=user.pk).select_related("municipality")
        ],
        "courses_i_lead": [
            str(run) for run in CourseRun.objects.filter(leaders=user.pk).select_related("template")
        ],
        "enrolments": [
            {"course": str(e.run), "status": e.get_status_display(), "since": _when(e.created_at)}
            for e in Enrolment.objects.filter(user_id=user.pk).select_related(
                "run__template", "run__municipality"
            )
        ],
        "attendance": [
            {"course": str(a.session.run), "session": a.session.number, "present": a.present}
            for a in Attendance.objects.filter(user_id=user.pk).select_related(
                "session__run__template", "session__run__municipality"
            )
        ],
        "accompaniment": [
            {
                "what": a.what,
                "where": a.where,
                "when": _when(a.when),
                "status": a.get_status_display(),
                "i_was": "member" if a.member_id == user.pk else "volunteer",
                "hours": str(a.hours) if a.hours is not None else None,
                "rating": a.rating if a.member_id == user.pk else None,
                "feedback": a.feedback if a.member_id == user.pk else None,
            }
            for a in Accompaniment.objects.filter(Q(member_id=user.pk) | Q(volunteer_id=user.pk))
        ],
    }


def erase_activities(user: Any) -> None:
    """Future activities of someone who leaves are cancelled (people signed up are told);
    accompaniments they would have given are open again."""
    from .services.activities import cancel_future_activities

    cancel_future_activities(organiser_id=user.pk)
    Accompaniment.objects.filter(
        volunteer_id=user.pk,
        status__in=[AccompanimentStatus.PROPOSED, AccompanimentStatus.CONFIRMED],
    ).update(
        volunteer=None,
        status=AccompanimentStatus.OPEN,
        member_confirmed=False,
        volunteer_confirmed=False,
    )


def register() -> None:
    reporting.register()
    sections.register()
    for source in (hours.activity_hours, hours.course_hours, hours.accompaniment_hours):
        register_hours_source(source)
    for key, label, message, email in KINDS:
        register_kind(NotificationKind(key, label, message, email))
    register_export(
        "activities",
        label=_("Activities, courses and accompaniment"),
        models=[
            "activities.Activity",
            "activities.Signup",
            "activities.CalendarFeed",
            "activities.CourseRun",
            "activities.Enrolment",
            "activities.Attendance",
            "activities.Accompaniment",
        ],
        collect=export_activities,
    )
    register_erasure(erase_activities)
    register_labels(
        {
            "activities": _("Activities, courses and accompaniment"),
            "activities_i_organise": _("Activities I organise"),
            "signups": _("Sign-ups"),
            "activity": _("Activity"),
            "starts": _("Starts"),
            "cancelled": _("Cancelled"),
            "attended": _("Attended"),
            "calendar_feeds": _("Calendar feeds"),
            "courses_i_lead": _("Courses I lead"),
            "enrolments": _("Course enrolments"),
            "course": _("Course"),
            "since": _("Since"),
            "attendance": _("Attendance"),
            "session": _("Session"),
            "present": _("Present"),
            "accompaniment": _("Accompaniment (følgeskab)"),
            "what": _("What"),
            "where": _("Where"),
            "when": _("When"),
            "i_was": _("My part"),
            "hours": _("Hours"),
            "rating": _("Rating"),
            "feedback": _("Feedback"),
        }
    )
