"""Becoming a volunteer: an application to an organisation in a municipality, the local
coordinator's conversation and private notes, and the decision. Approval makes the person a
peer guide there (once their account has two-factor login)."""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ligesind.accounts.models import Role
from ligesind.core.fields import EncryptedTextField
from ligesind.core.models import Municipality

USER = settings.AUTH_USER_MODEL


class Wish(models.TextChoices):
    ACTIVITIES = "activities", _("Make activities around my interests")
    PEERMATCH = "peermatch", _("Be a peer guide for one person (PeerMatch)")
    ACCOMPANIMENT = "accompaniment", _("Go along with someone (følgeskab)")
    COURSE = "course", _("Lead a peer group course")
    TALKS = "talks", _("Give talks about my experience")


class ApplicationStatus(models.TextChoices):
    NEW = "new", _("Waiting for the coordinator")
    CONVERSATION = "conversation", _("Conversation booked")
    APPROVED = "approved", _("Approved")
    DECLINED = "declined", _("Not this time")
    NOT_NOW = "not_now", _("Not now: ask again later")
    WITHDRAWN = "withdrawn", _("Withdrawn")


OPEN_STATUSES = (ApplicationStatus.NEW, ApplicationStatus.CONVERSATION)


class VolunteerApplication(models.Model):
    applicant = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="applications")
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="applications",
        verbose_name=_("organisation"),
    )
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, verbose_name=_("municipality")
    )
    experience = EncryptedTextField(_("your experience"))
    motivation = EncryptedTextField(_("why you would like to be a volunteer"))
    wishes = models.JSONField(_("what you would like to do"), default=list)
    availability = models.CharField(_("when you can"), max_length=300, blank=True)
    status = models.CharField(
        max_length=20, choices=ApplicationStatus.choices, default=ApplicationStatus.NEW
    )
    conversation_at = models.DateTimeField(_("conversation"), null=True, blank=True)
    conversation_place = models.CharField(_("where"), max_length=200, blank=True)
    not_before = models.DateField(_("ask again from"), null=True, blank=True)
    message = EncryptedTextField(_("message to the applicant"), blank=True)
    decided_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    role_granted_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("volunteer application")
        verbose_name_plural = _("volunteer applications")

    def __str__(self) -> str:
        return (
            f"{self.applicant_id} → {self.organisation_id}/{self.municipality_id} ({self.status})"
        )

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    def wish_labels(self) -> list[str]:
        return [str(Wish(w).label) for w in self.wishes if w in Wish.values]


class ApplicationNote(models.Model):
    """The coordinator's private note: encrypted, read by the municipality's coordinators of
    the organisation only, never by the applicant."""

    application = models.ForeignKey(
        VolunteerApplication, on_delete=models.CASCADE, related_name="notes"
    )
    author = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+")
    text = EncryptedTextField(_("note"))
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"note {self.pk} on {self.application_id}"


class TrainingProgramme(models.Model):
    """An education for volunteers, e.g. the peer-guide education: modules with dates and
    places. If ``qualifies``, completing it is what the organisation asks of its peer guides
    (when the organisation requires training)."""

    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.CASCADE,
        related_name="trainings",
        verbose_name=_("organisation"),
    )
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), max_length=2000, blank=True)
    qualifies = models.BooleanField(
        _("qualifies as a peer guide"),
        default=True,
        help_text=_("Completing it is what the organisation asks of its peer guides."),
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("training programme")
        verbose_name_plural = _("training programmes")

    def __str__(self) -> str:
        return self.name


class TrainingModule(models.Model):
    programme = models.ForeignKey(
        TrainingProgramme, on_delete=models.CASCADE, related_name="modules"
    )
    title = models.CharField(_("title"), max_length=120)
    starts_at = models.DateTimeField(_("starts"))
    place = models.CharField(_("place"), max_length=200)
    hours = models.DecimalField(_("hours"), max_digits=3, decimal_places=1, default=Decimal("3"))

    class Meta:
        ordering = ["starts_at", "pk"]

    def __str__(self) -> str:
        return self.title


class TrainingEnrolment(models.Model):
    programme = models.ForeignKey(
        TrainingProgramme, on_delete=models.CASCADE, related_name="enrolments"
    )
    volunteer = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="trainings")
    enrolled_at = models.DateTimeField(default=timezone.now)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["enrolled_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "volunteer"], name="enrol_once")
        ]

    def __str__(self) -> str:
        return f"{self.volunteer_id} → {self.programme_id}"


class ModuleAttendance(models.Model):
    module = models.ForeignKey(TrainingModule, on_delete=models.CASCADE, related_name="attendance")
    volunteer = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="+")
    present = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["module", "volunteer"], name="module_attendance_once")
        ]

    def __str__(self) -> str:
        return f"{self.volunteer_id} @ {self.module_id}: {self.present}"


# The roles whose holders give time as volunteers (hours, the record).
VOLUNTEER_ROLES = (Role.PEER_GUIDE, Role.COORDINATOR)


class HoursKind(models.TextChoices):
    ACTIVITY = "activity", _("Activity")
    MATCH = "match", _("PeerMatch")
    ACCOMPANIMENT = "accompaniment", _("Følgeskab")
    COURSE = "course", _("Peer group course")
    TRAINING = "training", _("Training")
    SUPERVISION = "supervision", _("Supervision")
    TALK = "talk", _("Talk")


class VolunteerHours(models.Model):
    """Time a volunteer gave. Entries with a ``source`` ("activity:12", "course:7",
    "accompaniment:3", "training:5") are filled in from what they did on the platform, once
    each; the volunteer may correct their hours. The rest they log themselves."""

    volunteer = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="volunteer_hours")
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organisation"),
    )
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("municipality"),
    )
    kind = models.CharField(_("what"), max_length=20, choices=HoursKind.choices)
    on = models.DateField(_("date"))
    hours = models.DecimalField(_("hours"), max_digits=4, decimal_places=1)
    note = EncryptedTextField(_("note (only you see it)"), blank=True)
    source = models.CharField(max_length=40, blank=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-on", "-pk"]
        verbose_name = _("volunteer hours")
        verbose_name_plural = _("volunteer hours")
        constraints = [
            models.UniqueConstraint(
                fields=["volunteer", "source"],
                condition=~models.Q(source=""),
                name="hours_filled_in_once",
            )
        ]
        indexes = [
            models.Index(fields=["municipality", "on"]),
            models.Index(fields=["organisation", "on"]),
            models.Index(fields=["volunteer", "on"]),
        ]

    def __str__(self) -> str:
        return f"{self.volunteer_id} {self.on}: {self.hours} ({self.kind})"

    @property
    def is_filled_in(self) -> bool:
        return bool(self.source)
