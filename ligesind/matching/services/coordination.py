"""Odense's PeerMatch: coordinators see waiting seekers and free peer guides in their
municipalities, let the optimal assignment propose pairs, edit them and send them out."""

from collections import Counter
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Exists, F, OuterRef, Q, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ligesind.accounts.models import Role, RoleAssignment, User
from ligesind.accounts.permissions import (
    acting_for,
    coordinated_municipality_ids,
    coordinator_organisation_ids,
    is_admin,
)
from ligesind.core.errors import DomainError, NotAllowed
from ligesind.core.services import notify
from ligesind.organisations.models import OrganisationMembership
from ligesind.volunteers.training import untrained

from .. import permissions
from ..assignment import greedy_assignment, optimal_assignment
from ..models import OPEN_STATUSES, Hope, Match, MatchKind, MatchProfile, MatchStatus
from ..scoring import Fit, assess, configured_weights, score
from .matches import _event, match_organisation, match_url
from .suggest import Names, excluded_ids, excluded_ids_of, explain, pair_fit, person, sentence


def coordinated_places(actor: User) -> list[int] | None:
    """The coordinator's municipalities, or ``None`` for an admin (all)."""
    return None if is_admin(actor) else sorted(coordinated_municipality_ids(actor))


def _seekers_in_scope(actor: User) -> QuerySet[MatchProfile]:
    """Members of the coordinator's municipalities who joined one of the coordinator's
    organisations, or none (a member of another organisation is that one's to match)."""
    rows = MatchProfile.objects.all()
    places = coordinated_places(actor)
    if places is not None:
        rows = rows.filter(municipality_id__in=places)
    covered = coordinator_organisation_ids(actor)
    if covered is not None:
        joined = OrganisationMembership.objects.filter(user_id=OuterRef("user_id"))
        rows = rows.filter(~Exists(joined) | Exists(joined.filter(organisation_id__in=covered)))
    return rows


def _guide_roles(actor: User) -> QuerySet[RoleAssignment]:
    """Peer guides of the coordinator's municipalities who act for one of its organisations."""
    roles = RoleAssignment.objects.filter(role=Role.PEER_GUIDE)
    places = coordinated_places(actor)
    if places is not None:
        roles = roles.filter(municipalities__in=places)
    return roles.filter(acting_for(coordinator_organisation_ids(actor)))


def waiting_seekers(actor: User) -> list[MatchProfile]:
    """Members who hope for a peer guide and have no open match yet."""
    if not permissions.can_coordinate(actor):
        raise NotAllowed(_("Only coordinators see who is waiting."))
    return list(waiting_seeker_rows(actor).select_related("user__profile", "municipality"))


def waiting_seeker_rows(actor: User) -> QuerySet[MatchProfile]:
    """The query behind ``waiting_seekers``, to count or narrow (none for a non-coordinator)."""
    if not permissions.can_coordinate(actor):
        return MatchProfile.objects.none()
    open_match = Match.objects.filter(seeker_id=OuterRef("user_id"), status__in=OPEN_STATUSES)
    rows = _seekers_in_scope(actor).filter(seeking=True, hope=Hope.GUIDE, user__is_active=True)
    return rows.exclude(Exists(open_match))


def available_guides(actor: User) -> list[MatchProfile]:
    """Peer guides of the coordinator's municipalities with room for another match."""
    if not permissions.can_coordinate(actor):
        raise NotAllowed(_("Only coordinators see the peer guides."))
    return list(
        MatchProfile.objects.filter(
            ~Q(untrained()),
            user_id__in=_guide_roles(actor).values("user_id"),
            offers_support=True,
            paused=False,
            active_matches__lt=F("capacity"),
            user__is_active=True,
        ).select_related("user__profile", "municipality")
    )


# Why two cannot be matched, in words a coordinator can act on (``scoring.assess``'s rules and
# the hard rules before it).
WHY_NOT = {
    "experience": gettext_lazy("the two share no lived experience"),
    "guide": gettext_lazy("the member hopes for a peer guide"),
    "relative": gettext_lazy(
        "the member hopes for a relative, and the guide has no experience as a relative there"
    ),
    "gender": gettext_lazy("the member asked for a guide of another gender"),
    "meeting": gettext_lazy(
        "they cannot meet the way the member wishes (online, or in person nearby)"
    ),
    "only_diagnosis": gettext_lazy(
        "they share only a diagnosis: no perspective, interest, place or language"
    ),
    "earlier": gettext_lazy(
        "they have blocked each other, already have a match, or one said no before"
    ),
    "full": gettext_lazy("the peer guide has no room for another match"),
    "paused": gettext_lazy("the peer guide has paused or does not offer support right now"),
    "profile": gettext_lazy("the peer guide's profile or consent is not complete"),
    "none": gettext_lazy("no peer guide has room right now"),
}


@dataclass(frozen=True)
class Proposal:
    seeker: MatchProfile
    guide: MatchProfile
    fit: Fit
    reasons: list[str]

    @property
    def sentence(self) -> str:
        return sentence(self.reasons)


