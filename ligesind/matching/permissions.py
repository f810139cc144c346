"""Who may ask for, answer, see and coordinate matches: one function per rule."""

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser

from ligesind.accounts.permissions import (
    coordinates,
    coordinates_anywhere,
)
from ligesind.membership.entitlements import Feature, has_feature
from ligesind.volunteers.training import is_qualified_guide

from .models import Match, MatchStatus

AnyUser = AbstractBaseUser | AnonymousUser


def can_match(user: AnyUser) -> bool:
    return has_feature(user, Feature.MATCHING)


def is_peer_guide(user: AnyUser) -> bool:
    """Peer-guide matches only with members who hold the role and, where their organisation
    requires it, completed its training (``volunteers.training``)."""
    return is_qualified_guide(user)


def is_party(user: AnyUser, match: Match) -> bool:
    return user.pk is not None and user.pk in (match.seeker_id, match.partner_id)


def coordinates_match(user: AnyUser, match: Match) -> bool:
    return can_match(user) and coordinates(user, match.municipality_id, match.organisation_id)


def can_view_match(user: AnyUser, match: Match) -> bool:
    return (can_match(user) and is_party(user, match)) or coordinates_match(user, match)


def can_answer_match(user: AnyUser, match: Match) -> bool:
    """Say yes or no: the partner to a request, either person to a coordinator's proposal."""
    if not can_match(user) or match.status != MatchStatus.REQUESTED:
        return False
    if user.pk == match.partner_id:
        return not match.partner_accepted
    return user.pk == match.seeker_id and not match.seeker_accepted


def can_change_match(user: AnyUser, match: Match) -> bool:
    """Pause, resume, extend or end: either person, at any time."""
    return (
        can_match(user)
        and is_party(user, match)
        and match.status in (MatchStatus.ACTIVE, MatchStatus.PAUSED)
    )


def can_coordinate(user: AnyUser) -> bool:
    return can_match(user) and coordinates_anywhere(user)
