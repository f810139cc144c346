"""Training for volunteers: programmes with modules, enrolment, attendance and completion.
Coordinators of the organisation run it; completing a qualifying programme is what the
training gate (``volunteers.training``) asks of peer guides where the organisation requires
it."""

from collections.abc import Iterable
from datetime import datetime
from decimal import Decimal

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from ligesind.accounts.models import Role, User
from ligesind.accounts.permissions import has_role
from ligesind.core.errors import DomainError, NotAllowed
from ligesind.organisations.models import Organisation
from ligesind.organisations.permissions import organisations_coordinated_by

from .. import permissions
from ..models import ModuleAttendance, TrainingEnrolment, TrainingModule, TrainingProgramme


def _check(actor: User, organisation_id: int) -> None:
    if not permissions.can_manage_training(actor, organisation_id):
        raise NotAllowed(_("Only the organisation's coordinators run its training."))


def trainings_to_manage(actor: User) -> QuerySet[TrainingProgramme]:
    rows = TrainingProgramme.objects.select_related("organisation")
    if not permissions.can_screen_any(actor):
        return rows.none()
    return rows.filter(organisation__in=organisations_coordinated_by(actor))


@transaction.atomic
def create_training(
    *, actor: User, organisation: Organisation, name: str, description: str, qualifies: bool
) -> TrainingProgramme:
    _check(actor, organisation.pk)
    if not name.strip():
        raise DomainError(_("Give the training a name."))
    return TrainingProgramme.objects.create(
        organisation=organisation,
        name=name.strip()[:120],
        description=description.strip()[:2000],
        qualifies=qualifies,
    )


@transaction.atomic
def add_training_module(
    *,
    actor: User,
    programme: TrainingProgramme,
    title: str,
    starts_at: datetime,
    place: str,
    hours: Decimal = Decimal("3"),
) -> TrainingModule:
    _check(actor, programme.organisation_id)
    if not title.strip() or not place.strip():
        raise DomainError(_("Give the module a title and a place."))
    if not Decimal("0.5") <= hours <= Decimal("12"):
        raise DomainError(_("A module lasts between half an hour and 12 hours."))
    return TrainingModule.objects.create(
        programme=programme,
        title=title.strip()[:120],
        starts_at=starts_at,
        place=place.strip(),
        hours=hours,
    )


@transaction.atomic
def enrol_in_training(
    *, actor: User, programme: TrainingProgramme, volunteer: User
) -> TrainingEnrolment:
    """A coordinator enrols a peer guide (or a coordinator) in the programme."""
    _check(actor, programme.organisation_id)
    if not (has_role(volunteer, Role.PEER_GUIDE) or has_role(volunteer, Role.COORDINATOR)):
        raise DomainError(_("Only volunteers can be enrolled: approve their application first."))
    enrolment, _created = TrainingEnrolment.objects.get_or_create(
        programme=programme, volunteer=volunteer
    )
    return enrolment


@transaction.atomic
def record_module_attendance(*, actor: User, module: TrainingModule, present: Iterable[int]) -> int:
    """Who was there: every enrolled volunteer is marked present or not."""
    _check(actor, module.programme.organisation_id)
    there = set(present)
    enrolled = module.programme.enrolments.values_list("volunteer_id", flat=True)
    for volunteer_id in enrolled:
        ModuleAttendance.objects.update_or_create(
            module=module, volunteer_id=volunteer_id, defaults={"present": volunteer_id in there}
        )
    return len(there)


@transaction.atomic
def complete_training(
    *, actor: User, enrolment: TrainingEnrolment, completed: bool = True
) -> TrainingEnrolment:
    _check(actor, enrolment.programme.organisation_id)
    enrolment.completed_at = timezone.now() if completed else None
    enrolment.save(update_fields=["completed_at"])
    return enrolment
