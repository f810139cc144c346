"""Which features a member's membership unlocks. Every app asks here and nowhere else.

- No organisation has fee levels: every member has every feature (one organisation that asks
  no fee looks as if fees did not exist).
- A member who has joined an organisation without levels has every feature: that
  organisation asks no fee of its members.
- People who work for an organisation (volunteers and staff: anyone with a role) have every
  feature: their work needs it, and volunteers pay no fee (seed 003).
- Otherwise a member has the union of the features of their live subscriptions (paid, in
  the grace days, free, or waived; see ``lifecycle``).

What a member keeps whatever they pay (crisis help, blocking, reporting, their data's
export and erasure, their profile) never asks here.
"""

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.utils import timezone

from ligesind.accounts.permissions import is_admin, is_member, roles_of
from ligesind.core.errors import DomainError
from ligesind.core.memo import forget, recall, remember
from ligesind.core.remembered import Shared

from .features import Feature
from .lifecycle import DEFAULT_GRACE_DAYS, status_of
from .models import FeeLevel, FeeTerms, Subscription

__all__ = ["Feature", "FeatureLocked", "features_for", "has_feature", "require_feature"]

FEATURES = "_ligesind_features"
EVERYTHING = frozenset(Feature)


class FeatureLocked(DomainError):
    """A member reached a feature their levels do not cover: shown as a page that says how to
    get it (``membership.middleware``), never as an error."""

    def __init__(self, feature: Feature) -> None:
        super().__init__(feature.label)
        self.feature = feature


LEVIED_KEY = "membership:levied"
LEVIED_SECONDS = 300
LOCAL_SECONDS = 10


def _read_levied() -> dict[int, int]:
    rows = FeeLevel.objects.values_list("organisation_id", "organisation__fee_terms__grace_days")
    return {org: DEFAULT_GRACE_DAYS if days is None else days for org, days in rows}


# The organisations that have levels (open or closed), with their grace days: every page
# asks, so each process reads them at most once in LOCAL_SECONDS (``core.remembered.Shared``).
levied: Shared[dict[int, int]] = Shared(
    LEVIED_KEY, _read_levied, seconds=LEVIED_SECONDS, local_seconds=LOCAL_SECONDS
)


def forget_levied() -> None:
    """This process reads the levels again at once, the others within LOCAL_SECONDS."""
    levied.forget()


def _levels_changed(**kwargs: object) -> None:
    forget_levied()
    transaction.on_commit(forget_levied)  # and once more, should a page have read it meanwhile


post_save.connect(_levels_changed, sender=FeeLevel, dispatch_uid="membership.levels.saved")
post_delete.connect(_levels_changed, sender=FeeLevel, dispatch_uid="membership.levels.deleted")
post_save.connect(_levels_changed, sender=FeeTerms, dispatch_uid="membership.terms.saved")


def _features(user: AbstractBaseUser) -> frozenset[Feature]:
    levied_now = levied.get()
    if not levied_now or roles_of(user) or is_admin(user):
        return EVERYTHING
    joined = user.organisation_memberships.values_list(  # type: ignore[attr-defined]
        "organisation_id", flat=True
    )
    if any(organisation not in levied_now for organisation in joined):
        return EVERYTHING
    today = timezone.localdate()
    found: set[Feature] = set()
    for subscription in Subscription.objects.filter(user_id=user.pk).select_related("level"):
        grace = levied_now.get(subscription.organisation_id, DEFAULT_GRACE_DAYS)
        if status_of(subscription, today, grace).live:
            found.update(Feature(value) for value in subscription.level.features)
    return frozenset(found)


def features_for(user: AbstractBaseUser | AnonymousUser) -> frozenset[Feature]:
    """Read once per request and remembered on the user (changes forget it: ``forget_features``)."""
    if not is_member(user):
        return frozenset()
    known: frozenset[Feature] | None = recall(user, FEATURES)
    if known is None:
        known = remember(user, FEATURES, _features(user))  # type: ignore[arg-type]
    return known


def forget_features(user: AbstractBaseUser | AnonymousUser) -> None:
    forget(user, FEATURES)


def has_feature(user: AbstractBaseUser | AnonymousUser, feature: Feature) -> bool:
    return feature in features_for(user)


def require_feature(user: AbstractBaseUser | AnonymousUser, feature: Feature) -> None:
    """For views: a member without the feature meets the page that says how to get it."""
    if is_member(user) and not has_feature(user, feature):
        raise FeatureLocked(feature)
