"""What organisations plug into: the member's data export."""

from typing import Any

from django.utils.translation import gettext_lazy as _

from ligesind.core.models import EmailMode
from ligesind.core.notifications import NotificationKind, register_kind
from ligesind.core.privacy import register_export, register_labels
from ligesind.core.retention import register_purge

from .contact import purge_contact_requests
from .models import ContactRequest, LocalContact, OrganisationMembership, SiteNotice


def export_organisations(user: Any) -> dict[str, Any]:
    return {
        "organisations_joined": [
            {"organisation": m.organisation.name, "joined": m.joined_at.isoformat()}
            for m in OrganisationMembership.objects.filter(user_id=user.pk).select_related(
                "organisation"
            )
        ],
        "public_contact_details": [
            {
                "organisation": c.organisation.name,
                "municipality": c.municipality.name,
                "name": c.name,
                "title": c.title,
                "phone": c.phone,
                "email": c.email,
            }
            for c in LocalContact.objects.filter(user_id=user.pk).select_related(
                "organisation", "municipality"
            )
        ],
        "messages_to_organisations": [
            {
                "organisation": r.organisation.name,
                "topic": r.get_topic_display(),
                "text": r.text,
                "when": r.created_at.isoformat(),
                "status": r.get_status_display(),
            }
            for r in ContactRequest.objects.filter(sender_id=user.pk).select_related("organisation")
        ],
        "site_notices_written": [
            {"text": n.text, "when": n.updated_at.isoformat()}
            for n in SiteNotice.objects.filter(updated_by_id=user.pk)
        ],
    }


def register() -> None:
    register_kind(
        NotificationKind(
            "contact_request",
            _("Someone wrote to my organisation (staff)"),
            _("Someone has written to %(organisation)s. Read it in the organisation's inbox."),
            EmailMode.IMMEDIATE,
        )
    )
    register_purge(purge_contact_requests)
    register_export(
        "organisations",
        label=_("Organisations"),
        models=[
            "organisations.OrganisationMembership",
            "organisations.LocalContact",
            "organisations.SiteNotice",
            "organisations.ContactRequest",
        ],
        collect=export_organisations,
    )
    register_labels(
        {
            "organisations": _("Organisations"),
            "organisations_joined": _("Organisations I have joined"),
            "public_contact_details": _("My contact details on the public pages"),
            "site_notices_written": _("Site notices I wrote"),
            "messages_to_organisations": _("What I wrote to organisations"),
        }
    )
