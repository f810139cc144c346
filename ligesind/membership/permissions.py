"""Who may do what with fees: one function per rule."""

from ligesind.accounts.models import Role
from ligesind.accounts.permissions import (
    AnyUser,
    acts_for_organisation,
    has_role,
    is_admin,
    is_member,
    role_organisation_ids,
)

from .models import FeeLevel, Subscription


def keeps_accounts(user: AnyUser, organisation_id: int) -> bool:
    """The treasurer acting for this organisation, or an admin: levels, terms, payments."""
    return is_member(user) and (
        is_admin(user)
        or (
            has_role(user, Role.TREASURER)
            and acts_for_organisation(user, Role.TREASURER, organisation_id)
        )
    )


def treasures_anywhere(user: AnyUser) -> bool:
    return is_member(user) and (is_admin(user) or has_role(user, Role.TREASURER))


def can_decide_for(user: AnyUser, organisation_id: int) -> bool:
    """Declarations for free membership and fee waivers: the treasurer, an admin, or a
    coordinator whose role names this organisation (one for every organisation works in a
    municipality, and fees are the whole organisation's)."""
    if keeps_accounts(user, organisation_id):
        return True
    if not is_member(user) or not has_role(user, Role.COORDINATOR):
        return False
    named = role_organisation_ids(user, Role.COORDINATOR)
    return named is not None and organisation_id in named


def can_join_level(user: AnyUser, level: FeeLevel) -> bool:
    return is_member(user) and level.active and not level.on_declaration


def can_declare_for(user: AnyUser, level: FeeLevel) -> bool:
    return is_member(user) and level.active and level.on_declaration


def owns(user: AnyUser, subscription: Subscription) -> bool:
    return is_member(user) and subscription.user_id == user.pk


def can_see_payment(user: AnyUser, user_id: int | None, organisation_id: int) -> bool:
    """A receipt: the member who paid, and whoever keeps the organisation's accounts."""
    return (is_member(user) and user_id == user.pk) or keeps_accounts(user, organisation_id)
