"""Research on the platform: studies with their team, eligibility questions, consent texts as
versions, arms, timepoints; participants (known to researchers by a study code), their
consents, answers (encrypted) and allocations (an append-only log, decided from sequences no
page shows)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ligesind.core.fields import EncryptedTextField

USER = settings.AUTH_USER_MODEL


class StudyStatus(models.TextChoices):
    DRAFT = "draft", _("Being prepared")
    RECRUITING = "recruiting", _("Recruiting")
    CLOSED = "closed", _("Closed for new participants")


class Study(models.Model):
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="studies",
        verbose_name=_("organisation"),
    )
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("short name in the address"), max_length=60, unique=True)
    summary = models.CharField(_("in one sentence"), max_length=300)
    description = models.TextField(_("in plain language"), max_length=10000)
    status = models.CharField(max_length=12, choices=StudyStatus.choices, default=StudyStatus.DRAFT)
    strata = models.CharField(
        _("randomise within"),
        max_length=20,
        choices=[("", _("the whole study")), ("municipality", _("each municipality"))],
        blank=True,
    )
    course_template = models.ForeignKey(
        "activities.CourseTemplate",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("the course the study evaluates"),
        help_text=_(
            "The intervention group is offered a seat in its next run; the waiting list one "
            "after their last questionnaire."
        ),
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("study")
        verbose_name_plural = _("studies")

    def __str__(self) -> str:
        return self.title


class TeamMember(models.Model):
    """A researcher on a study's team (the researcher role reaches only these studies); a
    peer researcher has lived experience themselves."""

    study = models.ForeignKey(Study, on_delete=models.CASCADE, related_name="team")
    user = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="study_teams")
    peer_researcher = models.BooleanField(_("peer researcher"), default=False)
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("team member")
        verbose_name_plural = _("team members")
        constraints = [models.UniqueConstraint(fields=["study", "user"], name="on_team_once")]

    def __str__(self) -> str:
        return f"{self.study_id}:{self.user_id}"


class Question(models.Model):
    """An eligibility question, answered yes or no; ``eligible_answer`` lets a person in."""

    study = models.ForeignKey(Study, on_delete=models.CASCADE, related_name="questions")
    text = models.CharField(_("question"), max_length=300)
    eligible_answer = models.BooleanField(_("the answer that lets a person take part"))
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("eligibility question")
        verbose_name_plural = _("eligibility questions")

    def __str__(self) -> str:
        return self.text


class ConsentVersion(models.Model):
    """A version of the consent text with the statements a participant ticks one by one. A
    new version asks every participant who consented to an older one to consent again."""

    study = models.ForeignKey(Study, on_delete=models.CASCADE, related_name="consent_versions")
    number = models.PositiveIntegerField()
    text = models.TextField(_("information for participants"), max_length=20000)
    statements = models.JSONField(_("statements to tick"), default=list)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-number"]
        verbose_name = _("consent version")
        verbose_name_plural = _("consent versions")
        constraints = [
            models.UniqueConstraint(fields=["study", "number"], name="one_consent_number")
        ]

    def __str__(self) -> str:
        return f"{self.study_id} v{self.number}"


class ArmKind(models.TextChoices):
    INTERVENTION = "intervention", _("Intervention")
    WAITING_LIST = "waiting_list", _("Waiting list")


class Arm(models.Model):
    study = models.ForeignKey(Study, on_delete=models.CASCADE, related_name="arms")
    name = models.CharField(_("name"), max_length=100)
    kind = models.CharField(max_length=20, choices=ArmKind.choices)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("arm")
        verbose_name_plural = _("arms")

    def __str__(self) -> str:
        return self.name


class Anchor(models.TextChoices):
    ENROLMENT = "enrolment", _("after enrolment")
    COURSE_START = "course_start", _("after the participant's course starts")


class Timepoint(models.Model):
    """When a questionnaire is due: ``days`` after enrolment (baseline: 0), or after the first
    session of the course run the participant is enrolled in."""

    study = models.ForeignKey(Study, on_delete=models.CASCADE, related_name="timepoints")
    name = models.CharField(_("name"), max_length=100)
    instrument = models.CharField(max_length=40, default="who5")
    days = models.PositiveIntegerField(_("days"), default=0)
    anchor = models.CharField(
        _("counted from"), max_length=20, choices=Anchor.choices, default=Anchor.ENROLMENT
    )

    class Meta:
        ordering = ["days", "pk"]
        verbose_name = _("timepoint")
        verbose_name_plural = _("timepoints")

    def __str__(self) -> str:
        return self.name


class ParticipantStatus(models.TextChoices):
    SCREENED = "screened", _("Can take part")
    NOT_ELIGIBLE = "not_eligible", _("Cannot take part in this study")
    CONSENTED = "consented", _("Taking part")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Participant(models.Model):
    """A person in a study. Researchers see the study code only; the link to the account is
    used by the platform (reminders, the participant's own page) and never exported."""

    study = models.ForeignKey(Study, on_delete=models.PROTECT, related_name="participants")
    user = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="studies"
    )
    code = models.CharField(max_length=20)
    status = models.CharField(max_length=14, choices=ParticipantStatus.choices)
    stratum = models.CharField(max_length=80, blank=True)
    enrolled_at = models.DateTimeField(null=True, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    keep_answers = models.BooleanField(default=True)
    reminded = models.JSONField(default=list)  # the timepoints a reminder was sent for
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        constraints = [
            models.UniqueConstraint(fields=["study", "code"], name="one_study_code"),
            models.UniqueConstraint(fields=["study", "user"], name="in_a_study_once"),
        ]

    def __str__(self) -> str:
        return self.code


class Consent(models.Model):
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="consents")
    version = models.ForeignKey(ConsentVersion, on_delete=models.PROTECT, related_name="+")
    statements = models.JSONField(default=list)
    typed_name = EncryptedTextField()
    given_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-given_at"]
        verbose_name = _("consent")
        verbose_name_plural = _("consents")

    def __str__(self) -> str:
        return f"{self.participant_id} v{self.version_id}"


