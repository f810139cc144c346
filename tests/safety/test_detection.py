"""The labelled test set: every positive is found (recall 100 %); precision is reported."""

from pathlib import Path

from ligesind.safety.detection import Pattern, find, words
from ligesind.safety.lexicon import DANISH, ENGLISH

SENTENCES = Path(__file__).with_name("crisis_sentences.tsv")


def labelled() -> list[tuple[bool, str, str]]:
    rows = []
    for line in SENTENCES.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            label, language, text = line.split("\t")
            rows.append((label == "1", language, text))
    return rows


def test_the_test_set_is_large_and_mixed():
    rows = labelled()
    assert len(rows) >= 150
    assert {language for _p, language, _t in rows} == {"da", "en"}
    assert sum(positive for positive, *_ in rows) >= 60
    assert sum(not positive for positive, *_ in rows) >= 60


def test_every_positive_is_found_and_precision_stays_high():
    patterns = [Pattern.of(phrase) for phrase in DANISH + ENGLISH]
    missed = [text for positive, _l, text in labelled() if positive and not find(text, patterns)]
    assert missed == []
    flagged = [(positive, text) for positive, _l, text in labelled() if find(text, patterns)]
    precision = sum(positive for positive, _t in flagged) / len(flagged)
    assert precision >= 0.9


def test_prevention_talk_and_near_misses():
    patterns = [Pattern.of(phrase) for phrase in DANISH + ENGLISH]
    assert find("Selvmordsforebyggelse er vigtigt", patterns) is None
    assert find("suicide prevention month", patterns) is None
    assert find("Jeg ville dø af grin", patterns) is None
    assert find("jeg har ik lyst til at leve", patterns) == "har ikke lyst til at leve"
    assert find("Jeg skader simpelthen mig selv", patterns) == "skade* mig selv"


def test_words_fold_spellings():
    assert words("Selv-mord, ik!") == ["selvmord", "ikke"]
    assert words("I dont") == ["i", "don't"]
