"""Notification kinds. Each app registers its own; ``core.services.notify`` sends them.

    register_kind(NotificationKind("role_granted", _("A role was given to me"),
                                   _("You have been given the role %(role)s.")))

``message`` is a translatable text with ``%(name)s`` placeholders filled from ``params``, shown in
the reader's language. Keep sensitive content out of ``params`` where it can be avoided; it is
never put in e-mails either way.
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext, override

from .models import EmailMode, Notification


@dataclass(frozen=True)
class NotificationKind:
    key: str
    label: str | Promise
    message: str | Promise
    default_email: EmailMode = EmailMode.DIGEST


_kinds: dict[str, NotificationKind] = {}


def register_kind(kind: NotificationKind) -> None:
    _kinds[kind.key] = kind


def get_kind(key: str) -> NotificationKind:
    return _kinds[key]


def kinds() -> list[NotificationKind]:
    return sorted(_kinds.values(), key=lambda kind: str(kind.label))


def source_text(text: str | Promise) -> str:
    """The untranslated source of a translatable text, to store and translate when shown."""
    with override("en"):
        return str(text)


def render(notification: Notification) -> str:
    kind = _kinds.get(notification.kind)
    if kind is None:
        return gettext("You have a new notification.")
    params = {key: gettext(str(value)) for key, value in notification.params.items()}
    try:
        return gettext(str(kind.message)) % params
    except (KeyError, ValueError, TypeError):
        return gettext(str(kind.message))
