"""Activities and meetings with sign-up, courses with sessions and attendance, and følgeskab."""

import secrets
import uuid
from datetime import datetime, timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ligesind.core.fields import EncryptedTextField
from ligesind.core.models import Municipality

USER = settings.AUTH_USER_MODEL


class ActivityKind(models.TextChoices):
    ACTIVITY = "activity", _("Activity")
    PEER_CAFE = "peer_cafe", _("Peer café")
    AFTER_WORK = "after_work", _("After-work meeting")
    MEMBER_MEETING = "member_meeting", _("Member meeting")
    WORKSHOP = "workshop", _("Workshop")
    GROUP_MEETING = "group_meeting", _("Group meeting")


class Audience(models.TextChoices):
    EVERYONE = "everyone", _("Everyone, also visitors")
    MEMBERS = "members", _("Members")
    VOLUNTEERS = "volunteers", _("Volunteers (peer guides and coordinators)")
    WORKING_PEERS = "working_peers", _("Working peers (members who work with their experience)")
    GROUP = "group", _("The group's members")


class Recurrence(models.TextChoices):
    NONE = "none", _("Once")
    WEEKLY = "weekly", _("Every week")
    FORTNIGHTLY = "fortnightly", _("Every second week")


# An activity lasts at most a day (services.activities checks it when one is planned), so one
# that is not over started less than a day ago: the index on the start then finds the next
# activities without reading years of past ones.
LONGEST = timedelta(hours=24)


def not_over(since: datetime) -> models.Q:
    """Activities still going on or to come at ``since``."""
    return models.Q(ends_at__gt=since, starts_at__gt=since - LONGEST)


class Activity(models.Model):
    """One occurrence. A recurring activity is a series of occurrences sharing ``series``."""

    series = models.UUIDField(default=uuid.uuid4, db_index=True, editable=False)
    organiser = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, related_name="activities_organised"
    )
    kind = models.CharField(_("type"), max_length=20, choices=ActivityKind.choices)
    title = models.CharField(_("title"), max_length=120)
    description = models.TextField(_("description"), max_length=5000, blank=True)
    online = models.BooleanField(_("online"), default=False)
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        verbose_name=_("municipality"),
    )
    place = models.CharField(_("address"), max_length=200, blank=True)
    venue = models.ForeignKey(
        "organisations.Place",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="activities",
        verbose_name=_("place"),
    )
    meeting_link = models.URLField(_("meeting link"), blank=True)
    starts_at = models.DateTimeField(_("starts"), db_index=True)
    ends_at = models.DateTimeField(_("ends"))
    capacity = models.PositiveIntegerField(_("places"), null=True, blank=True)
    audience = models.CharField(
        _("who can see it"), max_length=20, choices=Audience.choices, default=Audience.MEMBERS
    )
    recurrence = models.CharField(
        _("repeats"), max_length=20, choices=Recurrence.choices, default=Recurrence.NONE
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="activities",
        verbose_name=_("organisation"),
    )
    interests = models.ManyToManyField(
        "accounts.Interest", blank=True, related_name="activities", verbose_name=_("interests")
    )
    # A group's own event: only its members see it (audience GROUP).
    group = models.ForeignKey(
        "community.Group",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        editable=False,
        related_name="activities",
    )
    cancelled_at = models.DateTimeField(null=True, blank=True)
    hidden_at = models.DateTimeField(null=True, blank=True, editable=False)  # by a moderator
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("activity")
        verbose_name_plural = _("activities")

    def __str__(self) -> str:
        return self.title

    @property
    def is_cancelled(self) -> bool:
        return self.cancelled_at is not None


class SignupStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Signed up")
    WAITING = "waiting", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")


class Signup(models.Model):
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="signups")
    user = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="activity_signups")
    status = models.CharField(max_length=20, choices=SignupStatus.choices)
    created_at = models.DateTimeField(default=timezone.now)
    attended = models.BooleanField(null=True)
    reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["activity", "user"], name="one_signup_each")]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.activity_id} ({self.status})"


def new_token() -> str:
    return secrets.token_urlsafe(32)


