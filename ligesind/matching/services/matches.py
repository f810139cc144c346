"""A match's life: request, answers, approval, start (a conversation opens), pause, extension,
ending, and the history of every step."""

from datetime import date, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ligesind.accounts.models import Role, User
from ligesind.accounts.permissions import coordinators_of, role_organisation_ids
from ligesind.core.errors import DomainError, NotAllowed
from ligesind.core.services import notify
from ligesind.core.text_hooks import text_accepted
from ligesind.messaging import services as messaging
from ligesind.messaging.models import ConversationKind

from .. import permissions
from ..models import (
    CheckIn,
    ExitReason,
    Hope,
    Match,
    MatchEvent,
    MatchKind,
    MatchProfile,
    MatchStatus,
    MunicipalityRule,
)
from .profiles import ensure_match_profile
from .suggest import pair_fit

MAX_OPEN_REQUESTS = 3
CHECK_IN_WEEKS = (2, 8)


def match_url(match: Match) -> str:
    return reverse("matching:match", args=[match.pk])


def _event(match: Match, actor: User | None, what: str, note: str = "") -> None:
    MatchEvent.objects.create(match=match, actor=actor, status=match.status, what=what, note=note)


def add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)


@transaction.atomic
def request_match(*, actor: User, partner: User, message: str = "") -> Match:
    """Ask someone from the suggestions; they decide."""
    if not permissions.can_match(actor):
        raise NotAllowed(_("Matching is not part of your membership."))
    open_requests = Match.objects.filter(seeker=actor, status=MatchStatus.REQUESTED).count()
    if open_requests >= MAX_OPEN_REQUESTS:
        raise DomainError(
            _("You have 3 requests waiting for an answer. Wait for them before asking more.")
        )
    if pair_fit(actor, partner) is None:
        raise NotAllowed(_("This member cannot be matched with you right now."))
    me = ensure_match_profile(actor)
    kind = MatchKind.GUIDE if me.hope == Hope.GUIDE else MatchKind.PEER
    match = Match.objects.create(
        seeker=actor,
        partner=partner,
        kind=kind,
        status=MatchStatus.REQUESTED,
        message=message.strip()[:1000],
        seeker_accepted=True,
        municipality=me.municipality,
        organisation_id=match_organisation(partner) if kind == MatchKind.GUIDE else None,
    )
    _event(match, actor, "requested")
    if match.message:
        text_accepted(author=actor, text=match.message, where="match_request")
    notify(partner, "match_request", url=match_url(match))
    return match


def match_organisation(guide: User, coordinator_scope: frozenset[int] | None = None) -> int | None:
    """The organisation a peer-guide match belongs to: the guide's, when the guide acts for
    exactly one (within the proposing coordinator's), else the coordinator's only one."""
    guide_scope = role_organisation_ids(guide, Role.PEER_GUIDE)
    if guide_scope and coordinator_scope is not None:
        guide_scope &= coordinator_scope
    for scope in (guide_scope, coordinator_scope):
        if scope is not None and len(scope) == 1:
            return next(iter(scope))
    return None


def _needs_approval(match: Match) -> bool:
    if match.kind != MatchKind.GUIDE or match.proposed_by_id is not None:
        return False
    if match.municipality_id is None:
        return False
    return MunicipalityRule.objects.filter(
        municipality_id=match.municipality_id, guide_matches_need_approval=True
    ).exists()


def _start(match: Match, actor: User) -> None:
    profiles = list(
        MatchProfile.objects.select_for_update()
        .filter(user_id__in=[match.seeker_id, match.partner_id])
        .order_by("pk")
    )
    partner = next(p for p in profiles if p.user_id == match.partner_id)
    if partner.active_matches >= partner.capacity or partner.paused:
        raise DomainError(_("This match cannot start: the other person has no room right now."))
    MatchProfile.objects.filter(pk__in=[p.pk for p in profiles]).update(
        active_matches=F("active_matches") + 1
    )
    now = timezone.now()
    match.status, match.started_at = MatchStatus.ACTIVE, now
    match.ends_on = add_months(timezone.localdate(), settings.LIGESIND_MATCH_MONTHS)
    match.conversation = messaging.open_conversation(
        people=[match.seeker, match.partner], kind=ConversationKind.MATCH
    )
    match.save()
    _event(match, actor, "started")
    CheckIn.objects.bulk_create(
        CheckIn(match=match, user_id=user_id, week=week, due_at=now + timedelta(weeks=week))
        for week in CHECK_IN_WEEKS
        for user_id in (match.seeker_id, match.partner_id)
    )
    for user in (match.seeker, match.partner):
        notify(user, "match_started", url=match_url(match))


def _locked(match: Match) -> Match:
    return Match.objects.select_for_update().select_related("seeker", "partner").get(pk=match.pk)


