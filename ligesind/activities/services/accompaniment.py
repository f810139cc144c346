"""Følgeskab: a member asks for company, a volunteer offers or is assigned, both confirm."""

from datetime import datetime
from decimal import Decimal

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ligesind.accounts.models import Role, RoleAssignment, User
from ligesind.accounts.permissions import acting_for, coordinators_of, is_blocked_between
from ligesind.core.audit import record_staff_access
from ligesind.core.errors import DomainError, NotAllowed
from ligesind.core.models import Municipality
from ligesind.core.services import notify
from ligesind.core.text_hooks import text_accepted
from ligesind.organisations.models import Organisation
from ligesind.organisations.services import works_in
from ligesind.volunteers.services.hours import check_hours_amount
from ligesind.volunteers.training import is_qualified_guide

from .. import permissions
from ..models import Accompaniment
from ..models import AccompanimentStatus as Status


def _url(item: Accompaniment) -> str:
    return reverse("activities:accompaniment", args=[item.pk])


@transaction.atomic
def request_accompaniment(
    *,
    actor: User,
    municipality: Municipality,
    what: str,
    where: str,
    when: datetime,
    organisation: Organisation | None = None,
) -> Accompaniment:
    """A member asks for company; the organisation (if chosen) must work in the municipality,
    and its coordinators there are told."""
    if not permissions.can_ask_for_accompaniment(actor):
        raise NotAllowed(_("You cannot ask for accompaniment."))
    if organisation is not None and not works_in(organisation, municipality):
        raise DomainError(
            _("%(organisation)s does not offer company in %(municipality)s.")
            % {"organisation": organisation.name, "municipality": municipality.name}
        )
    if when <= timezone.now():
        raise DomainError(_("Choose a time in the future."))
    if not what.strip() or not where.strip():
        raise DomainError(_("Tell us what you would like company for, and where."))
    item = Accompaniment.objects.create(
        member=actor,
        municipality=municipality,
        organisation=organisation,
        what=what.strip()[:2000],
        where=where.strip()[:300],
        when=when,
    )
    text_accepted(author=actor, text=item.what, where="accompaniment")
    for coordinator in coordinators_of(municipality.pk, item.organisation_id):
        notify(coordinator, "accompaniment_requested", url=_url(item))
    return item


def _locked(item: Accompaniment) -> Accompaniment:
    return Accompaniment.objects.select_for_update().get(pk=item.pk)


@transaction.atomic
def offer_accompaniment(*, actor: User, item: Accompaniment) -> Accompaniment:
    """A peer guide of the municipality offers to go along; the member then confirms."""
    item = _locked(item)
    if not permissions.can_offer_accompaniment(actor, item):
        raise NotAllowed(_("This request is no longer open for offers."))
    item.volunteer, item.status = actor, Status.PROPOSED
    item.volunteer_confirmed, item.member_confirmed = True, False
    item.save()
    notify(item.member, "accompaniment_proposed", url=_url(item))
    return item


def can_accompany(volunteer: User, item: Accompaniment) -> bool:
    return (
        volunteer.pk != item.member_id
        and RoleAssignment.objects.filter(
            user=volunteer, role=Role.PEER_GUIDE, municipalities=item.municipality
        )
        .filter(acting_for(item.organisation_id))
        .exists()
        and not is_blocked_between(volunteer, item.member)
        and is_qualified_guide(volunteer)
    )


@transaction.atomic
def assign_accompaniment(*, actor: User, item: Accompaniment, volunteer: User) -> Accompaniment:
    """A coordinator proposes a volunteer; both the volunteer and the member confirm."""
    item = _locked(item)
    if not permissions.coordinates_accompaniment(actor, item):
        raise NotAllowed(_("Only the municipality's coordinators assign volunteers."))
    if item.status in (Status.DONE, Status.CANCELLED):
        raise DomainError(_("This request is closed."))
    if not can_accompany(volunteer, item):
        raise DomainError(_("Choose a peer guide of this municipality."))
    item.volunteer, item.status = volunteer, Status.PROPOSED
    item.volunteer_confirmed = item.member_confirmed = False
    item.save()
    notify(volunteer, "accompaniment_assigned", url=_url(item))
    notify(item.member, "accompaniment_proposed", url=_url(item))
    return item


