"""What volunteering plugs into: notifications, the member's data export, and two-factor
login (an approved volunteer becomes a peer guide once it is on)."""

from typing import Any

from allauth.mfa.signals import authenticator_added
from django.utils.translation import gettext_lazy as _

from ligesind.core.models import EmailMode
from ligesind.core.notifications import NotificationKind, register_kind
from ligesind.core.privacy import register_export, register_labels

from .models import ModuleAttendance, TrainingEnrolment, VolunteerApplication, VolunteerHours


def export_volunteering(user: Any) -> dict[str, Any]:
    return {
        "volunteer_applications": [
            {
                "organisation": a.organisation.name,
                "municipality": a.municipality.name,
                "experience": a.experience,
                "motivation": a.motivation,
                "wishes": a.wishes,
                "availability": a.availability,
                "status": a.get_status_display(),
                "conversation": a.conversation_at.isoformat() if a.conversation_at else None,
                "message_from_the_coordinator": a.message,
                "applied": a.created_at.isoformat(),
            }
            for a in VolunteerApplication.objects.filter(applicant_id=user.pk).select_related(
                "organisation", "municipality"
            )
        ],
        "training": [
            {
                "programme": e.programme.name,
                "organisation": e.programme.organisation.name,
                "enrolled": e.enrolled_at.isoformat(),
                "completed": e.completed_at.isoformat() if e.completed_at else None,
                "modules_attended": [
                    a.module.title
                    for a in ModuleAttendance.objects.filter(
                        volunteer_id=user.pk, present=True, module__programme=e.programme
                    ).select_related("module")
                ],
            }
            for e in TrainingEnrolment.objects.filter(volunteer_id=user.pk).select_related(
                "programme__organisation"
            )
        ],
        "volunteer_hours": [
            {
                "date": h.on.isoformat(),
                "what": h.get_kind_display(),
                "hours": str(h.hours),
                "organisation": h.organisation.name if h.organisation else None,
                "note": h.note,
                "filled_in_from_the_platform": h.is_filled_in,
            }
            for h in VolunteerHours.objects.filter(volunteer_id=user.pk).select_related(
                "organisation"
            )
        ],
    }


def _two_factor_on(sender: Any, request: Any = None, user: Any = None, **kwargs: Any) -> None:
    from .services import start_approved

    if user is not None:
        start_approved(user)


def register() -> None:
    for key, label, message, mode in [
        (
            "volunteer_application",
            _("Someone applied to be a volunteer (coordinators)"),
            _("Someone has applied to be a volunteer in your municipality."),
            EmailMode.IMMEDIATE,
        ),
        (
            "volunteer_conversation",
            _("A conversation about volunteering is booked"),
            _("The coordinator has booked a conversation with you about volunteering."),
            EmailMode.IMMEDIATE,
        ),
        (
            "volunteer_decision",
            _("An answer to my application to volunteer"),
            _("The coordinator has answered your application to be a volunteer."),
            EmailMode.IMMEDIATE,
        ),
    ]:
        register_kind(NotificationKind(key, label, message, mode))
    register_export(
        "volunteers",
        label=_("Volunteering"),
        models=[
            "volunteers.VolunteerApplication",
            "volunteers.ApplicationNote",
            "volunteers.TrainingEnrolment",
            "volunteers.ModuleAttendance",
            "volunteers.VolunteerHours",
        ],
        collect=export_volunteering,
    )
    register_labels(
        {
            "volunteers": _("Volunteering"),
            "volunteer_applications": _("My applications to volunteer"),
            "training": _("My training as a volunteer"),
            "volunteer_hours": _("My hours as a volunteer"),
        }
    )
    authenticator_added.connect(_two_factor_on, dispatch_uid="ligesind.volunteers.two_factor")