class CalendarFeed(models.Model):
    """A private iCal address: the owner's own activities, or a municipality's. Revocable."""

    owner = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="calendar_feeds")
    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, null=True, blank=True)
    token = models.CharField(max_length=64, unique=True, default=new_token)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"{self.owner_id}: {self.municipality or 'personal'}"


class CourseTemplate(models.Model):
    name = models.CharField(_("name"), max_length=120, unique=True)
    description = models.TextField(_("description"), blank=True)
    sessions = models.PositiveSmallIntegerField(_("number of sessions"), default=10)
    session_minutes = models.PositiveSmallIntegerField(_("minutes per session"), default=120)
    interval_days = models.PositiveSmallIntegerField(_("days between sessions"), default=7)
    completion_minimum = models.PositiveSmallIntegerField(
        _("sessions needed to complete"), default=7
    )

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")

    def __str__(self) -> str:
        return self.name


class CourseRun(models.Model):
    template = models.ForeignKey(CourseTemplate, on_delete=models.PROTECT, related_name="runs")
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, verbose_name=_("municipality")
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="course_runs",
        verbose_name=_("organisation"),
    )
    place = models.CharField(_("place"), max_length=200)
    capacity = models.PositiveSmallIntegerField(_("places"), default=10)
    leaders = models.ManyToManyField(
        "accounts.User", related_name="courses_led", verbose_name=_("leaders")
    )
    conversation = models.ForeignKey(
        "messaging.Conversation", on_delete=models.SET_NULL, null=True, blank=True
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("course run")
        verbose_name_plural = _("course runs")

    def __str__(self) -> str:
        return f"{self.template} – {self.municipality}"


class CourseSession(models.Model):
    run = models.ForeignKey(CourseRun, on_delete=models.CASCADE, related_name="sessions")
    number = models.PositiveSmallIntegerField()
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    notes = EncryptedTextField(_("leaders' notes"), blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["run", "number"]
        constraints = [models.UniqueConstraint(fields=["run", "number"], name="one_session_number")]

    def __str__(self) -> str:
        return f"{self.run} #{self.number}"


class EnrolmentStatus(models.TextChoices):
    ENROLLED = "enrolled", _("Enrolled")
    WAITING = "waiting", _("On the waiting list")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Enrolment(models.Model):
    run = models.ForeignKey(CourseRun, on_delete=models.CASCADE, related_name="enrolments")
    user = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="enrolments")
    status = models.CharField(max_length=20, choices=EnrolmentStatus.choices)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["run", "user"], name="one_enrolment_each")]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.run_id} ({self.status})"


class Attendance(models.Model):
    session = models.ForeignKey(CourseSession, on_delete=models.CASCADE, related_name="attendance")
    user = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="course_attendance")
    present = models.BooleanField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["session", "user"], name="one_attendance_each")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} @ {self.session_id}: {self.present}"


class AccompanimentStatus(models.TextChoices):
    OPEN = "open", _("Looking for a volunteer")
    PROPOSED = "proposed", _("A volunteer is proposed")
    CONFIRMED = "confirmed", _("Confirmed")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")


class Accompaniment(models.Model):
    """Følgeskab: a volunteer goes with a member to an activity, an appointment or a new place."""

    member = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="accompaniments")
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, verbose_name=_("municipality")
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="accompaniments",
        verbose_name=_("organisation"),
    )
    what = EncryptedTextField(_("what would you like company for?"))
    where = EncryptedTextField(_("where"))
    when = models.DateTimeField(_("when"))
    status = models.CharField(
        max_length=20, choices=AccompanimentStatus.choices, default=AccompanimentStatus.OPEN
    )
    volunteer = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="accompanying"
    )
    member_confirmed = models.BooleanField(default=False)
    volunteer_confirmed = models.BooleanField(default=False)
    hours = models.DecimalField(max_digits=4, decimal_places=1, null=True, blank=True)
    rating = models.PositiveSmallIntegerField(null=True, blank=True)
    feedback = EncryptedTextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["when", "pk"]
        verbose_name = _("accompaniment")
        verbose_name_plural = _("accompaniments")

    def __str__(self) -> str:
        return f"{self.member_id} {self.when:%Y-%m-%d} ({self.status})"
