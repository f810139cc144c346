from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Region(models.TextChoices):
    HOVEDSTADEN = "hovedstaden", _("Capital Region of Denmark")
    SJAELLAND = "sjaelland", _("Region Zealand")
    SYDDANMARK = "syddanmark", _("Region of Southern Denmark")
    MIDTJYLLAND = "midtjylland", _("Central Denmark Region")
    NORDJYLLAND = "nordjylland", _("North Denmark Region")


class Municipality(models.Model):
    """A Danish municipality (kommune). All 98 are loaded by a data migration."""

    name = models.CharField(_("name"), max_length=60, unique=True)
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    region = models.CharField(_("region"), max_length=20, choices=Region.choices)

    class Meta:
        ordering = ["name"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")

    def __str__(self) -> str:
        return self.name


class AccessLogQuerySet(models.QuerySet["AccessLog"]):
    """Append-only: rows are never updated, and deleted only when their subject is erased."""

    def update(self, **kwargs: object) -> int:
        raise PermissionError("The access log is append-only.")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise PermissionError("The access log is append-only.")

    def erase_subject(self, subject_id: int) -> None:
        """GDPR erasure of a member: the log about them goes with their account."""
        models.QuerySet.delete(self.filter(subject_id=subject_id))


class AccessLog(models.Model):
    """Staff opened a member's sensitive data: who, whose, what, when and why.

    Ids are plain integers (not foreign keys) so an entry survives the staff account that made it.
    """

    actor_id = models.BigIntegerField(_("staff account"), db_index=True)
    actor_alias = models.CharField(_("staff"), max_length=100)
    actor_roles = models.CharField(_("roles"), max_length=200)
    subject_id = models.BigIntegerField(_("member account"), db_index=True)
    what = models.CharField(_("what"), max_length=100)
    purpose = models.CharField(_("why"), max_length=300)
    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)

    objects = AccessLogQuerySet.as_manager()

    class Meta:
        ordering = ["-at"]
        verbose_name = _("access log entry")
        verbose_name_plural = _("access log")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_alias}: {self.what}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise PermissionError("The access log is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise PermissionError("The access log is append-only.")


class EmailMode(models.TextChoices):
    IMMEDIATE = "immediate", _("E-mail me at once")
    DIGEST = "digest", _("One e-mail a day with everything new")
    NEVER = "never", _("No e-mail, only here on the site")


class Notification(models.Model):
    """Something a member should know. The text is made from ``kind`` and ``params`` when shown,
    in the reader's language; e-mails about it never carry its content."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=60)
    params = models.JSONField(default=dict, blank=True)
    url = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["recipient", "read_at"])]

    def __str__(self) -> str:
        return f"{self.kind} → {self.recipient_id}"


class NotificationPreference(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preferences"
    )
    kind = models.CharField(max_length=60)
    email = models.CharField(max_length=20, choices=EmailMode.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="one_preference_per_kind")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.kind}: {self.email}"
