"""PeerMatch: what a member hopes for, matches between two people, their history and check-ins."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ligesind.accounts.models import Interest
from ligesind.core.fields import EncryptedTextField
from ligesind.core.models import Municipality

USER = settings.AUTH_USER_MODEL


class Hope(models.TextChoices):
    PEER = "peer", _("A peer with experiences like mine")
    GUIDE = "guide", _("A peer guide: a trained volunteer who is further along")
    RELATIVE = "relative", _("A relative of someone in the same situation")


class Meeting(models.TextChoices):
    ONLINE = "online", _("Online")
    IN_PERSON = "in_person", _("In person")
    EITHER = "either", _("Online or in person")


class Gender(models.TextChoices):
    UNSAID = "", _("I would rather not say")
    WOMAN = "woman", _("Woman")
    MAN = "man", _("Man")
    OTHER = "other", _("Another gender")


class MatchProfile(models.Model):
    """One per member. The masks mirror the profile's lived experience and the chosen topics and
    languages as bits, so suggestions among 100,000 members need one indexed query."""

    user = models.OneToOneField(USER, on_delete=models.CASCADE, related_name="match_profile")
    seeking = models.BooleanField(_("I am looking for a match"), default=False)
    hope = models.CharField(
        _("I hope to meet"), max_length=20, choices=Hope.choices, default=Hope.PEER
    )
    meeting = models.CharField(
        _("How we meet"), max_length=20, choices=Meeting.choices, default=Meeting.EITHER
    )
    municipality = models.ForeignKey(
        Municipality, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("where")
    )
    languages = models.JSONField(_("languages"), default=list, blank=True)
    gender = models.CharField(
        _("my gender"), max_length=10, choices=Gender.choices, default="", blank=True
    )
    gender_preference = models.CharField(
        _("I would prefer to be matched with"),
        max_length=10,
        choices=[("", _("Anyone")), (Gender.WOMAN, _("A woman")), (Gender.MAN, _("A man"))],
        default="",
        blank=True,
    )
    topics = models.ManyToManyField(Interest, blank=True, verbose_name=_("topics"))
    note = EncryptedTextField(_("a few words about what I hope for"), blank=True)
    offers_support = models.BooleanField(_("I can offer support"), default=False)
    capacity = models.PositiveSmallIntegerField(_("active matches I can have"), default=1)
    paused = models.BooleanField(_("paused"), default=False)
    active_matches = models.PositiveSmallIntegerField(default=0)
    category_mask = models.BigIntegerField(default=0)
    affected_mask = models.BigIntegerField(default=0)
    relative_mask = models.BigIntegerField(default=0)
    topic_mask = models.BigIntegerField(default=0)
    language_mask = models.BigIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("match profile")
        verbose_name_plural = _("match profiles")
        indexes = [
            models.Index(
                fields=["offers_support", "paused"],
                name="match_offers_idx",
                condition=models.Q(offers_support=True, paused=False),
            )
        ]

    def __str__(self) -> str:
        return f"{self.user_id}"


class MatchKind(models.TextChoices):
    PEER = "peer", _("Peer match")
    GUIDE = "guide", _("Peer guide match")


class MatchStatus(models.TextChoices):
    REQUESTED = "requested", _("Waiting for an answer")
    AWAITING_APPROVAL = "approval", _("Waiting for the coordinator")
    ACTIVE = "active", _("Active")
    PAUSED = "paused", _("Paused")
    ENDED = "ended", _("Ended")
    DECLINED = "declined", _("Not accepted")
    WITHDRAWN = "withdrawn", _("Withdrawn")


OPEN_STATUSES = (
    MatchStatus.REQUESTED,
    MatchStatus.AWAITING_APPROVAL,
    MatchStatus.ACTIVE,
    MatchStatus.PAUSED,
)


class ExitReason(models.TextChoices):
    GOAL_REACHED = "goal", _("It helped; I am ready to go on alone")
    PERIOD_OVER = "period", _("The period is over")
    NOT_A_FIT = "fit", _("We were not a good fit")
    NO_TIME = "time", _("I do not have the time or energy right now")
    OTHER = "other", _("Something else")


class Match(models.Model):
    """Two people: the seeker, and a peer or peer guide. Both accept before it starts."""

    seeker = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="matches_sought")
    partner = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="matches_offered")
    kind = models.CharField(max_length=10, choices=MatchKind.choices)
    status = models.CharField(max_length=10, choices=MatchStatus.choices)
    message = EncryptedTextField(_("message"), blank=True)
    seeker_accepted = models.BooleanField(default=False)
    partner_accepted = models.BooleanField(default=False)
    proposed_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    approved_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    municipality = models.ForeignKey(Municipality, on_delete=models.SET_NULL, null=True, blank=True)
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="matches",
        verbose_name=_("organisation"),
    )
    conversation = models.ForeignKey(
        "messaging.Conversation", on_delete=models.SET_NULL, null=True, blank=True
    )
    created_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True, blank=True)
    ends_on = models.DateField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    exit_reason = models.CharField(max_length=10, choices=ExitReason.choices, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("match")
        verbose_name_plural = _("matches")

    def __str__(self) -> str:
        return f"{self.seeker_id} – {self.partner_id} ({self.status})"

    def other(self, user_id: int | None) -> int:
        return self.partner_id if user_id == self.seeker_id else self.seeker_id


class MatchEvent(models.Model):
    """The history of a match: every change of state, by whom, and optional words."""

    match = models.ForeignKey(Match, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+")
    status = models.CharField(max_length=10, choices=MatchStatus.choices)
    what = models.CharField(max_length=40)
    note = EncryptedTextField(blank=True)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.match_id}: {self.what}"


class CheckIn(models.Model):
    """Two and eight weeks into a match, each person is asked how it is going."""

    match = models.ForeignKey(Match, on_delete=models.CASCADE, related_name="check_ins")
    user = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="match_check_ins")
    week = models.PositiveSmallIntegerField()
    due_at = models.DateTimeField()
    notified_at = models.DateTimeField(null=True, blank=True)
    rating = models.PositiveSmallIntegerField(null=True, blank=True)
    words = EncryptedTextField(blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["due_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["match", "user", "week"], name="one_check_in_each")
        ]

    def __str__(self) -> str:
        return f"{self.match_id} week {self.week}: {self.user_id}"


class MunicipalityRule(models.Model):
    """A municipality can ask its coordinators to approve peer-guide matches (Odense does)."""

    municipality = models.OneToOneField(Municipality, on_delete=models.CASCADE)
    guide_matches_need_approval = models.BooleanField(
        _("peer-guide matches need a coordinator's approval"), default=False
    )

    def __str__(self) -> str:
        return str(self.municipality)
