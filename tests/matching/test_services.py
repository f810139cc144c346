"""Suggestions with their hard rules, and a match's whole life."""

from datetime import timedelta

import pytest
from django.utils import timezone

from ligesind.accounts import services as account_services
from ligesind.accounts.models import Role
from ligesind.core.errors import DomainError, NotAllowed
from ligesind.core.models import Notification
from ligesind.matching import services
from ligesind.matching.models import (
    CheckIn,
    Hope,
    MatchProfile,
    MatchStatus,
    MunicipalityRule,
)
from ligesind.messaging.models import Participant
from tests.factories import make_staff, municipality
from tests.matching.conftest import person, prefs


def suggested(user):
    return [s.user.pk for s in services.suggestions(user)]


def test_suggestions_say_what_is_shared(seeker, peer):
    [suggestion] = services.suggestions(seeker)
    assert suggestion.user == peer
    assert suggestion.reasons[0] == "begge kender misbrug fra eget liv"
    assert "begge bor i samme kommune" in suggestion.reasons
    assert suggestion.sentence.startswith("Begge kender misbrug fra eget liv, begge bor i samme")


def test_hard_rules(seeker, peer, walks):
    other = person("Anden", offers_support=True, topics=[walks])
    assert set(suggested(seeker)) == {peer.pk, other.pk}
    account_services.block_user(actor=other, target=seeker)
    assert suggested(seeker) == [peer.pk]  # blocked either way: never suggested
    prefs(peer, offers_support=True, paused=True, topics=[walks])
    assert suggested(seeker) == []
    prefs(peer, offers_support=True, capacity=0, topics=[walks])
    assert suggested(seeker) == []
    prefs(peer, offers_support=False, topics=[walks])
    assert suggested(seeker) == []


def test_no_suggestions_on_a_diagnosis_alone(seeker):
    far = person("Langt", perspective="relative", offers_support=True, meeting="online")
    MatchProfile.objects.filter(user=far).update(municipality=municipality("Aalborg"))
    assert far.pk not in suggested(seeker)


def test_guide_hope_suggests_only_peer_guides(seeker, peer, guide, walks):
    prefs(seeker, seeking=True, hope=Hope.GUIDE, topics=[walks])
    assert suggested(seeker) == [guide.pk]


def test_profile_changes_reach_the_suggestions(seeker, peer):
    account_services.update_profile(
        actor=peer,
        data=account_services.ProfileData(alias="Ligestillet", experiences={}),
    )
    assert suggested(seeker) == []


def test_request_accept_opens_a_conversation_and_schedules_check_ins(seeker, peer):
    match = services.request_match(actor=seeker, partner=peer, message="Hej!")
    assert Notification.objects.filter(recipient=peer, kind="match_request").exists()
    assert peer.pk not in suggested(seeker)  # an open request is not suggested again
    with pytest.raises(NotAllowed):
        services.accept_match(actor=seeker, match=match)  # the seeker already said yes
    services.accept_match(actor=peer, match=match)
    match.refresh_from_db()
    assert match.status == MatchStatus.ACTIVE
    assert match.ends_on == services.matches.add_months(timezone.localdate(), 6)
    people = set(
        Participant.objects.filter(conversation=match.conversation).values_list(
            "user_id", flat=True
        )
    )
    assert people == {seeker.pk, peer.pk}
    assert MatchProfile.objects.get(user=peer).active_matches == 1
    assert CheckIn.objects.filter(match=match).count() == 4
    assert [e.what for e in match.events.all()] == ["requested", "accepted", "started"]


def test_decline_is_kind_and_the_pair_is_not_suggested_again(seeker, peer):
    match = services.request_match(actor=seeker, partner=peer)
    services.decline_match(actor=peer, match=match)
    told = Notification.objects.get(recipient=seeker, kind="match_declined")
    assert told.params == {}
    assert suggested(seeker) == []
    with pytest.raises(NotAllowed):
        services.request_match(actor=seeker, partner=peer)


def test_pause_extend_end_then_ask_again(seeker, peer, walks):
    match = services.request_match(actor=seeker, partner=peer)
    services.accept_match(actor=peer, match=match)
    services.pause_match(actor=peer, match=match)
    services.resume_match(actor=seeker, match=match)
    match.refresh_from_db()
    before = match.ends_on
    services.extend_match(actor=seeker, match=match)
    match.refresh_from_db()
    assert match.ends_on is not None and before is not None
    assert (match.ends_on - before).days >= 89
    with pytest.raises(DomainError):
        services.end_match(actor=seeker, match=match, reason="nonsense")
    services.end_match(actor=seeker, match=match, reason="goal", feedback="Det hjalp meget")
    match.refresh_from_db()
    assert match.status == MatchStatus.ENDED and match.exit_reason == "goal"
    assert match.ended_at is not None  # reports count matches ended in a period by it
    assert MatchProfile.objects.get(user=peer).active_matches == 0
    assert match.events.filter(what="ended").get().note == "Det hjalp meget"
    other = person("Ny", offers_support=True, topics=[walks])
    assert services.request_match(actor=seeker, partner=other).status == MatchStatus.REQUESTED
    with pytest.raises(NotAllowed):
        services.pause_match(actor=other, match=match)


