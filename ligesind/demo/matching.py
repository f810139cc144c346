"""Demo PeerMatch data (idempotent): peer guides and some members offer support, some members
look for a match, medlem1 has an active match with a peer guide, Odense approves guide matches."""

from django.db import transaction

from ligesind.accounts.models import User
from ligesind.core.models import Municipality
from ligesind.matching import services
from ligesind.matching.models import Hope, MatchProfile, Meeting, MunicipalityRule

DOMAIN = "demo.ligesind.dk"


def _user(name: str) -> User:
    return User.objects.get(email=f"{name}@{DOMAIN}")


def _prefs(user: User, **changes: object) -> None:
    current = services.ensure_match_profile(user)
    values = {
        "seeking": current.seeking,
        "hope": current.hope,
        "meeting": current.meeting,
        "municipality": current.municipality,
        "languages": current.languages or ["da"],
        "topics": list(current.topics.all()),
        "offers_support": current.offers_support,
        "capacity": current.capacity,
    }
    values.update(changes)
    if values["municipality"] is None:
        values["meeting"] = Meeting.ONLINE
    services.save_match_profile(actor=user, data=services.MatchPreferences(**values))  # type: ignore[arg-type]


@transaction.atomic
def load_demo_matching() -> None:
    if MatchProfile.objects.exists():
        return
    MunicipalityRule.objects.get_or_create(
        municipality=Municipality.objects.get(name="Odense"),
        defaults={"guide_matches_need_approval": True},
    )
    for n in range(1, 13):
        _prefs(_user(f"peerguide{n}"), offers_support=True, capacity=2 + n % 2)
    for n in range(30, 64, 2):
        _prefs(_user(f"medlem{n}"), offers_support=True, capacity=1)
    for n in range(2, 30, 3):
        _prefs(_user(f"medlem{n}"), seeking=True, hope=Hope.GUIDE)
    first = _user("medlem1")
    _prefs(first, seeking=True, hope=Hope.PEER)
    best = services.suggestions(first, limit=1)
    if best:
        match = services.request_match(
            actor=first,
            partner=best[0].user,
            message="Hej, jeg vil gerne tale med en, der kender det.",
        )
        services.accept_match(actor=best[0].user, match=match)