@transaction.atomic
def confirm_accompaniment(*, actor: User, item: Accompaniment) -> Accompaniment:
    item = _locked(item)
    if item.status != Status.PROPOSED:
        raise DomainError(_("There is nothing to confirm right now."))
    if actor.pk == item.member_id:
        item.member_confirmed = True
        other = item.volunteer
    elif actor.pk == item.volunteer_id:
        item.volunteer_confirmed = True
        other = item.member
    else:
        raise NotAllowed(_("Only the member and the volunteer confirm."))
    if item.member_confirmed and item.volunteer_confirmed:
        item.status = Status.CONFIRMED
        if other is not None:
            notify(other, "accompaniment_confirmed", url=_url(item))
    item.save()
    return item


@transaction.atomic
def decline_accompaniment(*, actor: User, item: Accompaniment) -> Accompaniment:
    """The member or the proposed volunteer says no: the request is open again."""
    item = _locked(item)
    if item.status not in (Status.PROPOSED, Status.CONFIRMED) or actor.pk not in (
        item.member_id,
        item.volunteer_id,
    ):
        raise NotAllowed(_("There is nothing for you to decline here."))
    item.volunteer, item.status = None, Status.OPEN
    item.member_confirmed = item.volunteer_confirmed = False
    item.save()
    for coordinator in coordinators_of(item.municipality_id, item.organisation_id):
        notify(coordinator, "accompaniment_requested", url=_url(item))
    return item


@transaction.atomic
def cancel_accompaniment(*, actor: User, item: Accompaniment) -> Accompaniment:
    item = _locked(item)
    if actor.pk != item.member_id:
        raise NotAllowed(_("Only the member who asked can cancel."))
    if item.status in (Status.DONE, Status.CANCELLED):
        raise DomainError(_("This request is already closed."))
    volunteer = item.volunteer
    item.status = Status.CANCELLED
    item.save(update_fields=["status"])
    if volunteer is not None:
        notify(volunteer, "accompaniment_cancelled", url=_url(item))
    return item


@transaction.atomic
def log_accompaniment_hours(*, actor: User, item: Accompaniment, hours: Decimal) -> Accompaniment:
    item = _locked(item)
    if actor.pk != item.volunteer_id or item.status not in (Status.CONFIRMED, Status.DONE):
        raise NotAllowed(_("Only the volunteer logs the hours of a confirmed accompaniment."))
    if item.when > timezone.now():
        raise DomainError(_("Log the hours after the accompaniment has taken place."))
    check_hours_amount(hours)
    item.hours, item.status = hours, Status.DONE
    item.save(update_fields=["hours", "status"])
    return item


@transaction.atomic
def give_accompaniment_feedback(
    *, actor: User, item: Accompaniment, rating: int, text: str = ""
) -> Accompaniment:
    item = _locked(item)
    if actor.pk != item.member_id or item.status not in (Status.CONFIRMED, Status.DONE):
        raise NotAllowed(_("Only the member says how a confirmed accompaniment went."))
    if item.when > timezone.now():
        raise DomainError(_("You can say how it went after the accompaniment."))
    if not 1 <= rating <= 5:
        raise DomainError(_("Choose from 1 to 5."))
    item.rating, item.feedback = rating, text.strip()[:2000]
    item.save(update_fields=["rating", "feedback"])
    if item.feedback:
        text_accepted(author=actor, text=item.feedback, where="accompaniment")
    return item


def open_accompaniment(*, viewer: User, item: Accompaniment) -> None:
    """Staff reading a member's request is recorded in the member's 'who looked' log."""
    if viewer.pk not in (item.member_id, item.volunteer_id) and (
        permissions.coordinates_accompaniment(viewer, item)
    ):
        record_staff_access(
            viewer=viewer,
            subject=item.member,
            what=gettext_lazy("accompaniment request"),
            purpose=gettext_lazy("coordinating accompaniment"),
        )
