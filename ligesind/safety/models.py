"""Safety: the crisis lexicon (data moderators extend) and crisis alerts for moderators."""

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ligesind.core.fields import EncryptedTextField


class TermLanguage(models.TextChoices):
    DA = "da", _("Danish")
    EN = "en", _("English")


class RiskFamily(models.TextChoices):
    """Why a text was flagged, from the Columbia suicide severity scale's ladder, and self-harm
    (the values are lexicon.py's family names)."""

    WISH_DEAD = "wish_dead", _("Wish to be dead")
    SUICIDE = "suicide", _("Thoughts of suicide")
    METHOD = "method", _("Method or plan")
    INTENT = "intent", _("Intent, often with a time")
    PREPARATION = "preparation", _("Preparations: goodbyes, giving things away")
    SELF_HARM = "self_harm", _("Self-harm")


class CrisisTerm(models.Model):
    """A phrase that signals crisis. Words are matched whole; a word ending in ``*`` matches
    every ending (``skade* mig selv`` finds "skader mig selv" and "skadede mig selv")."""

    phrase = models.CharField(_("phrase"), max_length=200, unique=True)
    language = models.CharField(_("language"), max_length=2, choices=TermLanguage.choices)
    family = models.CharField(
        _("risk family"), max_length=20, choices=RiskFamily.choices, default=RiskFamily.SUICIDE
    )
    active = models.BooleanField(_("in use"), default=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["family", "language", "phrase"]
        verbose_name = _("crisis phrase")
        verbose_name_plural = _("crisis phrases")

    def __str__(self) -> str:
        return self.phrase


class AlertStatus(models.TextChoices):
    NEW = "new", _("New")
    IN_PROGRESS = "in_progress", _("In progress")
    RESOLVED = "resolved", _("Resolved")


class CrisisAlert(models.Model):
    """Crisis language was written somewhere. Nothing is deleted or blocked: the author saw
    ways to get help at once, and moderators can reach out."""

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="crisis_alerts"
    )
    where = models.CharField(max_length=40)
    about = models.CharField(max_length=60, blank=True)  # the place, e.g. "conversation:12"
    phrase = models.CharField(max_length=200)
    family = models.CharField(max_length=20, choices=RiskFamily.choices, blank=True)
    excerpt = EncryptedTextField()
    created_at = models.DateTimeField(default=timezone.now)
    shown_to_author_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(max_length=12, choices=AlertStatus.choices, default=AlertStatus.NEW)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    handled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("crisis alert")
        verbose_name_plural = _("crisis alerts")

    def __str__(self) -> str:
        return f"{self.author_id} {self.where} {self.created_at:%Y-%m-%d %H:%M}"


class MutedWord(models.Model):
    """A word a member does not want to meet: messages containing it are folded for them."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="muted_words"
    )
    word = models.CharField(_("word"), max_length=60)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["word"]
        constraints = [models.UniqueConstraint(fields=["user", "word"], name="one_muted_word")]

    def __str__(self) -> str:
        return self.word


class ReportReason(models.TextChoices):
    HARASSMENT = "harassment", _("Harassment, threats or hate")
    UNSAFE = "unsafe", _("Someone may be in danger")
    SEXUAL = "sexual", _("Sexual or unwanted approaches")
    PRIVACY = "privacy", _("Shares private information about others")
    SPAM = "spam", _("Spam, advertising or selling")
    MISLEADING = "misleading", _("Harmful advice or misleading health claims")
    OTHER = "other", _("Something else")


class Report(models.Model):
    """A member asks moderators to look at something. The reported member is never told who."""

    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="reports_made"
    )
    kind = models.CharField(max_length=30)
    object_id = models.PositiveBigIntegerField()
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        related_name="reports_about",
        help_text="The member the report is about (the author of the content).",
    )
    reason = models.CharField(_("reason"), max_length=20, choices=ReportReason.choices)
    details = EncryptedTextField(_("what happened"), blank=True)
    status = models.CharField(max_length=12, choices=AlertStatus.choices, default=AlertStatus.NEW)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "created_at"])]
        verbose_name = _("report")
        verbose_name_plural = _("reports")

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id} ({self.status})"


class ActionKind(models.TextChoices):
    HIDE = "hide", _("Hide the content")
    WARN = "warn", _("Warn the member")
    SUSPEND = "suspend", _("Suspend the member for a period")
    BAN = "ban", _("Ban the member")
    RESTORE = "restore", _("Restore (undo an earlier decision)")


# What each decision means, said to the member it is about (the kinds are the moderators').
WORDS_TO_MEMBER = {
    ActionKind.HIDE: _("A moderator has hidden something you wrote"),
    ActionKind.WARN: _("A moderator has sent you a warning"),
    ActionKind.SUSPEND: _("Your account is paused for a while"),
    ActionKind.BAN: _("Your account is closed"),
    ActionKind.RESTORE: _("An earlier decision about you is undone"),
}


class ModerationAction(models.Model):
    """A moderator's decision about a member: append-only, the audit trail of moderation."""

    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="moderation_actions"
    )
    kind = models.CharField(_("decision"), max_length=10, choices=ActionKind.choices)
    reason = models.TextField(_("reason the member sees"))
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    report = models.ForeignKey(
        Report, on_delete=models.SET_NULL, null=True, blank=True, related_name="actions"
    )
    content_kind = models.CharField(max_length=30, blank=True)

    content_id = models.PositiveBigIntegerField(null=True, blank=True)
    until = models.DateTimeField(_("until"), null=True, blank=True)
    undoes = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="undone_by"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("moderation decision")
        verbose_name_plural = _("moderation decisions")

    def __str__(self) -> str:
        return f"{self.kind} {self.member_id} {self.created_at:%Y-%m-%d}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ValueError("Moderation decisions are never changed; record a new one.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        raise ValueError("Moderation decisions are never deleted.")

    def words_to_member(self) -> str:
        return str(WORDS_TO_MEMBER.get(ActionKind(self.kind), self.get_kind_display()))


class Appeal(models.Model):
    """The member disagrees with a decision. A moderator answers: upheld, or restored."""

    action = models.OneToOneField(ModerationAction, on_delete=models.CASCADE, related_name="appeal")
    text = EncryptedTextField(_("why you think the decision is wrong"))
    created_at = models.DateTimeField(default=timezone.now)
    answer = models.TextField(_("answer"), blank=True)
    restored = models.BooleanField(default=False)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("appeal")
        verbose_name_plural = _("appeals")

    def __str__(self) -> str:
        return f"appeal of {self.action_id}"
