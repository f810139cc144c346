"""Generated populations for the benchmarks (``python -m ligesind seed_bench --members N``).

Rows are written in bulk, not through the services: 100,000 members in about a minute. Each
member gets a complete profile, consent, one to three lived-experience categories, a match
profile whose masks are computed the way ``refresh_masks`` computes them, and about a third offer
support; one in twenty is a peer guide.
"""

import random

from django.contrib.auth.hashers import make_password
from django.db import transaction

from ligesind.accounts.consent import current_version
from ligesind.accounts.models import (
    ConsentRecord,
    ExperienceCategory,
    Interest,
    Perspective,
    Profile,
    ProfileExperience,
    Role,
    RoleAssignment,
    User,
)
from ligesind.core.models import Municipality
from ligesind.matching.models import Hope, MatchProfile, Meeting
from ligesind.matching.scoring import bit

DOMAIN = "bench.ligesind.dk"
BATCH = 2000


def bench_count() -> int:
    return User.objects.filter(email__endswith=f"@{DOMAIN}").count()


def seed_members(total: int, seed: int = 7) -> int:
    """Add generated members until there are ``total`` of them. Returns how many were added."""
    start = bench_count()
    rng = random.Random(seed + start)
    categories = list(ExperienceCategory.objects.values_list("pk", flat=True))
    interests = list(Interest.objects.values_list("pk", flat=True))
    places = list(Municipality.objects.values_list("pk", flat=True))
    password = make_password(None)
    for first in range(start, total, BATCH):
        with transaction.atomic():
            _batch(
                range(first, min(first + BATCH, total)),
                rng,
                categories,
                interests,
                places,
                password,
            )
    return max(0, total - start)


def _batch(
    numbers: range,
    rng: random.Random,
    categories: list[int],
    interests: list[int],
    places: list[int],
    password: str,
) -> None:
    users = User.objects.bulk_create(
        User(email=f"bench{n}@{DOMAIN}", password=password) for n in numbers
    )
    profiles = Profile.objects.bulk_create(
        Profile(user=u, alias=f"Bench{n}", municipality_id=rng.choice(places))
        for n, u in zip(numbers, users, strict=True)
    )
    ConsentRecord.objects.bulk_create(
        ConsentRecord(user=u, version=current_version(), language="da") for u in users
    )
    experiences, match_profiles, guides = [], [], []
    for user, profile in zip(users, profiles, strict=True):
        chosen = rng.sample(categories, rng.choice((1, 1, 2, 3)))
        masks = {"category_mask": 0, "affected_mask": 0, "relative_mask": 0}
        for category_id in chosen:
            perspective = rng.choice(list(Perspective))
            experiences.append(
                ProfileExperience(profile=profile, category_id=category_id, perspective=perspective)
            )
            masks["category_mask"] |= bit(category_id)
            if perspective != Perspective.RELATIVE:
                masks["affected_mask"] |= bit(category_id)
            if perspective != Perspective.AFFECTED:
                masks["relative_mask"] |= bit(category_id)
        topics = 0
        for topic in rng.sample(interests, rng.randint(0, 4)):
            topics |= bit(topic)
        is_guide = rng.random() < 0.05
        match_profiles.append(
            MatchProfile(
                user=user,
                seeking=rng.random() < 0.2,
                hope=rng.choice([Hope.PEER, Hope.PEER, Hope.GUIDE, Hope.RELATIVE]),
                meeting=rng.choice(list(Meeting)),
                municipality_id=profile.municipality_id,
                languages=["da", "en"] if rng.random() < 0.3 else ["da"],
                offers_support=is_guide or rng.random() < 0.3,
                capacity=rng.randint(1, 3) if is_guide else 1,
                topic_mask=topics,
                language_mask=bit(0) | (bit(1) if rng.random() < 0.3 else 0),
                **masks,
            )
        )
        if is_guide:
            guides.append(RoleAssignment(user=user, role=Role.PEER_GUIDE))
    ProfileExperience.objects.bulk_create(experiences)
    MatchProfile.objects.bulk_create(match_profiles)
    RoleAssignment.objects.bulk_create(guides)
