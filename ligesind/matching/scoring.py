"""How well two people fit, and why: one function, ``score``, with configurable weights.

The hard rules that do not depend on the pair's data (blocks, capacity, pauses, earlier
matches, roles) are applied before scoring, in ``suggestions``. ``score`` applies the rules that
do: both must share a lived-experience category; a peer-guide hope needs a peer guide; a relative
hope needs someone who is a relative in a shared category; ways of meeting must fit; a gender
preference is respected. And we never match on diagnosis alone: besides the shared category the
two must share something else (perspective, place, interests or language), and the reasons say
what. Sharing how you meet is a condition, not a reason.

Everything is bit masks (``bit(pk)``), so scoring 100,000 candidates is integer arithmetic.
"""

from dataclasses import dataclass, field

from django.conf import settings

from .models import Gender, Hope, Meeting


def bit(pk: int) -> int:
    """The mask bit for a category, interest or language index (62 of them fit)."""
    return 1 << (pk % 62)


@dataclass(frozen=True)
class Weights:
    category: float = 3.0  # each shared lived-experience category
    perspective: float = 2.0  # the same perspective (affected/relative) in a shared category
    interest: float = 1.0  # each shared topic, up to three
    place: float = 2.0  # the same municipality, when meeting in person is possible
    language: float = 0.5  # a shared language besides Danish
    guide: float = 1.0  # a peer guide, when the seeker hopes for one


def configured_weights() -> Weights:
    return Weights(**getattr(settings, "LIGESIND_MATCH_WEIGHTS", {}))


@dataclass(frozen=True)
class Person:
    user_id: int
    categories: int
    affected: int
    relative: int
    topics: int
    languages: int
    municipality_id: int | None
    meeting: str
    gender: str = ""
    gender_preference: str = ""
    hope: str = Hope.PEER
    is_guide: bool = False


@dataclass(frozen=True)
class Fit:
    score: float
    categories: int  # mask of shared categories
    same_perspective: int  # mask of shared categories with the same perspective
    topics: int  # mask of shared topics
    same_place: bool
    languages: int  # mask of shared languages besides Danish
    meeting: str
    reasons: list[str] = field(default_factory=list)


DANISH = bit(0)  # ``Language`` index 0 is Danish: everyone shares it, it is no reason


def meeting_fit(a: str, b: str, same_place: bool) -> str | None:
    """How two people can meet, or ``None`` when they cannot."""
    if Meeting.ONLINE in (a, b):
        return Meeting.ONLINE if Meeting.IN_PERSON not in (a, b) else None
    if not same_place:  # both would meet in person but live apart: online only if both may
        return Meeting.ONLINE if a == b == Meeting.EITHER else None
    return Meeting.IN_PERSON if Meeting.IN_PERSON in (a, b) else Meeting.EITHER


def assess(seeker: Person, other: Person, weights: Weights | None = None) -> Fit | str:
    """The fit of ``other`` for ``seeker``, or the pair rule that says no: "same",
    "experience", "guide", "relative", "gender", "meeting" or "only_diagnosis"."""
    w = weights or Weights()
    shared = seeker.categories & other.categories
    if seeker.user_id == other.user_id:
        return "same"
    if not shared:
        return "experience"
    if seeker.hope == Hope.GUIDE and not other.is_guide:
        return "guide"
    if seeker.hope == Hope.RELATIVE and not (other.relative & shared):
        return "relative"
    if seeker.gender_preference and other.gender != seeker.gender_preference:
        return "gender"
    same_place = seeker.municipality_id is not None and (
        seeker.municipality_id == other.municipality_id
    )
    how = meeting_fit(seeker.meeting, other.meeting, same_place)
    if how is None:
        return "meeting"
    same_perspective = (
        seeker.affected & other.affected | seeker.relative & other.relative
    ) & shared
    topics = seeker.topics & other.topics
    languages = (seeker.languages & other.languages) & ~DANISH
    place_counts = same_place and how != Meeting.ONLINE
    if not (same_perspective or topics or place_counts or languages):
        return "only_diagnosis"  # never on diagnosis alone
    total = (
        w.category * shared.bit_count()
        + w.perspective * bool(same_perspective)
        + w.interest * min(topics.bit_count(), 3)
        + w.place * place_counts
        + w.language * bool(languages)
        + w.guide * (seeker.hope == Hope.GUIDE and other.is_guide)
    )
    return Fit(
        score=round(total, 3),
        categories=shared,
        same_perspective=same_perspective,
        topics=topics,
        same_place=place_counts,
        languages=languages,
        meeting=how,
    )


def score(seeker: Person, other: Person, weights: Weights | None = None) -> Fit | None:
    """The fit of ``other`` for ``seeker``, or ``None`` when a pair rule says no."""
    result = assess(seeker, other, weights)
    return result if isinstance(result, Fit) else None


__all__ = [
    "Fit",
    "Gender",
    "Person",
    "Weights",
    "assess",
    "bit",
    "configured_weights",
    "score",
]
