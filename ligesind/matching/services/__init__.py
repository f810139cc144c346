"""PeerMatch's business operations, one module per noun; import them from here."""

from .checkins import answer_check_in, send_check_ins
from .coordination import (
    Proposal,
    available_guides,
    coordinated_places,
    plan_assignment,
    propose_assignment,
    send_proposal,
    waiting_seeker_rows,
    waiting_seekers,
)
from .matches import (
    accept_match,
    approve_match,
    decline_match,
    end_match,
    extend_match,
    pause_match,
    request_match,
    resume_match,
    withdraw_match,
)
from .profiles import MatchPreferences, ensure_match_profile, refresh_masks, save_match_profile
from .suggest import Suggestion, explain, pair_fit, shared_reasons, suggestions

__all__ = [
    "MatchPreferences",
    "Proposal",
    "Suggestion",
    "accept_match",
    "answer_check_in",
    "approve_match",
    "available_guides",
    "coordinated_places",
    "decline_match",
    "end_match",
    "ensure_match_profile",
    "explain",
    "extend_match",
    "pair_fit",
    "pause_match",
    "plan_assignment",
    "propose_assignment",
    "refresh_masks",
    "request_match",
    "resume_match",
    "save_match_profile",
    "send_check_ins",
    "send_proposal",
    "shared_reasons",
    "suggestions",
    "waiting_seeker_rows",
    "waiting_seekers",
    "withdraw_match",
]
