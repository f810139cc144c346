"""An organisation's places: rooms it uses, often a partner's, chosen when an activity is
planned. The coordinators of the place's municipality keep them."""

from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from ligesind.accounts.models import User
from ligesind.accounts.permissions import coordinated_municipality_ids, is_admin
from ligesind.core.errors import DomainError, NotAllowed
from ligesind.core.models import Municipality

from . import permissions
from .models import Access, Organisation, Place


@dataclass(frozen=True)
class PlaceData:
    municipality: Municipality
    name: str
    address: str
    partner: str = ""
    access: list[str] = field(default_factory=list)
    access_notes: str = ""
    contact: str = ""


def place_municipalities(actor: User, organisation: Organisation) -> QuerySet[Municipality]:
    """Where the actor may keep the organisation's places: where it works (anywhere if it
    names no municipality), and, for a coordinator, their own municipalities."""
    rows = organisation.municipalities.all()
    if not rows.exists():
        rows = Municipality.objects.all()
    if not is_admin(actor):
        rows = rows.filter(pk__in=coordinated_municipality_ids(actor))
    return rows.order_by("name")


def places_of(organisation: Organisation) -> QuerySet[Place]:
    return Place.objects.filter(organisation=organisation).select_related("municipality")


def _fields(data: PlaceData) -> dict[str, object]:
    if not data.name.strip() or not data.address.strip():
        raise DomainError(_("Give the place a name and an address."))
    return {
        "municipality": data.municipality,
        "name": data.name.strip()[:120],
        "address": data.address.strip()[:200],
        "partner": data.partner.strip()[:120],
        "access": [a for a in data.access if a in Access.values],
        "access_notes": data.access_notes.strip()[:300],
        "contact": data.contact.strip()[:200],
    }


@transaction.atomic
def add_place(*, actor: User, organisation: Organisation, data: PlaceData) -> Place:
    place = Place(organisation=organisation, **_fields(data))
    if not permissions.can_manage_place(actor, place):
        raise NotAllowed(_("Only the municipality's coordinators keep the organisation's places."))
    place.save()
    return place


@transaction.atomic
def change_place(*, actor: User, place: Place, data: PlaceData) -> Place:
    if not permissions.can_manage_place(actor, place):
        raise NotAllowed(_("Only the municipality's coordinators keep the organisation's places."))
    for name, value in _fields(data).items():
        setattr(place, name, value)
    if not permissions.can_manage_place(actor, place):  # moved to a municipality not theirs
        raise NotAllowed(_("Only the municipality's coordinators keep the organisation's places."))
    place.save()
    return place


@transaction.atomic
def delete_place(*, actor: User, place: Place) -> None:
    """Activities planned there keep their address."""
    if not permissions.can_manage_place(actor, place):
        raise NotAllowed(_("Only the municipality's coordinators keep the organisation's places."))
    place.delete()
