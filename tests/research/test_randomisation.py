"""Stratified permuted blocks: within each stratum every completed block holds each arm
equally often, blocks are 2 or 4 long, the arms never drift apart by more than half a block,
and the log cannot be changed. Concealment: no page, API or admin shows a block."""

from collections import Counter

import pytest
from django.contrib import admin
from django.urls import get_resolver

from ligesind.research.models import Allocation, Block, Participant
from ligesind.research.randomisation import allocate
from tests.factories import UserFactory


def enrol(study, stratum, n):
    people = []
    for number in range(n):
        user = UserFactory.create()
        people.append(
            Participant.objects.create(
                study=study,
                user=user,
                code=f"{stratum}-{number}",
                status="consented",
                stratum=stratum,
            )
        )
    return people


def test_blocks_balance_each_stratum(study):
    first, second = study.arms.values_list("pk", flat=True)
    for stratum in ("odense", "fredericia"):
        running: Counter[int] = Counter()
        for participant in enrol(study, stratum, 60):
            running[allocate(participant).arm_id] += 1
            assert abs(running[first] - running[second]) <= 2  # at most half a block of 4
        blocks = Block.objects.filter(study=study, stratum=stratum)
        assert blocks.count() >= 15  # 60 places in blocks of 2 and 4
        for block in blocks:
            assert len(block.sequence) in (2, 4)
            if block.used == len(block.sequence):
                counts = Counter(block.sequence)
                assert len(set(counts.values())) == 1 and len(counts) == 2
        per_arm = Counter(
            Allocation.objects.filter(stratum=stratum).values_list("arm_id", flat=True)
        )
        assert abs(per_arm[first] - per_arm[second]) <= 2


def test_an_allocation_is_made_once_and_the_log_is_append_only(study):
    participant = enrol(study, "", 1)[0]
    first = allocate(participant)
    assert allocate(participant) == first
    with pytest.raises(ValueError):
        first.save()
    with pytest.raises(ValueError):
        first.delete()


def test_no_page_api_or_admin_shows_the_blocks():
    assert Block not in admin.site._registry
    routes = " ".join(str(p.pattern) for p in get_resolver().url_patterns)
    assert "block" not in routes.lower()
