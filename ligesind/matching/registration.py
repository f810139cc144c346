"""What PeerMatch plugs into: contacts, profile changes, notification kinds, export."""

from typing import Any

from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from ligesind.accounts.contacts import register_contact_source
from ligesind.accounts.services import register_profile_listener
from ligesind.core.models import EmailMode
from ligesind.core.notifications import NotificationKind, register_kind
from ligesind.core.privacy import register_erasure, register_export, register_labels

from .models import CheckIn, Match, MatchEvent, MatchProfile, MatchStatus

KINDS = [
    ("match_request", _("Someone asks to be matched with me"),
     _("Someone would like to be matched with you. You decide."), EmailMode.IMMEDIATE),
    ("match_proposed", _("A coordinator proposes a match"),
     _("A coordinator proposes a match for you. You decide."), EmailMode.IMMEDIATE),
    ("match_needs_approval", _("A peer-guide match waits for my approval (coordinators)"),
     _("A peer-guide match waits for your approval."), EmailMode.IMMEDIATE),
    ("match_started", _("A match has started"),
     _("Your match has started. A conversation is open for the two of you."), EmailMode.IMMEDIATE),
    ("match_declined", _("A match did not happen"),
     _("The match did not happen this time. That is all right: you can ask someone else."),
     EmailMode.DIGEST),
    ("match_changed", _("A match was paused, resumed or extended"),
     _("Your match has been changed."), EmailMode.DIGEST),
    ("match_ended", _("A match has ended"),
     _("Your match has ended. Thank you for the time you shared."), EmailMode.IMMEDIATE),
    ("match_check_in", _("How is my match going?"),
     _("How is your match going? Two minutes to tell us."), EmailMode.IMMEDIATE),
]  # fmt: skip


def match_partner_ids(user_id: int) -> list[int]:
    """People in an active or paused match with each other are contacts."""
    rows = Match.objects.filter(
        Q(seeker_id=user_id) | Q(partner_id=user_id),
        status__in=[MatchStatus.ACTIVE, MatchStatus.PAUSED],
    ).values_list("seeker_id", "partner_id")
    return [uid for pair in rows for uid in pair if uid != user_id]


def _when(value: Any) -> str | None:
    return value.isoformat() if value else None


def export_matching(user: Any) -> dict[str, Any]:
    profile = MatchProfile.objects.filter(user_id=user.pk).first()
    mine = Q(seeker_id=user.pk) | Q(partner_id=user.pk)
    return {
        "match_profile": None
        if profile is None
        else {
            "seeking": profile.seeking,
            "hope": profile.get_hope_display(),
            "meeting": profile.get_meeting_display(),
            "municipality": str(profile.municipality or ""),
            "languages": profile.languages,
            "gender": profile.get_gender_display(),
            "gender_preference": profile.gender_preference,
            "topics": [t.name for t in profile.topics.all()],
            "note": profile.note,
            "offers_support": profile.offers_support,
            "capacity": profile.capacity,
            "paused": profile.paused,
        },
        "matches": [
            {
                "kind": m.get_kind_display(),
                "status": m.get_status_display(),
                "i_asked": m.seeker_id == user.pk,
                "message": m.message if m.seeker_id == user.pk else None,
                "started": _when(m.started_at),
                "ends": _when(m.ends_on),
                "history": [
                    {"what": e.what, "when": _when(e.at), "words": e.note}
                    for e in MatchEvent.objects.filter(match=m, actor_id=user.pk)
                ],
            }
            for m in Match.objects.filter(mine)
        ],
        "check_ins": [
            {"week": c.week, "rating": c.rating, "words": c.words, "answered": _when(c.answered_at)}
            for c in CheckIn.objects.filter(user_id=user.pk)
        ],
    }


def erase_matching(user: Any) -> None:
    """Matches go with the account; the other person's place is freed."""
    others = match_partner_ids(user.pk)
    MatchProfile.objects.filter(user_id__in=others, active_matches__gt=0).update(
        active_matches=F("active_matches") - 1
    )


def register() -> None:
    from .services.profiles import profile_changed

    register_contact_source(match_partner_ids)
    register_profile_listener(profile_changed)
    for key, label, message, email in KINDS:
        register_kind(NotificationKind(key, label, message, email))
    register_export(
        "matching",
        label=_("PeerMatch"),
        models=[
            "matching.MatchProfile",
            "matching.Match",
            "matching.MatchEvent",
            "matching.CheckIn",
        ],
        collect=export_matching,
    )
    register_erasure(erase_matching)
    register_labels(
        {
            "matching": _("PeerMatch"),
            "match_profile": _("What I hope for"),
            "seeking": _("Looking for a match"),
            "hope": _("I hope to meet"),
            "meeting": _("How we meet"),
            "gender": _("My gender"),
            "gender_preference": _("Preferred gender"),
            "topics": _("Topics"),
            "note": _("My words"),
            "offers_support": _("I can offer support"),
            "capacity": _("Active matches I can have"),
            "paused": _("Paused"),
            "matches": _("Matches"),
            "kind": _("Kind"),
            "i_asked": _("I asked"),
            "message": _("Message"),
            "started": _("Started"),
            "ends": _("Ends"),
            "history": _("History"),
            "words": _("Words"),
            "check_ins": _("Check-ins"),
            "week": _("Week"),
            "answered": _("Answered"),
        }
    )
