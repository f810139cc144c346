"""Which features a member's membership unlocks. Every app asks here and nowhere else.

Fee levels do not exist yet in this installation. Until they do, every member (an active account
with current consent) has every feature. The fee-level issue adds levels by changing
``features_for`` only; callers keep asking ``has_feature``.
"""

from enum import StrEnum

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser

from ligesind.accounts.permissions import is_member


class Feature(StrEnum):
    MESSAGING = "messaging"
    COMMUNITY = "community"
    MATCHING = "matching"
    ACTIVITIES = "activities"
    COURSES = "courses"
    RESEARCH = "research"


def features_for(user: AbstractBaseUser | AnonymousUser) -> frozenset[Feature]:
    if not is_member(user):
        return frozenset()
    return frozenset(Feature)


def has_feature(user: AbstractBaseUser | AnonymousUser, feature: Feature) -> bool:
    return feature in features_for(user)
