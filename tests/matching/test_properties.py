"""Property-based: whatever blocks, capacities and pauses members set, a blocked pair is never
suggested, nobody full or paused is suggested, and every suggestion shares a category and
something more."""

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ligesind.accounts.models import Block
from ligesind.matching import services
from ligesind.matching.models import MatchProfile
from tests.matching.conftest import person

N = 8


@pytest.fixture
def population(walks):
    people = [
        person(f"P{n}", perspective=("affected", "relative")[n % 2], seeking=True,
               offers_support=True, topics=[walks] if n % 3 else [])
        for n in range(N)
    ]  # fmt: skip
    return people


pairs = st.sets(st.tuples(st.integers(0, N - 1), st.integers(0, N - 1)), max_size=10)


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    blocks=pairs,
    full=st.sets(st.integers(0, N - 1), max_size=3),
    paused=st.sets(st.integers(0, N - 1), max_size=3),
)
def test_hard_rules_hold_for_any_blocks_and_capacities(population, blocks, full, paused):
    with transaction.atomic():
        for a, b in blocks:
            if a != b:
                Block.objects.get_or_create(blocker=population[a], blocked=population[b])
        MatchProfile.objects.filter(user__in=[population[n] for n in full]).update(capacity=0)
        MatchProfile.objects.filter(user__in=[population[n] for n in paused]).update(paused=True)
        unavailable = {population[n].pk for n in full | paused}
        blocked = {frozenset((population[a].pk, population[b].pk)) for a, b in blocks}
        for seeker in population:
            for suggestion in services.suggestions(seeker):
                other = suggestion.user.pk
                assert frozenset((seeker.pk, other)) not in blocked
                assert other not in unavailable and other != seeker.pk
                assert suggestion.fit.categories and len(suggestion.reasons) >= 2
        transaction.set_rollback(True)


def test_the_population_has_suggestions_to_check(population):
    assert all(services.suggestions(seeker) for seeker in population)
