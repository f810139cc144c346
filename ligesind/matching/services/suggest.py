"""Ranked suggestions with plain reasons, among everyone who offers support."""

from dataclasses import dataclass
from typing import Any

from django.db.models import (
    BigIntegerField,
    BooleanField,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    QuerySet,
    Value,
)
from django.utils.text import Truncator, get_text_list
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ligesind.accounts.consent import current_version
from ligesind.accounts.models import (
    ConsentRecord,
    ExperienceCategory,
    Interest,
    Language,
    Role,
    RoleAssignment,
    User,
    Visibility,
)
from ligesind.accounts.permissions import blocked_ids_of
from ligesind.volunteers.training import untrained

from .. import permissions
from ..models import OPEN_STATUSES, Hope, Match, MatchProfile, MatchStatus, Meeting
from ..ranking import ranked_rows
from ..scoring import Fit, Person, Weights, bit, configured_weights, score
from .profiles import ensure_match_profile

FIELDS = (
    "user_id",
    "category_mask",
    "affected_mask",
    "relative_mask",
    "topic_mask",
    "language_mask",
    "municipality_id",
    "meeting",
    "gender",
    "is_guide",
)


@dataclass(frozen=True)
class Suggestion:
    user: User
    fit: Fit
    reasons: list[str]
    is_guide: bool = False
    words: str = ""  # the start of their own story, when the viewer may read it

    @property
    def sentence(self) -> str:
        return sentence(self.reasons)


def sentence(reasons: list[str]) -> str:
    """The reasons as one sentence: "Begge kender misbrug fra eget liv, … og kan mødes fysisk."."""
    if not reasons:
        return ""
    text = str(get_text_list(reasons, _("and")))
    return text[:1].upper() + text[1:] + "."


def excluded_ids(user: User) -> set[int]:
    """Blocks both ways, and everyone with an open match or a 'no' between them."""
    return excluded_ids_of({user.pk})[user.pk]


def excluded_ids_of(user_ids: set[int]) -> dict[int, set[int]]:
    """``excluded_ids`` for many users at once (two queries), by user id."""
    found = {pk: {pk} for pk in user_ids}
    for pk, blocked in blocked_ids_of(user_ids).items():
        found[pk] |= blocked
    earlier = Match.objects.filter(Q(seeker_id__in=user_ids) | Q(partner_id__in=user_ids)).filter(
        Q(status__in=OPEN_STATUSES) | Q(status=MatchStatus.DECLINED)
    )
    for seeker_id, partner_id in earlier.values_list("seeker_id", "partner_id"):
        for pk in (seeker_id, partner_id):
            if pk in found:
                found[pk].update((seeker_id, partner_id))
    return found


def eligible(match_profile: MatchProfile, only: int | None = None) -> QuerySet[MatchProfile]:
    """Hard rules in one query: offers support, not paused, room left, an active member with a
    complete profile, shares a lived-experience category, not excluded."""
    mask = int(match_profile.category_mask)
    guide = RoleAssignment.objects.filter(user_id=OuterRef("user_id"), role=Role.PEER_GUIDE)
    consent = ConsentRecord.objects.filter(
        user_id=OuterRef("user_id"), version=current_version(), withdrawn_at__isnull=True
    )
    rows = (
        MatchProfile.objects.filter(
            offers_support=True,
            paused=False,
            active_matches__lt=F("capacity"),
            user__is_active=True,
            user__profile__alias__gt="",
        )
        # The mask as a bigint: a bare int would be sent as a 4-byte integer with PostgreSQL's
        # server-side binding, and masks use up to 62 bits.
        .annotate(shared=F("category_mask").bitand(Value(mask, output_field=BigIntegerField())))  # type: ignore[arg-type]
        .exclude(shared=0)
        .exclude(user_id__in=excluded_ids(match_profile.user))
        .annotate(is_guide=ExpressionWrapper(Q(Exists(guide)) & ~Q(untrained()), BooleanField()))
        .filter(Exists(consent))
    )
    if match_profile.hope == Hope.GUIDE:
        rows = rows.filter(is_guide=True)
    if only is not None:
        rows = rows.filter(user_id=only)
    return rows


def candidates(match_profile: MatchProfile, only: int | None = None) -> list[tuple[Any, ...]]:
    return list(eligible(match_profile, only).values_list(*FIELDS))


def person(match_profile: MatchProfile, is_guide: bool = False) -> Person:
    return Person(
        user_id=match_profile.user_id,
        categories=match_profile.category_mask,
        affected=match_profile.affected_mask,
        relative=match_profile.relative_mask,
        topics=match_profile.topic_mask,
        languages=match_profile.language_mask,
        municipality_id=match_profile.municipality_id,
        meeting=match_profile.meeting,
        gender=match_profile.gender,
        gender_preference=match_profile.gender_preference,
        hope=match_profile.hope,
        is_guide=is_guide,
    )


def row_person(row: tuple[Any, ...]) -> Person:
    user_id, categories, affected, relative, topics, languages, place, meeting, gender, guide = row
    return Person(
        user_id=user_id,
        categories=categories,
        affected=affected,
        relative=relative,
        topics=topics,
        languages=languages,
        municipality_id=place,
        meeting=meeting,
        gender=gender,
        is_guide=guide,
    )


