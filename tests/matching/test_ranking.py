"""The database ranks with the SQL form of ``score``: on random populations it must agree with
``scoring.score`` on who is allowed, on every score and on the order (``order_key``: the
kind of support asked for first)."""

import random

from ligesind.demo.bench_members import seed_members
from ligesind.matching.models import Hope, MatchProfile, Meeting
from ligesind.matching.ranking import ranked_rows
from ligesind.matching.scoring import Weights, score
from ligesind.matching.services.suggest import (
    FIELDS,
    eligible,
    excluded_ids,
    order_key,
    person,
    row_person,
)


def test_sql_ranking_agrees_with_the_scoring_function():
    seed_members(300, seed=11)
    weights = Weights(category=3.0, perspective=2.0, interest=1.5, place=2.5, language=0.5)
    rng = random.Random(5)
    seekers = list(MatchProfile.objects.select_related("user").order_by("pk")[:40])
    checked = 0
    for me in seekers:
        me.hope = rng.choice(list(Hope))
        me.meeting = rng.choice(list(Meeting))
        me.gender_preference = rng.choice(["", "", "woman"])
        python = []
        for row in eligible(me).values_list(*FIELDS):
            other = row_person(row)
            fit = score(person(me, False), other, weights)
            if fit is not None:
                python.append(order_key(me.hope, other, fit))
        sql = ranked_rows(me, excluded=excluded_ids(me.user), weights=weights, limit=1000)
        assert [uid for *_first, uid in sorted(python)] == [row[0] for row in sql], me.pk
        for (_kind, negative, _uid), row in zip(sorted(python), sql, strict=True):
            assert abs(-negative - row[-1]) < 1e-6
        checked += len(sql)
    assert checked > 100  # the population gives the comparison something to compare
