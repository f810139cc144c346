"""Workplaces ask an organisation for advice on hiring peers, a talk or a workshop (seed 003);
the organisation's staff follow each request from new to done, with notes, and link it to the
talk's activity. The contact person's name, their e-mail or phone and the message are stored
encrypted and deleted two years after the request was closed."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ligesind.core.fields import EncryptedTextField
from ligesind.core.models import Municipality

USER = settings.AUTH_USER_MODEL


class Want(models.TextChoices):
    ADVICE = "advice", _("Advice on hiring people with lived experience")
    TALK = "talk", _("A talk about peer work")
    WORKSHOP = "workshop", _("A workshop for our staff")


class RequestStatus(models.TextChoices):
    NEW = "new", _("New")
    CONTACTED = "contacted", _("Contacted")
    PLANNED = "planned", _("Planned")
    DONE = "done", _("Done")
    DECLINED = "declined", _("Not this time")


CLOSED = (RequestStatus.DONE, RequestStatus.DECLINED)


class WorkplaceRequest(models.Model):
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.CASCADE,
        related_name="workplace_requests",
        verbose_name=_("organisation"),
    )
    municipality = models.ForeignKey(
        Municipality, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    workplace = models.CharField(_("workplace"), max_length=200)
    contact_name = EncryptedTextField(_("contact person"))
    reach = EncryptedTextField(_("e-mail or phone"))
    wants = models.JSONField(default=list)
    message = EncryptedTextField(_("message"), blank=True)
    status = models.CharField(
        max_length=12, choices=RequestStatus.choices, default=RequestStatus.NEW
    )
    activity = models.ForeignKey(
        "activities.Activity",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("activity"),
    )
    created_at = models.DateTimeField(default=timezone.now)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("workplace request")
        verbose_name_plural = _("workplace requests")
        indexes = [models.Index(fields=["organisation", "status"])]

    def __str__(self) -> str:
        return f"{self.workplace} → {self.organisation_id} ({self.status})"

    def want_labels(self) -> list[str]:
        return [str(Want(w).label) for w in self.wants if w in Want.values]


class WorkplaceNote(models.Model):
    request = models.ForeignKey(WorkplaceRequest, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+")
    text = EncryptedTextField(_("note"))
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"note {self.pk} on {self.request_id}"