def _names(mask: int, rows: list[tuple[int, str]]) -> list[str]:
    return [name for pk, name in rows if mask & bit(pk)]


@dataclass(frozen=True)
class Names:
    categories: list[tuple[int, str]]
    topics: list[tuple[int, str]]
    languages: list[tuple[int, str]]

    @classmethod
    def load(cls) -> "Names":
        return cls(
            categories=[(c.pk, c.name) for c in ExperienceCategory.objects.all()],
            topics=[(i.pk, i.name) for i in Interest.objects.all()],
            languages=[(n, str(label)) for n, label in enumerate(Language.labels)],
        )


def explain(fit: Fit, seeker: Person, other: Person, names: Names | None = None) -> list[str]:
    """Plain reasons: what the two share besides a diagnosis, never anything else."""
    names = names or Names.load()
    categories = names.categories
    reasons = []
    shared = _listed(_names(fit.categories, categories))
    if fit.same_perspective & other.relative & seeker.relative:
        reasons.append(_("both are relatives of someone with %(what)s") % {"what": shared})
    elif fit.same_perspective:
        reasons.append(_("both know %(what)s from their own life") % {"what": shared})
    else:
        reasons.append(_("both have experience with %(what)s") % {"what": shared})
    if fit.same_place:
        reasons.append(_("both live in the same municipality"))
    if fit.topics:
        reasons.append(
            _("both enjoy %(what)s") % {"what": _listed(_names(fit.topics, names.topics))}
        )
    if fit.languages:
        languages = _listed(_names(fit.languages, names.languages))
        reasons.append(_("both speak %(what)s") % {"what": languages})
    if fit.meeting:
        reasons.append(str(MEETS[fit.meeting]))
    return reasons


# How two can meet, as the end of the reasons' sentence.
MEETS: dict[str, Any] = {
    Meeting.ONLINE: gettext_lazy("can meet online"),
    Meeting.IN_PERSON: gettext_lazy("can meet in person"),
    Meeting.EITHER: gettext_lazy("can meet online or in person"),
}


def _listed(names: list[str]) -> str:
    """Names inside a sentence: lower case, "a, b and c"."""
    return str(get_text_list([name.lower() for name in names], _("and")))


def order_key(hope: str, other: Person, fit: Fit) -> tuple[bool, float, int]:
    """Best first. The kind of support asked for comes first: someone hoping for a peer meets
    peers before peer guides (the ranking query orders the same way)."""
    return (hope == Hope.PEER and other.is_guide, -fit.score, other.user_id)


def suggestions(user: User, *, limit: int = 20, weights: Weights | None = None) -> list[Suggestion]:
    """The best fits for ``user``, best first (ties by who joined first)."""
    if not permissions.can_match(user):
        return []
    me = ensure_match_profile(user)
    if not me.category_mask:
        return []
    seeker = person(me, permissions.is_peer_guide(user))
    w = weights or configured_weights()
    # The database ranks with the SQL form of ``score``; the best rows are scored again here.
    rows = ranked_rows(me, excluded=excluded_ids(user), weights=w, limit=limit * 2)
    fits = []
    for row in rows:
        other = row_person(row[: len(FIELDS)])
        fit = score(seeker, other, w)
        if fit is not None:
            fits.append((fit, other))
    fits.sort(key=lambda pair: order_key(seeker.hope, pair[1], pair[0]))
    top = fits[:limit]
    users = User.objects.select_related("profile").in_bulk([other.user_id for _f, other in top])
    names = Names.load()
    return [
        Suggestion(
            user=users[other.user_id],
            fit=fit,
            reasons=explain(fit, seeker, other, names),
            is_guide=other.is_guide,
            words=_own_words(users[other.user_id]),
        )
        for fit, other in top
    ]


def _own_words(user: User) -> str:
    """The start of their story, if they let every member read it (and no moderator hid it)."""
    profile = getattr(user, "profile", None)
    if profile is None or profile.story_visibility < Visibility.MEMBERS or profile.hidden_at:
        return ""
    return str(Truncator(profile.story).chars(240))


def pair_fit(seeker: User, partner: User) -> tuple[Fit, Person, Person] | None:
    """Every hard rule and the score for one pair, or ``None``."""
    me = ensure_match_profile(seeker)
    rows = candidates(me, only=partner.pk)
    if not rows:
        return None
    mine, theirs = person(me, permissions.is_peer_guide(seeker)), row_person(rows[0])
    fit = score(mine, theirs, configured_weights())
    return None if fit is None else (fit, mine, theirs)


def shared_reasons(seeker: User, partner: User) -> list[str]:
    """What two people in a match share (the pair rules only: their match is already open)."""
    mine, theirs = ensure_match_profile(seeker), ensure_match_profile(partner)
    me, them = person(mine), person(theirs, permissions.is_peer_guide(partner))
    fit = score(me, them, configured_weights())
    return [] if fit is None else explain(fit, me, them)
