"""What workplace requests plug into: the staff's notification and the purge of old ones."""

from django.utils.translation import gettext_lazy as _

from ligesind.core.models import EmailMode
from ligesind.core.notifications import NotificationKind, register_kind
from ligesind.core.retention import register_purge

from .services import purge_workplace_requests


def register() -> None:
    register_kind(
        NotificationKind(
            "workplace_request",
            _("A workplace asked my organisation for advice, a talk or a workshop (staff)"),
            _("A workplace has asked %(organisation)s for advice, a talk or a workshop."),
            EmailMode.IMMEDIATE,
        )
    )
    register_purge(purge_workplace_requests)
