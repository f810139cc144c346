"""Optimal assignment of waiting seekers to peer guides with capacities, and a greedy baseline.

Both take ``scores``: {(seeker, guide): score} for the allowed pairs only (a missing pair is not
allowed), and ``capacity``: {guide: free places}. The optimum expands every guide into one column
per free place and solves the rectangular assignment problem with scipy's
``linear_sum_assignment``; a pair that is not allowed costs 0, the same as leaving the seeker
unassigned, so the total score of allowed pairs is maximised."""

from collections.abc import Mapping

Pair = tuple[int, int]  # (seeker id, guide id)


def optimal_assignment(scores: Mapping[Pair, float], capacity: Mapping[int, int]) -> list[Pair]:
    # Imported here: numpy and scipy add about 40 MiB to every web worker that never assigns.
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    seekers = sorted(
        {s for s, _g in scores},
    )
    guides = sorted(
        {g for _s, g in scores if capacity.get(g, 0) > 0},
    )
    slots = [g for g in guides for _n in range(capacity[g])]
    if not seekers or not slots:
        return []
    row = {s: n for n, s in enumerate(seekers)}
    columns: dict[int, list[int]] = {}
    for n, g in enumerate(slots):
        columns.setdefault(g, []).append(n)
    cost = np.zeros((len(seekers), len(slots)))
    for (s, g), value in scores.items():
        if g in columns and value > 0:
            cost[row[s], columns[g]] = -value
    rows, cols = linear_sum_assignment(cost)
    return [(seekers[r], slots[c]) for r, c in zip(rows, cols, strict=True) if cost[r, c] < 0]


def greedy_assignment(scores: Mapping[Pair, float], capacity: Mapping[int, int]) -> list[Pair]:
    """Best pair first, while the seeker is free and the guide has room."""
    left = dict(capacity)
    taken: set[int] = set()
    chosen = []
    for (s, g), _value in sorted(scores.items(), key=lambda item: (-item[1], item[0])):
        if s not in taken and left.get(g, 0) > 0 and _value > 0:
            chosen.append((s, g))
            taken.add(s)
            left[g] -= 1
    return chosen


def total(scores: Mapping[Pair, float], pairs: list[Pair]) -> float:
    return float(sum(scores[pair] for pair in pairs))
