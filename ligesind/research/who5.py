"""The WHO-5 Well-Being Index, built in with its Danish wording (Psykiatrisk Center
Nordsjælland's translation) and its published scoring: five items answered 0–5 for the last
two weeks; the raw score is their sum (0–25) and the percentage score is the raw score times 4
(0–100). A higher score is better well-being."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

KEY = "who5"
TITLE = _("WHO-5 Well-Being Index")
ITEMS = (
    ("cheerful", _("I have felt cheerful and in good spirits")),
    ("calm", _("I have felt calm and relaxed")),
    ("active", _("I have felt active and vigorous")),
    ("rested", _("I woke up feeling fresh and rested")),
    ("interest", _("My daily life has been filled with things that interest me")),
)
CHOICES = (
    (5, _("All of the time")),
    (4, _("Most of the time")),
    (3, _("More than half of the time")),
    (2, _("Less than half of the time")),
    (1, _("Some of the time")),
    (0, _("At no time")),
)
INSTRUCTION = _(
    "Please choose, for each of the five statements, the answer that is closest to how you "
    "have been feeling over the last two weeks."
)


@dataclass(frozen=True)
class Score:
    raw: int  # 0–25
    percentage: int  # 0–100


def score(answers: dict[str, int]) -> Score:
    """Every item must be answered 0–5 (the published scoring has no rule for a missing one)."""
    values = []
    for key, _label in ITEMS:
        value = answers.get(key)
        if not isinstance(value, int) or not 0 <= value <= 5:
            raise ValueError(f"WHO-5 item {key!r} needs an answer from 0 to 5")
        values.append(value)
    raw = sum(values)
    return Score(raw=raw, percentage=raw * 4)
