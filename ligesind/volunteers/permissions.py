"""Who may apply, screen and read what about volunteer applications: one function per rule."""

from ligesind.accounts.permissions import (
    AnyUser,
    coordinates,
    coordinates_anywhere,
    has_role,
    is_local_coordinator,
    is_member,
)
from ligesind.organisations.permissions import coordinates_for

from .models import VOLUNTEER_ROLES, VolunteerApplication, VolunteerHours


def can_apply(user: AnyUser) -> bool:
    return is_member(user)


def screens(user: AnyUser, application: VolunteerApplication) -> bool:
    """The coordinators of the municipality acting for the organisation (and admins) book the
    conversation and decide."""
    return coordinates(user, application.municipality_id, application.organisation_id)


def can_read_notes(user: AnyUser, application: VolunteerApplication) -> bool:
    """Private notes: the municipality's coordinators of that organisation only (not admins,
    never the applicant)."""
    return (
        is_member(user)
        and application.applicant_id != user.pk
        and is_local_coordinator(user, application.municipality_id, application.organisation_id)
    )


def can_view_application(user: AnyUser, application: VolunteerApplication) -> bool:
    return (user.pk is not None and user.pk == application.applicant_id) or screens(
        user, application
    )


def can_screen_any(user: AnyUser) -> bool:
    return coordinates_anywhere(user)


def can_manage_training(user: AnyUser, organisation_id: int) -> bool:
    """Admins, and coordinators acting for the organisation (in any of its municipalities)."""
    return coordinates_for(user, organisation_id)


def can_log_hours(user: AnyUser) -> bool:
    """Peer guides and coordinators log the time they give."""
    return is_member(user) and any(has_role(user, role) for role in VOLUNTEER_ROLES)


def owns_hours(user: AnyUser, entry: VolunteerHours) -> bool:
    return is_member(user) and entry.volunteer_id == user.pk
