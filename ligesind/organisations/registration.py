"""What organisations plug into: the member's data export."""

from typing import Any

from django.utils.translation import gettext_lazy as _

from ligesind.core.privacy import register_export, register_labels

from .models import OrganisationMembership


def export_organisations(user: Any) -> dict[str, Any]:
    return {
        "organisations_joined": [
            {"organisation": m.organisation.name, "joined": m.joined_at.isoformat()}
            for m in OrganisationMembership.objects.filter(user_id=user.pk).select_related(
                "organisation"
            )
        ]
    }


def register() -> None:
    register_export(
        "organisations",
        label=_("Organisations"),
        models=["organisations.OrganisationMembership", "organisations.LocalContact"],
        collect=export_organisations,
    )
    register_labels(
        {
            "organisations": _("Organisations"),
            "organisations_joined": _("Organisations I have joined"),
        }
    )
