"""What messaging plugs into: contacts, notification kinds, export."""

from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from ligesind.accounts.contacts import register_contact_source
from ligesind.core.models import EmailMode
from ligesind.core.moderation import ContextLine, register_alert_context
from ligesind.core.notifications import NotificationKind, register_kind
from ligesind.core.privacy import register_export, register_labels
from ligesind.core.retention import register_forget, register_purge

from . import reporting, services
from .models import Message, MessageRequest, MessagingSettings, Participant, RequestStatus


def conversation_partner_ids(user_id: int) -> list[int]:
    mine = Participant.objects.filter(user_id=user_id).values("conversation_id")
    return list(
        Participant.objects.filter(conversation_id__in=mine)
        .exclude(user_id=user_id)
        .values_list("user_id", flat=True)
        .distinct()
    )


def export_messages(user: Any) -> dict[str, Any]:
    prefs = MessagingSettings.objects.filter(user_id=user.pk).first()
    return {
        "requests_from": prefs.get_requests_from_display() if prefs else None,
        "conversations": [
            {
                "conversation": p.conversation_id,
                "joined": p.joined_at.isoformat(),
                "muted": p.muted,
            }
            for p in Participant.objects.filter(user_id=user.pk)
        ],
        "messages_i_wrote": [
            {
                "conversation": m.conversation_id,
                "text": m.body,
                "sent": m.created_at.isoformat(),
                "edited": m.edited_at.isoformat() if m.edited_at else None,
                "deleted": m.deleted_at is not None,
            }
            for m in Message.objects.filter(sender_id=user.pk)
        ],
        "requests_i_sent": [
            {"text": r.body, "sent": r.created_at.isoformat(), "status": r.get_status_display()}
            for r in MessageRequest.objects.filter(sender_id=user.pk)
        ],
        "requests_i_received": [
            {"sent": r.created_at.isoformat(), "status": r.get_status_display()}
            for r in MessageRequest.objects.filter(receiver_id=user.pk)
        ],
    }


def purge_messages(now: datetime) -> dict[str, int]:
    """Deleted messages and declined requests are kept ``LIGESIND_PURGE_DELETED_DAYS``."""
    cutoff = now - timedelta(days=settings.LIGESIND_PURGE_DELETED_DAYS)
    declined = MessageRequest.objects.filter(status=RequestStatus.DECLINED, decided_at__lt=cutoff)
    return {
        "deleted_messages": Message.objects.filter(deleted_at__lt=cutoff).delete()[0],
        "declined_message_requests": declined.delete()[0],
    }


def unread_messages() -> Any:
    """The navigation's unread-message count (``services.total_unread`` as one expression),
    loaded with the signed-in user (accounts.backends)."""
    from django.db.models import Count, F, OuterRef, Subquery
    from django.db.models.functions import Coalesce

    unread = (
        Message.objects.filter(
            conversation__participants__user=OuterRef("pk"),
            id__gt=F("conversation__participants__last_read_id"),
            deleted_at__isnull=True,
        )
        .exclude(sender=OuterRef("pk"))
        .order_by()
        .values("conversation__participants__user")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(unread), 0)


RECENT_FOR_MODERATORS = 6


def recent_messages(author_id: int, conversation_id: int) -> list[ContextLine]:
    """The author's newest messages in the conversation (none of the others'), oldest first:
    what the moderator reads before writing to them."""
    rows = (
        Message.objects.filter(
            conversation_id=conversation_id, sender_id=author_id, deleted_at__isnull=True
        )
        .order_by("-created_at", "-pk")
        .only("body", "created_at")[:RECENT_FOR_MODERATORS]
    )
    return [ContextLine(at=row.created_at, text=row.body) for row in reversed(rows)]


def register() -> None:
    from ligesind.core.people import register_user_annotation

    register_user_annotation("ligesind_unread_messages", unread_messages)
    register_purge(purge_messages)
    register_forget(services.forget_deleted_messages)
    reporting.register()
    register_contact_source(conversation_partner_ids)
    register_alert_context("conversation", recent_messages)
    register_kind(
        NotificationKind(
            "message_request",
            _("Someone asks to write with me"),
            _("You have a new message request."),
            EmailMode.IMMEDIATE,
        )
    )
    register_kind(
        NotificationKind(
            "message_request_accepted",
            _("My message request was accepted"),
            _("Your message request was accepted. You can write together now."),
        )
    )
    register_kind(
        NotificationKind(
            "message_request_declined",
            _("My message request was not accepted"),
            _(
                "Your message request was not accepted this time. That is all right: "
                "everyone chooses for themselves whom they write with."
            ),
        )
    )
    register_kind(
        NotificationKind(
            "unread_message",
            _("Messages I have not read"),
            _("You have unread messages in a conversation."),
            EmailMode.IMMEDIATE,
        )
    )
    register_export(
        "messages",
        label=_("Messages"),
        models=[
            "messaging.MessagingSettings",
            "messaging.Participant",
            "messaging.Message",
            "messaging.MessageRequest",
        ],
        collect=export_messages,
    )
    register_labels(
        {
            "messages": _("Messages"),
            "requests_from": _("Who may send me a message request"),
            "conversations": _("Conversations"),
            "conversation": _("Conversation"),
            "muted": _("Muted"),
            "messages_i_wrote": _("Messages I wrote"),
            "requests_i_sent": _("Message requests I sent"),
            "requests_i_received": _("Message requests I received"),
            "sent": _("Sent"),
            "edited": _("Edited"),
            "deleted": _("Deleted"),
            "status": _("Status"),
        }
    )
