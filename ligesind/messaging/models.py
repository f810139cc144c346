"""Conversations between 2 and 8 people, their messages, and message requests."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ligesind.core.fields import EncryptedTextField

MAX_PARTICIPANTS = 8
# A course group holds its participants (default 10 places) and their leaders.
MAX_COURSE_PARTICIPANTS = 30


class RequestPolicy(models.TextChoices):
    EVERYONE = "everyone", _("Everyone")
    SHARED = "shared", _("Only members who share a lived experience with me")
    NOBODY = "nobody", _("Nobody (only matches, groups and courses open conversations)")


class MessagingSettings(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="messaging_settings"
    )
    requests_from = models.CharField(
        _("Who may send me a message request"),
        max_length=20,
        choices=RequestPolicy.choices,
        default=RequestPolicy.SHARED,
    )

    def __str__(self) -> str:
        return f"{self.user_id}: {self.requests_from}"


class ConversationKind(models.TextChoices):
    DIRECT = "direct", _("Conversation")
    GROUP = "group", _("Group conversation")
    MATCH = "match", _("Match")
    COURSE = "course", _("Course group")


class Conversation(models.Model):
    kind = models.CharField(max_length=20, choices=ConversationKind.choices, default="direct")
    title = models.CharField(_("title"), max_length=120, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return self.title or f"#{self.pk}"


class Participant(models.Model):
    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="participants"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="conversation_memberships"
    )
    joined_at = models.DateTimeField(default=timezone.now)
    last_read_id = models.BigIntegerField(default=0)
    muted = models.BooleanField(default=False)
    last_notice_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["conversation", "user"], name="participate_once")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} in {self.conversation_id}"


class Message(models.Model):
    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="messages"
    )
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="messages_sent",
    )
    body = EncryptedTextField(blank=True)
    client_key = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    edited_at = models.DateTimeField(null=True, blank=True)
    deleted_at = models.DateTimeField(null=True, blank=True)
    # the deleted text, out of sight, while its writer may still undo (core.retention)
    held_body = EncryptedTextField(null=True, blank=True, editable=False)
    hidden_at = models.DateTimeField(null=True, blank=True)  # by a moderator
    # crisis language was found: the other people in the conversation get a word on answering
    crisis = models.BooleanField(default=False)

    class Meta:
        ordering = ["id"]
        indexes = [
            models.Index(fields=["conversation", "id"]),
            models.Index(
                fields=["deleted_at"],
                condition=models.Q(held_body__isnull=False),
                name="message_held_deleted",
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["sender", "client_key"],
                condition=~models.Q(client_key=""),
                name="one_message_per_client_key",
            )
        ]

    def __str__(self) -> str:
        return f"message {self.pk} in {self.conversation_id}"


class RequestStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for an answer")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Not accepted")


class MessageRequest(models.Model):
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="message_requests_sent"
    )
    receiver = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="message_requests_received",
    )
    body = EncryptedTextField()
    client_key = models.CharField(max_length=64, blank=True)
    status = models.CharField(max_length=20, choices=RequestStatus.choices, default="pending")
    created_at = models.DateTimeField(default=timezone.now)
    decided_at = models.DateTimeField(null=True, blank=True)
    conversation = models.ForeignKey(Conversation, on_delete=models.SET_NULL, null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["sender", "receiver"],
                condition=models.Q(status="pending"),
                name="one_pending_request_per_pair",
            )
        ]

    def __str__(self) -> str:
        return f"request {self.sender_id} → {self.receiver_id} ({self.status})"
