"""A member's match profile: what they hope for, and whether they offer support."""

from collections.abc import Sequence
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from ligesind.accounts.models import (
    ContactPreference,
    Interest,
    Language,
    Perspective,
    Profile,
    ProfileExperience,
    SupportRole,
    User,
)
from ligesind.core.errors import DomainError, NotAllowed
from ligesind.core.models import Municipality
from ligesind.core.text_hooks import text_accepted

from .. import permissions
from ..models import MatchProfile, Meeting
from ..scoring import bit

LANGUAGE_INDEX = {code: n for n, code in enumerate(Language.values)}


def ensure_match_profile(user: User) -> MatchProfile:
    """The member's match profile, first filled in from their profile."""
    existing = MatchProfile.objects.filter(user=user).first()
    if existing is not None:
        return existing
    profile = Profile.objects.filter(user=user).first()
    match_profile = MatchProfile.objects.create(
        user=user,
        municipality=profile.municipality if profile else None,
        languages=list(profile.languages) if profile and profile.languages else ["da"],
        meeting=(
            Meeting.ONLINE
            if profile is None or profile.contact_preference == ContactPreference.ONLINE
            else Meeting.EITHER
        ),
        offers_support=bool(
            profile and profile.support_role in (SupportRole.OFFERS, SupportRole.BOTH)
        ),
    )
    if profile is not None:
        match_profile.topics.set(profile.interests.all())
    return refresh_masks(user)


def refresh_masks(user: User) -> MatchProfile:
    """Mirror lived experience, topics and languages as bits (see ``scoring``)."""
    match_profile = MatchProfile.objects.filter(user=user).first()
    if match_profile is None:
        return ensure_match_profile(user)
    categories = affected = relative = 0
    for category_id, perspective in ProfileExperience.objects.filter(
        profile__user=user
    ).values_list("category_id", "perspective"):
        categories |= bit(category_id)
        if perspective in (Perspective.AFFECTED, Perspective.BOTH):
            affected |= bit(category_id)
        if perspective in (Perspective.RELATIVE, Perspective.BOTH):
            relative |= bit(category_id)
    topics = 0
    for topic_id in match_profile.topics.values_list("pk", flat=True):
        topics |= bit(topic_id)
    languages = 0
    for code in match_profile.languages:
        if code in LANGUAGE_INDEX:
            languages |= bit(LANGUAGE_INDEX[code])
    MatchProfile.objects.filter(pk=match_profile.pk).update(
        category_mask=categories,
        affected_mask=affected,
        relative_mask=relative,
        topic_mask=topics,
        language_mask=languages,
    )
    match_profile.refresh_from_db()
    return match_profile


def profile_changed(user: User) -> None:
    if MatchProfile.objects.filter(user=user).exists():
        refresh_masks(user)


@dataclass(frozen=True)
class MatchPreferences:
    seeking: bool
    hope: str
    meeting: str
    municipality: Municipality | None
    languages: Sequence[str]
    topics: Sequence[Interest]
    gender: str = ""
    gender_preference: str = ""
    note: str = ""
    offers_support: bool = False
    capacity: int = 1
    paused: bool = False


@transaction.atomic
def save_match_profile(*, actor: User, data: MatchPreferences) -> MatchProfile:
    if not permissions.can_match(actor):
        raise NotAllowed(_("Matching is not part of your membership."))
    if not 0 <= data.capacity <= 5:
        raise DomainError(_("You can have from 0 to 5 active matches."))
    if data.meeting != Meeting.ONLINE and data.municipality is None:
        raise DomainError(_("To meet in person, choose your municipality."))
    match_profile = ensure_match_profile(actor)
    for name in ("seeking", "hope", "meeting", "municipality", "gender", "gender_preference"):
        setattr(match_profile, name, getattr(data, name))
    match_profile.languages = [code for code in data.languages if code in LANGUAGE_INDEX]
    match_profile.note = data.note.strip()[:1000]
    match_profile.offers_support = data.offers_support
    match_profile.capacity = data.capacity
    match_profile.paused = data.paused
    match_profile.save()
    match_profile.topics.set(data.topics)
    if match_profile.note:
        text_accepted(author=actor, text=match_profile.note, where="match_profile")
    return refresh_masks(actor)
