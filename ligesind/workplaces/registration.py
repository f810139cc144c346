"""What workplace requests plug into: the staff's notification and the purge of old ones."""

from typing import Any

from django.utils.translation import gettext_lazy as _

from ligesind.core.models import EmailMode
from ligesind.core.notifications import NotificationKind, register_kind
from ligesind.core.privacy import register_export, register_labels
from ligesind.core.retention import register_purge

from .models import WorkplaceNote
from .services import purge_workplace_requests


def export_workplace_notes(user: Any) -> dict[str, Any]:
    """The notes a staff member wrote on workplaces' requests (the requests themselves are
    the workplaces', not the member's)."""
    return {
        "workplace_notes": [
            {
                "workplace": note.request.workplace,
                "organisation": note.request.organisation.name,
                "note": note.text,
                "written": note.created_at.isoformat(),
            }
            for note in WorkplaceNote.objects.filter(author_id=user.pk).select_related(
                "request__organisation"
            )
        ]
    }


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
    register_export(
        "workplaces",
        label=_("Workplaces"),
        models=["workplaces.WorkplaceNote"],
        collect=export_workplace_notes,
    )
    register_labels({"workplace_notes": _("My notes on requests from workplaces")})
