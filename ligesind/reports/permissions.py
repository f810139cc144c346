"""Who sees the coordinator's dashboard and the funders' reports: one function per rule."""

from ligesind.accounts.permissions import (
    AnyUser,
    coordinates_anywhere,
)
from ligesind.organisations.permissions import coordinates_for


def can_see_dashboard(user: AnyUser) -> bool:
    """Admins (everything) and coordinators (their municipalities and organisations)."""
    return coordinates_anywhere(user)


def can_report_on(user: AnyUser, organisation_id: int) -> bool:
    """An organisation's report: admins, and its coordinators (for their municipalities)."""
    return coordinates_for(user, organisation_id)
