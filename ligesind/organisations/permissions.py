"""Who may do what with organisations: every rule one function."""

from typing import cast

from django.db.models import Q, QuerySet

from ligesind.accounts.models import Role
from ligesind.accounts.permissions import (
    AnyUser,
    acts_for_organisation,
    coordinates,
    coordinates_anywhere,
    coordinator_organisation_ids,
    is_admin,
    is_member,
    role_organisation_ids,
)
from ligesind.core.memo import recall, remember

from .models import LocalContact, Organisation, OrganisationMembership, Place


def can_join(user: AnyUser, organisation: Organisation) -> bool:
    return is_member(user) and not has_joined(user, organisation)


def can_leave(user: AnyUser, organisation: Organisation) -> bool:
    return is_member(user) and has_joined(user, organisation)


def has_joined(user: AnyUser, organisation: Organisation) -> bool:
    if user.pk is None:
        return False
    return OrganisationMembership.objects.filter(
        user_id=user.pk, organisation=organisation
    ).exists()


JOINED = "_ligesind_organisations"


def joined_organisation_ids(user: AnyUser) -> frozenset[int]:
    """The organisations this person has joined, read once per request (joining and leaving
    forget it; like the forums' other per-request memos, not for long-lived user objects)."""
    if user.pk is None:
        return frozenset()
    cached: frozenset[int] | None = recall(user, JOINED)
    if cached is None:
        cached = remember(
            user,
            JOINED,
            frozenset(
                OrganisationMembership.objects.filter(user_id=user.pk).values_list(
                    "organisation_id", flat=True
                )
            ),
        )
    return cached


def is_open_to(user: AnyUser, organisation_id: int | None) -> bool:
    """A forum category or group kept to an organisation's members (or open to all)."""
    return organisation_id is None or organisation_id in joined_organisation_ids(user)


def organisations_coordinated_by(user: AnyUser) -> QuerySet[Organisation]:
    """The organisations a coordinator plans and runs things for (an admin: all of them)."""
    covered = coordinator_organisation_ids(user)
    rows = Organisation.objects.all()
    return rows if covered is None else rows.filter(pk__in=covered)


def can_edit_site_notice(user: AnyUser) -> bool:
    return is_admin(user)


STAFF_ROLES = (Role.COORDINATOR, Role.TREASURER, Role.RESEARCHER)


def is_organisation_staff(user: AnyUser, organisation: Organisation) -> bool:
    """Staff of an organisation: a staff role scoped to it (a role for every organisation does
    not make one staff of each), or the account behind one of its local contacts."""
    if user.pk is None:
        return False
    for role in STAFF_ROLES:
        covered = role_organisation_ids(user, role)
        if covered is not None and organisation.pk in covered:
            return True
    return LocalContact.objects.filter(organisation=organisation, user_id=user.pk).exists()


def coordinates_for(user: AnyUser, organisation_id: int) -> bool:
    """Admins, and coordinators acting for the organisation (in any of their municipalities):
    they run its training, its places and its reports."""
    return coordinates_anywhere(user) and (
        is_admin(user) or acts_for_organisation(user, Role.COORDINATOR, organisation_id)
    )


def can_manage_place(user: AnyUser, place: Place) -> bool:
    """A place belongs to the coordinators of its municipality acting for its organisation."""
    return coordinates(user, place.municipality_id, place.organisation_id)


def organisations_staffed_by(user: AnyUser) -> QuerySet[Organisation]:
    """The organisations the user is staff of, as ``is_organisation_staff`` says (an admin:
    all of them)."""
    if is_admin(user):
        return Organisation.objects.all()
    if not is_member(user):
        return Organisation.objects.none()
    ids: set[int] = set()
    for role in STAFF_ROLES:
        ids |= role_organisation_ids(user, role) or set()
    contacts = LocalContact.objects.filter(user_id=cast(int, user.pk)).values("organisation_id")
    return Organisation.objects.filter(Q(pk__in=ids) | Q(pk__in=contacts))


def can_read_contact_requests(user: AnyUser, organisation: Organisation) -> bool:
    return is_admin(user) or (is_member(user) and is_organisation_staff(user, organisation))


def can_write_to(user: AnyUser, organisation: Organisation) -> bool:
    """Anyone may write to an organisation, visitors too; a signed-in account must be active."""
    return user.pk is None or bool(getattr(user, "is_active", False))
