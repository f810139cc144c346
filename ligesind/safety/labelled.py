"""The labelled sentences crisis detection is measured on (data/crisis_dev.tsv, the part the
lexicon is tuned on, and data/crisis_test.tsv, the held-out part), and the measuring."""

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).with_name("data")
PARTS = ("dev", "test")


@dataclass(frozen=True)
class Sentence:
    crisis: bool
    family: str  # for a near-miss: the family it resembles ("-" for none)
    language: str
    text: str


@lru_cache(maxsize=2)
def labelled(part: str) -> tuple[Sentence, ...]:
    rows = []
    for line in (DATA / f"crisis_{part}.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            label, family, language, text = line.split("\t")
            rows.append(Sentence(label == "1", family, language, text))
    return tuple(rows)


@dataclass
class Tally:
    crisis: int = 0
    found: int = 0
    near_misses: int = 0
    false_alarms: int = 0
    missed: list[str] = field(default_factory=list)
    wrongly_flagged: list[str] = field(default_factory=list)

    def add(self, sentence: Sentence, flagged: bool) -> None:
        if sentence.crisis:
            self.crisis += 1
            self.found += flagged
            if not flagged:
                self.missed.append(sentence.text)
        else:
            self.near_misses += 1
            self.false_alarms += flagged
            if flagged:
                self.wrongly_flagged.append(sentence.text)

    @property
    def recall(self) -> float:
        return self.found / self.crisis if self.crisis else 1.0

    @property
    def false_alarm_rate(self) -> float:
        return self.false_alarms / self.near_misses if self.near_misses else 0.0


def measure(flags: Callable[[str], bool], sentences: tuple[Sentence, ...]) -> dict[str, Tally]:
    """Per family and "all": how many crisis sentences were found, near-misses flagged."""
    tallies: dict[str, Tally] = {"all": Tally()}
    for sentence in sentences:
        flagged = flags(sentence.text)
        tallies["all"].add(sentence, flagged)
        tallies.setdefault(sentence.family, Tally()).add(sentence, flagged)
    return tallies
