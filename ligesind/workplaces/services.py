"""Workplace requests: a workplace asks, the organisation's staff follow it up."""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ligesind.accounts.models import User
from ligesind.activities.models import Activity
from ligesind.core.errors import DomainError, NotAllowed
from ligesind.core.models import Municipality
from ligesind.core.services import notify
from ligesind.organisations.contact import check_reach, recipients, take_rate
from ligesind.organisations.models import Organisation
from ligesind.organisations.permissions import organisations_staffed_by

from . import permissions
from .models import CLOSED, RequestStatus, Want, WorkplaceNote, WorkplaceRequest

MAX_TEXT = 4000
KEPT_AFTER_CLOSING = timedelta(days=2 * 365)


@dataclass(frozen=True)
class WorkplaceData:
    workplace: str
    contact_name: str
    reach: str
    wants: list[str] = field(default_factory=list)
    message: str = ""
    municipality: Municipality | None = None


@transaction.atomic
def send_workplace_request(
    *,
    actor: AbstractBaseUser | AnonymousUser,
    organisation: Organisation,
    data: WorkplaceData,
    address: str,
) -> WorkplaceRequest:
    """Anyone may ask, visitors too (at most 5 times an hour from one address or account)."""
    if not data.workplace.strip() or not data.contact_name.strip():
        raise DomainError(_("Write the workplace and the name of the contact person."))
    wants = [w for w in data.wants if w in Want.values]
    if not wants:
        raise DomainError(_("Choose what you would like from us."))
    if len(data.message) > MAX_TEXT:
        raise DomainError(_("Write at most %(n)s characters.") % {"n": MAX_TEXT})
    place = data.municipality
    if place is not None and not organisation.municipalities.filter(pk=place.pk).exists():
        raise DomainError(_("The organisation does not work in that municipality."))
    reach = check_reach(data.reach, required=True)
    take_rate(f"user:{actor.pk}" if actor.pk else f"address:{address}")
    request = WorkplaceRequest.objects.create(
        organisation=organisation,
        municipality=place,
        workplace=data.workplace.strip()[:200],
        contact_name=data.contact_name.strip()[:120],
        reach=reach,
        wants=wants,
        message=data.message.strip(),
    )
    url = reverse("workplaces:request", args=[request.pk])
    for person in recipients(organisation, place):
        notify(person, "workplace_request", params={"organisation": organisation.name}, url=url)
    return request


def requests_to_handle(actor: User) -> QuerySet[WorkplaceRequest]:
    return WorkplaceRequest.objects.filter(
        organisation__in=organisations_staffed_by(actor)
    ).select_related("organisation", "municipality", "activity")


def _check(actor: User, request: WorkplaceRequest) -> None:
    if not permissions.can_handle_request(actor, request):
        raise NotAllowed(_("Only the organisation's staff handle its workplace requests."))


@transaction.atomic
def change_workplace_status(*, actor: User, request: WorkplaceRequest, status: str) -> None:
    _check(actor, request)
    if status not in RequestStatus.values:
        raise DomainError(_("Choose where the request stands."))
    request.status = status
    request.closed_at = timezone.now() if status in CLOSED else None
    request.save(update_fields=["status", "closed_at"])


@transaction.atomic
def add_workplace_note(*, actor: User, request: WorkplaceRequest, text: str) -> WorkplaceNote:
    _check(actor, request)
    if not text.strip():
        raise DomainError(_("Write the note first."))
    return WorkplaceNote.objects.create(request=request, author=actor, text=text.strip()[:4000])


def activities_to_link(request: WorkplaceRequest) -> QuerySet[Activity]:
    """The organisation's talks and workshops from a month ago to half a year ahead."""
    now = timezone.now()
    return Activity.objects.filter(
        organisation=request.organisation,
        cancelled_at__isnull=True,
        starts_at__gte=now - timedelta(days=30),
        starts_at__lte=now + timedelta(days=183),
    ).order_by("starts_at")


@transaction.atomic
def link_workplace_activity(
    *, actor: User, request: WorkplaceRequest, activity: Activity | None
) -> None:
    _check(actor, request)
    if activity is not None and activity.organisation_id != request.organisation_id:
        raise DomainError(_("Choose one of the organisation's own activities."))
    request.activity = activity
    if activity is not None and request.status in (RequestStatus.NEW, RequestStatus.CONTACTED):
        request.status = RequestStatus.PLANNED
    request.save(update_fields=["activity", "status"])


def purge_workplace_requests(now: datetime) -> dict[str, int]:
    """Closed requests go two years after closing (with the contact person's details)."""
    old = Q(closed_at__lt=now - KEPT_AFTER_CLOSING)
    deleted, _by_model = WorkplaceRequest.objects.filter(old).delete()
    return {"workplace_requests": deleted}
