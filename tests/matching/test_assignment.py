"""Optimal assignment: capacities respected, never worse than greedy, and as good as an
independent solver (networkx maximum-weight matching) on random small instances."""

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from ligesind.matching.assignment import greedy_assignment, optimal_assignment, total


@st.composite
def instances(draw, max_seekers=7, max_guides=4):
    seekers = range(draw(st.integers(1, max_seekers)))
    guides = range(100, 100 + draw(st.integers(1, max_guides)))
    capacity = {g: draw(st.integers(0, 3)) for g in guides}
    scores = {}
    for s in seekers:
        for g in guides:
            if draw(st.booleans()):
                scores[(s, g)] = float(draw(st.integers(1, 20)))
    return scores, capacity


def valid(pairs, scores, capacity):
    seekers = [s for s, _g in pairs]
    assert len(seekers) == len(set(seekers))
    for g, room in capacity.items():
        assert sum(1 for _s, guide in pairs if guide == g) <= room
    assert all(pair in scores for pair in pairs)


@settings(max_examples=150, deadline=None)
@given(instances())
def test_optimal_is_valid_and_never_worse_than_greedy(instance):
    scores, capacity = instance
    best, greedy = optimal_assignment(scores, capacity), greedy_assignment(scores, capacity)
    valid(best, scores, capacity)
    valid(greedy, scores, capacity)
    assert total(scores, best) >= total(scores, greedy) - 1e-9


@settings(max_examples=100, deadline=None)
@given(instances(max_seekers=6, max_guides=3))
def test_optimal_equals_an_independent_solver(instance):
    scores, capacity = instance
    graph = nx.Graph()
    for (s, g), value in scores.items():
        for slot in range(capacity[g]):
            graph.add_edge(("s", s), ("g", g, slot), weight=value)
    matching = nx.max_weight_matching(graph)
    independent = sum(graph.edges[u, v]["weight"] for u, v in matching)
    assert abs(total(scores, optimal_assignment(scores, capacity)) - independent) < 1e-9


def test_a_known_case_where_greedy_loses():
    scores = {(1, 100): 10.0, (1, 101): 9.0, (2, 100): 9.0}
    capacity = {100: 1, 101: 1}
    assert total(scores, greedy_assignment(scores, capacity)) == 10.0
    assert total(scores, optimal_assignment(scores, capacity)) == 18.0
