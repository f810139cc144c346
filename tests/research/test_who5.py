"""WHO-5 scored as published: raw 0–25 (the sum of five items 0–5), percentage 0–100 (× 4)."""

import pytest

from ligesind.research.who5 import ITEMS, score

KEYS = [key for key, _label in ITEMS]


@pytest.mark.parametrize(
    ("values", "raw", "percentage"),
    [
        ([5, 5, 5, 5, 5], 25, 100),
        ([0, 0, 0, 0, 0], 0, 0),
        ([3, 2, 4, 1, 3], 13, 52),  # below 13 (52 %) suggests poor well-being
        ([2, 2, 2, 1, 0], 7, 28),  # 28 % or less: screen for depression
        ([4, 3, 3, 4, 3], 17, 68),
    ],
)
def test_worked_examples(values, raw, percentage):
    result = score(dict(zip(KEYS, values, strict=True)))
    assert (result.raw, result.percentage) == (raw, percentage)


@pytest.mark.parametrize(
    "answers",
    [
        {"cheerful": 3, "calm": 3, "active": 3, "rested": 3},  # one missing
        {"cheerful": 6, "calm": 3, "active": 3, "rested": 3, "interest": 3},
        {"cheerful": -1, "calm": 3, "active": 3, "rested": 3, "interest": 3},
    ],
)
def test_an_incomplete_or_out_of_range_answer_is_refused(answers):
    with pytest.raises(ValueError):
        score(answers)
