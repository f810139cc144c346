"""Messages can be reported; a moderator can hide one (shown as "hidden by a moderator")."""

from typing import Any

from django.utils.translation import gettext_lazy as _

from ligesind.core.moderation import AnyUser, Reportable, register_reportable

from . import permissions
from .models import Message


def _load(pk: int) -> Message | None:
    return Message.objects.select_related("conversation").filter(pk=pk).first()


def _visible_to(user: AnyUser, message: Message) -> bool:
    return message.deleted_at is None and permissions.can_view_conversation(
        user, message.conversation
    )


def _set_hidden(message: Any, hidden: bool) -> None:
    from .services import set_message_hidden

    set_message_hidden(message=message, hidden=hidden)


def register() -> None:
    register_reportable(
        Reportable(
            "message",
            _("a message"),
            load=_load,
            author_id=lambda message: message.sender_id,
            visible_to=_visible_to,
            text=lambda message: message.body,
            is_hidden=lambda message: message.hidden_at is not None,
            set_hidden=_set_hidden,
        )
    )