def test_capacity_is_checked_again_when_a_match_starts(seeker, peer, walks):
    second = person("Anden søger", seeking=True, topics=[walks])
    first = services.request_match(actor=seeker, partner=peer)
    other = services.request_match(actor=second, partner=peer)
    services.accept_match(actor=peer, match=first)
    with pytest.raises(DomainError, match="plads"):
        services.accept_match(actor=peer, match=other)


def test_odense_approves_guide_matches(seeker, guide, coordinator, walks):
    MunicipalityRule.objects.create(
        municipality=municipality("Odense"), guide_matches_need_approval=True
    )
    prefs(seeker, seeking=True, hope=Hope.GUIDE, topics=[walks])
    match = services.request_match(actor=seeker, partner=guide)
    services.accept_match(actor=guide, match=match)
    match.refresh_from_db()
    assert match.status == MatchStatus.AWAITING_APPROVAL
    assert Notification.objects.filter(recipient=coordinator, kind="match_needs_approval").exists()
    with pytest.raises(NotAllowed):
        services.approve_match(actor=guide, match=match)
    services.approve_match(actor=coordinator, match=match)
    match.refresh_from_db()
    assert match.status == MatchStatus.ACTIVE and match.approved_by == coordinator


def test_peer_matches_never_need_approval(seeker, peer):
    MunicipalityRule.objects.create(
        municipality=municipality("Odense"), guide_matches_need_approval=True
    )
    match = services.request_match(actor=seeker, partner=peer)
    services.accept_match(actor=peer, match=match)
    match.refresh_from_db()
    assert match.status == MatchStatus.ACTIVE


def test_coordinator_assignment_and_proposal(coordinator, guide, admin_user, walks):
    seekers = [
        person(f"Venter{n}", seeking=True, hope=Hope.GUIDE, topics=[walks]) for n in range(3)
    ]
    proposals = services.propose_assignment(coordinator)
    assert len(proposals) == 2  # the guide has room for two
    assert {p.guide.user_id for p in proposals} == {guide.pk}
    chosen = proposals[0].seeker.user
    match = services.send_proposal(actor=coordinator, seeker=chosen, guide=guide)
    assert match.proposed_by == coordinator and not match.seeker_accepted
    services.accept_match(actor=chosen, match=match)
    services.accept_match(actor=guide, match=match)
    match.refresh_from_db()
    assert match.status == MatchStatus.ACTIVE  # proposed by a coordinator: no approval step
    far = make_staff(Role.COORDINATOR, "Aalborg", admin=admin_user, alias="Nord")
    with pytest.raises(NotAllowed):
        services.send_proposal(actor=far, seeker=seekers[2], guide=guide)


def test_check_ins_are_sent_once_and_answered(seeker, peer):
    match = services.request_match(actor=seeker, partner=peer)
    services.accept_match(actor=peer, match=match)
    assert services.send_check_ins() == 0
    later = timezone.now() + timedelta(weeks=2, hours=1)
    assert services.send_check_ins(now=later) == 2
    assert services.send_check_ins(now=later) == 0
    check_in = CheckIn.objects.get(user=seeker, week=2)
    CheckIn.objects.filter(pk=check_in.pk).update(due_at=timezone.now() - timedelta(hours=1))
    check_in.refresh_from_db()
    services.answer_check_in(actor=seeker, check_in=check_in, rating=4, words="Godt")
    with pytest.raises(NotAllowed):
        services.answer_check_in(actor=peer, check_in=check_in, rating=1)


def test_someone_hoping_for_a_peer_meets_peers_before_peer_guides(seeker, peer, guide, walks):
    from ligesind.accounts.models import Visibility

    # The guide shares more (an interest too), yet the seeker asked for an equal.
    prefs(seeker, seeking=True, topics=[walks])
    peer.profile.story = "Jeg har selv været der, og jeg lytter gerne."
    peer.profile.story_visibility = Visibility.MEMBERS
    peer.profile.save()
    found = services.suggestions(seeker)
    assert [s.user for s in found] == [peer, guide]
    assert found[0].fit.score <= found[1].fit.score
    assert found[0].words == "Jeg har selv været der, og jeg lytter gerne."
    assert found[1].is_guide and found[1].words == ""
