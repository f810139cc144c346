"""``scoring.score`` written as one SQL query, so the database ranks 100,000 candidates and
returns only the best few. Every row it returns is scored again by ``scoring.score`` (the one
definition of the rules); a test checks on random populations that both agree.

The query is written by hand: built through the ORM its many small expressions took longer to
compile than the database took to run it. It uses only what PostgreSQL and SQLite share
(``&``, ``|``, ``CASE``, ``EXISTS``), and counts shared categories and topics as sums over the
seeker's own bits (a member has a handful), so it needs no popcount.
"""

from collections.abc import Iterable
from typing import Any

from django.db import connection

from ligesind.accounts.consent import current_version
from ligesind.accounts.models import ConsentRecord, Profile, Role, RoleAssignment, User
from ligesind.volunteers.training import UNTRAINED_SQL

from .models import Hope, MatchProfile, Meeting
from .scoring import DANISH, Weights

COLUMNS = (
    "user_id",
    "category_mask",
    "affected_mask",
    "relative_mask",
    "topic_mask",
    "language_mask",
    "municipality_id",
    "meeting",
    "gender",
)


def bits(mask: int) -> list[int]:
    return [1 << n for n in range(mask.bit_length()) if mask >> n & 1]


def _count(column: str, mask: int) -> str:
    terms = [f"(CASE WHEN (mp.{column} & {b}) <> 0 THEN 1 ELSE 0 END)" for b in bits(mask)]
    return " + ".join(terms) or "0"


def _flag(condition: str, weight: float) -> str:
    return f"(CASE WHEN {condition} THEN {float(weight)!r} ELSE 0.0 END)"


def ranked_rows(
    me: MatchProfile, *, excluded: Iterable[int], weights: Weights, limit: int
) -> list[tuple[Any, ...]]:
    """The best ``limit`` candidates for ``me``: ``COLUMNS`` + (is_guide, fit), best first."""
    categories = int(me.category_mask)
    params: list[Any] = []
    where = [
        "mp.offers_support",
        "NOT mp.paused",
        "mp.active_matches < mp.capacity",
        f"(mp.category_mask & {categories}) <> 0",
        f"EXISTS (SELECT 1 FROM {ConsentRecord._meta.db_table} c WHERE c.user_id = mp.user_id "
        "AND c.version = %s AND c.withdrawn_at IS NULL)",
    ]
    params.append(current_version())
    ids = sorted({int(pk) for pk in excluded})
    if ids:
        where.append(f"mp.user_id NOT IN ({', '.join(str(pk) for pk in ids)})")
    guide = (
        f"EXISTS (SELECT 1 FROM {RoleAssignment._meta.db_table} r "
        f"WHERE r.user_id = mp.user_id AND r.role = '{Role.PEER_GUIDE.value}')"
        f" AND NOT {UNTRAINED_SQL}"
    )
    if me.hope == Hope.GUIDE:
        where.append(guide)
    if me.hope == Hope.RELATIVE:
        where.append(f"(mp.relative_mask & {categories}) <> 0")
    if me.gender_preference:
        where.append("mp.gender = %s")
        params.append(me.gender_preference)
    place = me.municipality_id
    same_place = f"mp.municipality_id = {int(place)}" if place else "1 = 0"
    online, in_person = f"'{Meeting.ONLINE.value}'", f"'{Meeting.IN_PERSON.value}'"
    if me.meeting == Meeting.ONLINE:
        where.append(f"mp.meeting <> {in_person}")
        place_counts = "1 = 0"
    elif me.meeting == Meeting.IN_PERSON:
        where.append(f"mp.meeting <> {online} AND {same_place}")
        place_counts = same_place
    else:
        where.append(f"NOT (mp.meeting = {in_person} AND NOT ({same_place}))")
        place_counts = f"({same_place}) AND mp.meeting <> {online}"
    perspective = (
        f"(((mp.affected_mask & {int(me.affected_mask)}) | "
        f"(mp.relative_mask & {int(me.relative_mask)})) & {categories}) <> 0"
    )
    topics = f"(mp.topic_mask & {int(me.topic_mask)}) <> 0"
    languages = f"(mp.language_mask & {int(me.language_mask) & ~DANISH}) <> 0"
    where.append(f"({perspective} OR {topics} OR ({place_counts}) OR {languages})")
    shared_topics = _count("topic_mask", int(me.topic_mask))
    fit = " + ".join(
        [
            f"{float(weights.category)!r} * ({_count('category_mask', categories)})",
            _flag(perspective, weights.perspective),
            f"{float(weights.interest)!r} * (CASE WHEN ({shared_topics}) > 3 THEN 3 "
            f"ELSE ({shared_topics}) END)",
            _flag(f"({place_counts})", weights.place),
            _flag(languages, weights.language),
            _flag(guide, weights.guide) if me.hope == Hope.GUIDE else "0.0",
        ]
    )
    # The kind of support asked for first: someone hoping for a peer meets peers before guides.
    peers_first = "is_guide ASC, " if me.hope == Hope.PEER else ""
    sql = (
        f"SELECT {', '.join('mp.' + c for c in COLUMNS)}, {guide} AS is_guide, {fit} AS fit "
        f"FROM {MatchProfile._meta.db_table} mp "
        f"JOIN {User._meta.db_table} u ON u.id = mp.user_id "
        f"JOIN {Profile._meta.db_table} p ON p.user_id = mp.user_id "
        f"WHERE u.is_active AND p.alias > '' AND {' AND '.join(where)} "
        f"ORDER BY {peers_first}fit DESC, mp.user_id LIMIT {int(limit)}"
    )
    with connection.cursor() as cursor:
        # Every value written into the text is an int or one of our own constants; the rest
        # (consent version, gender) are parameters.
        cursor.execute(sql, params)
        return [(*row[:-2], bool(row[-2]), float(row[-1])) for row in cursor.fetchall()]
