"""What organisations plug into: the member's data export."""

from typing import Any

from django.utils.translation import gettext_lazy as _

from ligesind.core.privacy import register_export, register_labels

from .models import LocalContact, OrganisationMembership, SiteNotice


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
        "site_notices_written": [
            {"text": n.text, "when": n.updated_at.isoformat()}
            for n in SiteNotice.objects.filter(updated_by_id=user.pk)
        ],
    }


def register() -> None:
    register_export(
        "organisations",
        label=_("Organisations"),
        models=[
            "organisations.OrganisationMembership",
            "organisations.LocalContact",
            "organisations.SiteNotice",
        ],
        collect=export_organisations,
    )
    register_labels(
        {
            "organisations": _("Organisations"),
            "organisations_joined": _("Organisations I have joined"),
            "public_contact_details": _("My contact details on the public pages"),
            "site_notices_written": _("Site notices I wrote"),
        }
    )
