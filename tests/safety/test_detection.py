"""Crisis detection: the labelled set's figures, and each family with inflections, word order,
spellings and the near-misses that resemble it."""

import pytest

from ligesind.safety.detection import Pattern, PhraseError, basic_form, words
from ligesind.safety.labelled import labelled, measure
from ligesind.safety.lexicon import all_phrases, compile_lexicon
from ligesind.safety.models import RiskFamily

LEXICON = compile_lexicon(all_phrases())


def family_of(text: str) -> str | None:
    finding = LEXICON.find(text)
    return finding.family if finding else None


def test_the_labelled_set_is_large_and_every_family_has_thirty_positives():
    sentences = labelled("dev") + labelled("test")
    assert len(sentences) >= 600
    assert {s.language for s in sentences} == {"da", "en"}
    for family in RiskFamily.values:
        assert sum(s.crisis and s.family == family for s in sentences) >= 30, family
        assert sum(not s.crisis and s.family == family for s in sentences) >= 10, family
    assert not {s.text for s in labelled("dev")} & {s.text for s in labelled("test")}


@pytest.mark.parametrize("part", ["dev", "test"])
def test_recall_and_false_alarms_meet_the_goals(part):
    tallies = measure(lambda text: LEXICON.find(text) is not None, labelled(part))
    assert tallies["all"].recall >= 0.95
    assert tallies["all"].false_alarm_rate <= 0.10
    for family in RiskFamily.values:
        assert tallies[family].recall >= 0.90, (family, tallies[family].missed)


@pytest.mark.parametrize(
    ("text", "family"),
    [
        # killing oneself: every tense, reflexive with and without "selv", word order
        ("Jeg slår mig ihjel", RiskFamily.SUICIDE),
        ("jeg slog næsten mig selv ihjel i går", RiskFamily.SUICIDE),
        ("I aften slår jeg mig selv ihjel", RiskFamily.SUICIDE),
        ("Jeg har overvejet at slå mig ihjel", RiskFamily.SUICIDE),
        ("jeg vil slaa mig ihjel", RiskFamily.SUICIDE),  # no å
        ("Jeg tog næsten livet af mig", RiskFamily.SUICIDE),
        ("I've been thinking about killing myself", RiskFamily.SUICIDE),
        # wish to be dead
        ("Livet er ikke værd at leve", RiskFamily.WISH_DEAD),
        ("jeg vil hellere vaere doed", RiskFamily.WISH_DEAD),
        ("Jeg ser ikke nogen grund til at blive ved med at leve", RiskFamily.WISH_DEAD),
        ("i wanna die", RiskFamily.WISH_DEAD),
        # method and plan
        ("Jeg har samlet piller sammen", RiskFamily.METHOD),
        ("Jeg sprang næsten ud fra broen", RiskFamily.METHOD),
        ("I've been stockpiling my medication", RiskFamily.METHOD),
        # intent with a time
        ("Jeg gør noget ved mig selv i nat", RiskFamily.INTENT),
        ("I'm going to do something to myself tonight", RiskFamily.INTENT),
        # preparations
        ("Jeg har skrevet et afskedsbrev", RiskFamily.PREPARATION),
        ("Jeg har givet alle mine ting væk", RiskFamily.PREPARATION),
        ("I've put my affairs in order", RiskFamily.PREPARATION),
        # self-harm beyond cutting
        ("Jeg brændte mig selv med en lighter", RiskFamily.SELF_HARM),
        ("Jeg kradser mig selv til blods", RiskFamily.SELF_HARM),
        ("I've started hitting myself again", RiskFamily.SELF_HARM),
    ],
)
def test_each_family_in_its_forms(text, family):
    assert family_of(text) == family


@pytest.mark.parametrize(
    "text",
    [
        "Det slår mig ihjel at vente",  # idiom
        "Jeg slår tiden ihjel",
        "Jeg dør af grin",
        "Min søn har selvmordstanker",  # someone else
        "My friend is suicidal",
        "Jeg har ikke selvmordstanker",  # negated
        "Jeg vil ikke dø af sult",
        "For ti år siden forsøgte jeg selvmord, i dag har jeg det godt",  # long past
        "Selvmordsforebyggelse er vigtigt",  # prevention
        "Jeg brændte mig på komfuret",  # an accident
        "I burned myself on the oven",
        "Jeg tager mine piller hver morgen",
        "Naloxon kan redde liv ved en overdosis",  # harm reduction, not a plan
        "Når jeg er væk på ferie, passer min søster katten",
        "Jeg hænger mig altid i detaljer",
        "We can go on a trip",
    ],
)
def test_near_misses_are_not_flagged(text):
    assert LEXICON.find(text) is None


def test_long_past_with_again_is_flagged():
    assert family_of("For to år siden forsøgte jeg selvmord, og nu er tankerne her igen")
    assert family_of("Jeg havde selvmordstanker for et år siden og har dem stadig")


def test_basic_forms_and_spellings():
    assert basic_form("slog", "da") == basic_form("slå", "da") == basic_form("slået", "da")
    assert basic_form("skadede", "da") == basic_form("skader", "da")
    assert basic_form("dræbte", "da") == basic_form("dræber", "da")
    assert basic_form("gemt", "da") == basic_form("gemme", "da")
    assert basic_form("skaerer", "da") == basic_form("skærer", "da")
    assert basic_form("took", "en") == basic_form("taking", "en")
    assert words("Selv-mord, ik!") == ["selvmord", "ikke"]


def test_phrase_syntax():
    assert Pattern.of("pille|tablet ... skal til", "method").slots[1].gap_before == 6
    for bad in ("", "$", "$$ foo", "|", "!!!", "don't|x"):
        with pytest.raises(PhraseError):
            Pattern.of(bad)
