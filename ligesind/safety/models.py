"""Safety: the crisis lexicon (data moderators extend) and crisis alerts for moderators."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ligesind.core.fields import EncryptedTextField


class TermLanguage(models.TextChoices):
    DA = "da", _("Danish")
    EN = "en", _("English")


class CrisisTerm(models.Model):
    """A phrase that signals crisis. Words are matched whole; a word ending in ``*`` matches
    every ending (``skade* mig selv`` finds "skader mig selv" and "skadede mig selv")."""

    phrase = models.CharField(_("phrase"), max_length=200, unique=True)
    language = models.CharField(_("language"), max_length=2, choices=TermLanguage.choices)
    active = models.BooleanField(_("in use"), default=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["language", "phrase"]
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
    phrase = models.CharField(max_length=200)
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