class Response(models.Model):
    """A participant's answers at a timepoint, encrypted; the score is kept beside them."""

    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="responses")
    timepoint = models.ForeignKey(Timepoint, on_delete=models.PROTECT, related_name="responses")
    answers = EncryptedTextField()  # JSON
    raw_score = models.PositiveSmallIntegerField(null=True)
    score = models.PositiveSmallIntegerField(null=True)
    completed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("questionnaire answer")
        verbose_name_plural = _("questionnaire answers")
        constraints = [
            models.UniqueConstraint(fields=["participant", "timepoint"], name="answer_once")
        ]

    def __str__(self) -> str:
        return f"{self.participant_id}@{self.timepoint_id}"


class Block(models.Model):
    """A permuted block of one stratum: its arms in their random order. Read only by
    ``randomisation``; no page, API or admin shows it (allocation concealment)."""

    study = models.ForeignKey(Study, on_delete=models.CASCADE, related_name="+")
    stratum = models.CharField(max_length=80)
    number = models.PositiveIntegerField()
    sequence = models.JSONField()  # arm ids
    used = models.PositiveSmallIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["study", "stratum", "number"], name="one_block")
        ]

    def __str__(self) -> str:
        return f"{self.study_id}/{self.stratum}/{self.number}"


class Allocation(models.Model):
    """The append-only log of assignments: written once, never changed or deleted."""

    participant = models.OneToOneField(
        Participant, on_delete=models.PROTECT, related_name="allocation"
    )
    arm = models.ForeignKey(Arm, on_delete=models.PROTECT, related_name="+")
    stratum = models.CharField(max_length=80)
    block_number = models.PositiveIntegerField()
    position = models.PositiveSmallIntegerField()
    block_size = models.PositiveSmallIntegerField()
    allocated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["allocated_at", "pk"]
        verbose_name = _("allocation")
        verbose_name_plural = _("allocations")

    def __str__(self) -> str:
        return f"{self.participant_id} → {self.arm_id}"

    def save(self, *args: object, **kwargs: object) -> None:
        if self.pk is not None:
            raise ValueError("The allocation log is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args: object, **kwargs: object) -> tuple[int, dict[str, int]]:
        raise ValueError("The allocation log is append-only.")


class Referral(models.Model):
    """A professional (e.g. Bostøtten in Fredericia) refers a person who has agreed to be
    contacted; the person is invited and decides themselves. What it holds about the person is
    encrypted."""

    study = models.ForeignKey(Study, on_delete=models.CASCADE, related_name="referrals")
    referrer_name = models.CharField(_("your name"), max_length=120)
    referrer_workplace = models.CharField(_("your workplace"), max_length=200)
    referrer_email = models.EmailField(_("your e-mail address"))
    person_name = EncryptedTextField()
    person_reach = EncryptedTextField()  # an e-mail address or a phone number
    token = models.CharField(max_length=40, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    invited_at = models.DateTimeField(null=True, blank=True)
    contacted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("referral")
        verbose_name_plural = _("referrals")

    def __str__(self) -> str:
        return f"{self.study_id} {self.created_at:%Y-%m-%d}"


class Instrument(models.Model):
    """A questionnaire the team defined as data (``instruments``); a timepoint names it by
    its key ("who5" is the built-in WHO-5)."""

    study = models.ForeignKey(Study, on_delete=models.CASCADE, related_name="instruments")
    key = models.SlugField(_("short name"), max_length=40)
    name = models.CharField(_("name"), max_length=200)
    items = models.JSONField(default=list)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name"]
        verbose_name = _("questionnaire")
        verbose_name_plural = _("questionnaires")
        constraints = [models.UniqueConstraint(fields=["study", "key"], name="one_key_a_study")]

    def __str__(self) -> str:
        return self.name
