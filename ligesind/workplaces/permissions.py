"""Who handles workplace requests: the organisation's staff, as for everything written to it."""

from ligesind.accounts.permissions import AnyUser
from ligesind.organisations.models import Organisation
from ligesind.organisations.permissions import (
    can_read_contact_requests,
    organisations_staffed_by,
)

from .models import WorkplaceRequest


def can_handle(user: AnyUser, organisation: Organisation) -> bool:
    return can_read_contact_requests(user, organisation)


def can_handle_request(user: AnyUser, request: WorkplaceRequest) -> bool:
    return can_handle(user, request.organisation)


def can_handle_any(user: AnyUser) -> bool:
    """Staff of at least one organisation (the list of requests)."""
    return organisations_staffed_by(user).exists()