@transaction.atomic
def accept_match(*, actor: User, match: Match) -> Match:
    match = _locked(match)
    if not permissions.can_answer_match(actor, match):
        raise NotAllowed(_("There is nothing for you to answer here."))
    if actor.pk == match.partner_id:
        match.partner_accepted = True
    else:
        match.seeker_accepted = True
    match.save(update_fields=["partner_accepted", "seeker_accepted"])
    _event(match, actor, "accepted")
    if not (match.partner_accepted and match.seeker_accepted):
        return match
    if _needs_approval(match):
        match.status = MatchStatus.AWAITING_APPROVAL
        match.save(update_fields=["status"])
        _event(match, None, "awaiting_approval")
        for coordinator in coordinators_of(match.municipality_id, match.organisation_id):
            notify(coordinator, "match_needs_approval", url=match_url(match))
        return match
    _start(match, actor)
    return match


@transaction.atomic
def approve_match(*, actor: User, match: Match) -> Match:
    match = _locked(match)
    if not permissions.coordinates_match(actor, match):
        raise NotAllowed(_("Only the municipality's coordinators approve matches."))
    if match.status != MatchStatus.AWAITING_APPROVAL:
        raise DomainError(_("This match is not waiting for approval."))
    match.approved_by = actor
    _start(match, actor)
    return match


@transaction.atomic
def decline_match(*, actor: User, match: Match) -> Match:
    """Say no kindly: the other person is told without any detail."""
    match = _locked(match)
    if not (
        permissions.can_answer_match(actor, match)
        or (
            match.status == MatchStatus.AWAITING_APPROVAL
            and permissions.coordinates_match(actor, match)
        )
    ):
        raise NotAllowed(_("There is nothing for you to answer here."))
    match.status = MatchStatus.DECLINED
    match.save(update_fields=["status"])
    _event(match, actor, "declined")
    for user_id in {match.seeker_id, match.partner_id} - {actor.pk}:
        notify(User.objects.get(pk=user_id), "match_declined", url=reverse("matching:home"))
    return match


@transaction.atomic
def withdraw_match(*, actor: User, match: Match) -> Match:
    match = _locked(match)
    if actor.pk != match.seeker_id or match.status not in (
        MatchStatus.REQUESTED,
        MatchStatus.AWAITING_APPROVAL,
    ):
        raise NotAllowed(_("Only a request you sent that is still open can be withdrawn."))
    match.status = MatchStatus.WITHDRAWN
    match.save(update_fields=["status"])
    _event(match, actor, "withdrawn")
    return match


def _change(match: Match, actor: User) -> Match:
    match = _locked(match)
    if not permissions.can_change_match(actor, match):
        raise NotAllowed(_("Only the two people in an active match can change it."))
    return match


@transaction.atomic
def pause_match(*, actor: User, match: Match) -> Match:
    match = _change(match, actor)
    match.status = MatchStatus.PAUSED
    match.save(update_fields=["status"])
    _event(match, actor, "paused")
    notify(User.objects.get(pk=match.other(actor.pk)), "match_changed", url=match_url(match))
    return match


@transaction.atomic
def resume_match(*, actor: User, match: Match) -> Match:
    match = _change(match, actor)
    match.status = MatchStatus.ACTIVE
    match.save(update_fields=["status"])
    _event(match, actor, "resumed")
    notify(User.objects.get(pk=match.other(actor.pk)), "match_changed", url=match_url(match))
    return match


@transaction.atomic
def extend_match(*, actor: User, match: Match, months: int = 3) -> Match:
    match = _change(match, actor)
    if not 1 <= months <= 6:
        raise DomainError(_("A match can be extended by 1 to 6 months at a time."))
    match.ends_on = add_months(match.ends_on or timezone.localdate(), months)
    match.save(update_fields=["ends_on"])
    _event(match, actor, "extended")
    notify(User.objects.get(pk=match.other(actor.pk)), "match_changed", url=match_url(match))
    return match


@transaction.atomic
def end_match(*, actor: User, match: Match, reason: str, feedback: str = "") -> Match:
    """Either person ends the match at any time, with a short reason and optional words."""
    match = _change(match, actor)
    if reason not in ExitReason.values:
        raise DomainError(_("Choose why the match ends."))
    MatchProfile.objects.filter(
        user_id__in=[match.seeker_id, match.partner_id], active_matches__gt=0
    ).update(active_matches=F("active_matches") - 1)
    match.status, match.exit_reason = MatchStatus.ENDED, reason
    match.ended_at = timezone.now()
    match.save(update_fields=["status", "exit_reason", "ended_at"])
    _event(match, actor, "ended", note=feedback.strip()[:2000])
    if feedback.strip():
        text_accepted(author=actor, text=feedback, where="match_feedback")
    notify(User.objects.get(pk=match.other(actor.pk)), "match_ended", url=match_url(match))
    return match