def allowed_scores(
    seekers: list[MatchProfile], guides: list[MatchProfile], excluded_of: dict[int, set[int]]
) -> dict[tuple[int, int], Fit]:
    """Every allowed seeker–guide pair with its fit (blocks and earlier answers respected)."""
    weights = configured_weights()
    guide_people = [person(g, is_guide=True) for g in guides]
    fits = {}
    for seeker in seekers:
        excluded = excluded_of[seeker.user_id]
        me = person(seeker)
        for guide in guide_people:
            if guide.user_id in excluded:
                continue
            fit = score(me, guide, weights)
            if fit is not None:
                fits[(seeker.user_id, guide.user_id)] = fit
    return fits


@dataclass(frozen=True)
class Assignment:
    seekers: list[MatchProfile]
    guides: list[MatchProfile]
    proposals: list[Proposal]
    why_not: dict[int, str]  # a waiting seeker no guide with room fits -> the commonest reason


def plan_assignment(actor: User, *, greedy: bool = False) -> Assignment:
    """Who waits, who has room, the proposals, and why the rest got none."""
    seekers, guides = waiting_seekers(actor), available_guides(actor)
    excluded_of = excluded_ids_of({seeker.user_id for seeker in seekers})
    fits = allowed_scores(seekers, guides, excluded_of)
    proposals = _propose(seekers, guides, fits, greedy)
    fitted = {seeker for seeker, _guide in fits}
    unfit = [s for s in seekers if s.user_id not in fitted]
    return Assignment(seekers, guides, proposals, _why_not(unfit, guides, excluded_of))


def _why_not(
    seekers: list[MatchProfile], guides: list[MatchProfile], excluded_of: dict[int, set[int]]
) -> dict[int, str]:
    weights = configured_weights()
    guide_people = [person(g, is_guide=True) for g in guides]
    reasons: dict[int, str] = {}
    for seeker in seekers:
        excluded, me = excluded_of[seeker.user_id], person(seeker)
        found = Counter(
            "earlier" if guide.user_id in excluded else assess(me, guide, weights)
            for guide in guide_people
        )
        keys = [key for key, _n in found.most_common() if isinstance(key, str)]
        reasons[seeker.user_id] = str(WHY_NOT.get(keys[0] if keys else "none", WHY_NOT["none"]))
    return reasons


def propose_assignment(actor: User, *, greedy: bool = False) -> list[Proposal]:
    """Proposals for all waiting seekers at once, maximising the total score."""
    return plan_assignment(actor, greedy=greedy).proposals


def _propose(
    seekers: list[MatchProfile],
    guides: list[MatchProfile],
    fits: dict[tuple[int, int], Fit],
    greedy: bool,
) -> list[Proposal]:
    capacity = {g.user_id: g.capacity - g.active_matches for g in guides}
    scores = {pair: fit.score for pair, fit in fits.items()}
    solve = greedy_assignment if greedy else optimal_assignment
    pairs = solve(scores, capacity)
    by_user = {p.user_id: p for p in [*seekers, *guides]}
    names = Names.load()
    return [
        Proposal(
            seeker=by_user[s],
            guide=by_user[g],
            fit=fits[(s, g)],
            reasons=explain(fits[(s, g)], person(by_user[s]), person(by_user[g], True), names),
        )
        for s, g in sorted(pairs)
    ]


def why_not(seeker: MatchProfile, guide: User) -> str:
    """Why a seeker and a peer guide cannot be matched, in words."""
    theirs = MatchProfile.objects.filter(user=guide).first()
    if theirs is None or not theirs.offers_support or theirs.paused:
        key = "paused"
    elif theirs.active_matches >= theirs.capacity:
        key = "full"
    elif guide.pk in excluded_ids(seeker.user):
        key = "earlier"
    else:
        found = assess(person(seeker), person(theirs, is_guide=True), configured_weights())
        key = found if isinstance(found, str) else "profile"
    return str(WHY_NOT.get(key, WHY_NOT["profile"]))


@transaction.atomic
def send_proposal(*, actor: User, seeker: User, guide: User) -> Match:
    """A coordinator proposes a pair; both people must still accept."""
    me = MatchProfile.objects.filter(user=seeker).first()
    if me is None or not permissions.can_coordinate(actor):
        raise NotAllowed(_("Only coordinators propose matches."))
    if not _seekers_in_scope(actor).filter(pk=me.pk).exists():
        raise NotAllowed(
            _("This member lives outside your municipalities or belongs to another organisation.")
        )
    if not _guide_roles(actor).filter(user=guide).exists():
        raise DomainError(_("Choose a peer guide who works with you."))
    if not permissions.is_peer_guide(guide):
        raise DomainError(_("This peer guide has not completed the training yet."))
    if pair_fit(seeker, guide) is None:
        raise DomainError(
            _("These two cannot be matched right now: %(why)s.") % {"why": why_not(me, guide)}
        )
    match = Match.objects.create(
        seeker=seeker,
        partner=guide,
        kind=MatchKind.GUIDE,
        status=MatchStatus.REQUESTED,
        proposed_by=actor,
        municipality=me.municipality,
        organisation_id=match_organisation(guide, coordinator_organisation_ids(actor)),
    )
    _event(match, actor, "proposed")
    for user in (seeker, guide):
        notify(user, "match_proposed", url=match_url(match))
    return match
