"""Becoming a volunteer: apply, book the conversation, keep notes, decide, and the peer-guide
role once the approved volunteer has two-factor login."""

from dataclasses import dataclass
from datetime import date, datetime

from django.db import transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ligesind.accounts.models import Role, User
from ligesind.accounts.permissions import coordinators_of, has_two_factor, scope_q
from ligesind.accounts.services import extend_role
from ligesind.core.audit import record_staff_access
from ligesind.core.errors import DomainError, NotAllowed
from ligesind.core.models import Municipality
from ligesind.core.services import notify
from ligesind.core.text_hooks import text_accepted
from ligesind.organisations.models import Organisation
from ligesind.organisations.services import works_in

from .. import permissions
from ..models import OPEN_STATUSES, ApplicationNote, ApplicationStatus, VolunteerApplication, Wish

Status = ApplicationStatus


def application_url(application: VolunteerApplication) -> str:
    return reverse("volunteers:application", args=[application.pk])


@dataclass(frozen=True)
class ApplicationData:
    organisation: Organisation
    municipality: Municipality
    experience: str
    motivation: str
    wishes: list[str]
    availability: str = ""


@transaction.atomic
def apply_to_volunteer(*, actor: User, data: ApplicationData) -> VolunteerApplication:
    """A member applies; the coordinators of the municipality acting for the organisation are
    told. Lived experience is required (seeds 001, 002, 004)."""
    if not permissions.can_apply(actor):
        raise NotAllowed(_("Only members can apply to become volunteers."))
    if not works_in(data.organisation, data.municipality):
        raise DomainError(
            _("%(organisation)s does not have volunteers in %(municipality)s.")
            % {"organisation": data.organisation.name, "municipality": data.municipality.name}
        )
    experience, motivation = data.experience.strip(), data.motivation.strip()
    if not experience:
        raise DomainError(_("Tell a little about your own experience: it is what you bring."))
    if not motivation:
        raise DomainError(_("Tell us why you would like to be a volunteer."))
    wishes = [w for w in data.wishes if w in Wish.values]
    if not wishes:
        raise DomainError(_("Choose at least one thing you would like to do."))
    if VolunteerApplication.objects.filter(
        applicant=actor,
        organisation=data.organisation,
        municipality=data.municipality,
        status__in=OPEN_STATUSES,
    ).exists():
        raise DomainError(_("You have already applied there. The coordinator will contact you."))
    application = VolunteerApplication.objects.create(
        applicant=actor,
        organisation=data.organisation,
        municipality=data.municipality,
        experience=experience[:4000],
        motivation=motivation[:4000],
        wishes=wishes,
        availability=data.availability.strip()[:300],
    )
    text_accepted(author=actor, text=f"{experience}\n{motivation}", where="volunteer_application")
    for coordinator in coordinators_of(data.municipality.pk, data.organisation.pk):
        notify(coordinator, "volunteer_application", url=application_url(application))
    return application


def applications_to_screen(actor: User) -> QuerySet[VolunteerApplication]:
    """The applications a coordinator screens: their municipalities and organisations."""
    if not permissions.can_screen_any(actor):
        raise NotAllowed(_("Only coordinators screen applications."))
    rows = VolunteerApplication.objects.select_related(
        "applicant__profile", "organisation", "municipality"
    )
    scope = scope_q(actor)
    return rows if scope is None else rows.filter(scope)


def look_at_application(*, viewer: User, application: VolunteerApplication) -> None:
    """A coordinator reading someone's application is in the applicant's "who looked" log."""
    record_staff_access(
        viewer=viewer,
        subject=application.applicant,
        what=_("volunteer application"),
        purpose=_("screening a volunteer"),
    )


def _check_screens(actor: User, application: VolunteerApplication) -> VolunteerApplication:
    locked = VolunteerApplication.objects.select_for_update().get(pk=application.pk)
    if not permissions.screens(actor, locked):
        raise NotAllowed(_("Only the municipality's coordinators screen this application."))
    return locked


@transaction.atomic
def book_conversation(
    *, actor: User, application: VolunteerApplication, when: datetime, place: str
) -> VolunteerApplication:
    application = _check_screens(actor, application)
    if not application.is_open:
        raise DomainError(_("This application is already decided."))
    if when <= timezone.now():
        raise DomainError(_("Choose a time in the future."))
    if not place.strip():
        raise DomainError(_("Say where you will meet (or that it is by phone or video)."))
    application.status = Status.CONVERSATION
    application.conversation_at, application.conversation_place = when, place.strip()[:200]
    application.save(update_fields=["status", "conversation_at", "conversation_place"])
    notify(application.applicant, "volunteer_conversation", url=application_url(application))
    return application


@transaction.atomic
def add_application_note(
    *, actor: User, application: VolunteerApplication, text: str
) -> ApplicationNote:
    if not permissions.can_read_notes(actor, application):
        raise NotAllowed(_("Only the municipality's coordinators keep notes here."))
    if not text.strip():
        raise DomainError(_("Write the note first."))
    return ApplicationNote.objects.create(
        application=application, author=actor, text=text.strip()[:4000]
    )


@transaction.atomic
def decide_application(
    *,
    actor: User,
    application: VolunteerApplication,
    decision: str,
    message: str = "",
    not_before: date | None = None,
) -> VolunteerApplication:
    """Approved (the peer-guide role there, now or once two-factor login is on), declined with
    a kind message, or "not now" with the date to ask again."""
    application = _check_screens(actor, application)
    if not application.is_open:
        raise DomainError(_("This application is already decided."))
    if decision not in (Status.APPROVED, Status.DECLINED, Status.NOT_NOW):
        raise DomainError(_("Choose a decision."))
    if decision == Status.NOT_NOW and (not_before is None or not_before <= timezone.localdate()):
        raise DomainError(_("Choose the date from which they can ask again."))
    if decision == Status.DECLINED and not message.strip():
        raise DomainError(_("Write a few kind words to the applicant about why."))
    application.status = decision
    application.message = message.strip()[:2000]
    application.not_before = not_before if decision == Status.NOT_NOW else None
    application.decided_by, application.decided_at = actor, timezone.now()
    application.save()
    if decision == Status.APPROVED:
        start_as_peer_guide(application)
    notify(application.applicant, "volunteer_decision", url=application_url(application))
    return application


def start_as_peer_guide(application: VolunteerApplication) -> bool:
    """The peer-guide role in the organisation and municipality, if the account has
    two-factor login (otherwise the applicant's page asks for it, and this runs again when
    they turn it on)."""
    if application.role_granted_at is not None or not has_two_factor(application.applicant):
        return False
    extend_role(
        granted_by=application.decided_by or application.applicant,
        user=application.applicant,
        role=Role.PEER_GUIDE,
        municipality=application.municipality,
        organisation=application.organisation,
    )
    application.role_granted_at = timezone.now()
    application.save(update_fields=["role_granted_at"])
    return True


def start_approved(user: User) -> None:
    """Two-factor login was turned on: approved applications waiting for it take effect."""
    for application in VolunteerApplication.objects.filter(
        applicant=user, status=Status.APPROVED, role_granted_at__isnull=True
    ).select_related("organisation", "municipality", "decided_by"):
        start_as_peer_guide(application)


@transaction.atomic
def withdraw_application(*, actor: User, application: VolunteerApplication) -> None:
    if application.applicant_id != actor.pk or not application.is_open:
        raise DomainError(_("This application can no longer be withdrawn."))
    application.status = Status.WITHDRAWN
    application.save(update_fields=["status"])
