"""`make bench`: crisis detection on the labelled sentences (recall and false alarms per risk
family, on the held-out test part and on the whole set) and its speed per message.
Writes bench/results/crisis.json."""

import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.run import machine  # noqa: E402

# Ordinary chat messages of everyday length (about 12 and 60 words), none of them crisis
# language: what nearly every check meets.
MESSAGES = [
    "Tak for i går, det var rart at snakke med dig. Ses vi til gåturen på lørdag?",
    "Jeg har haft en hård uge med min mor på hospitalet og en masse møder med kommunen, men i"
    " dag har jeg været ude at gå i skoven med hunden, og det hjalp. Jeg tænker meget på det,"
    " du skrev om at tage én dag ad gangen. Har du lyst til at tage med til peer-caféen på"
    " torsdag? Jeg kan hente dig ved stationen, hvis du vil.",
]


def figures(tally) -> dict:
    return {
        "crisis": tally.crisis,
        "found": tally.found,
        "recall": round(tally.recall, 4),
        "near_misses": tally.near_misses,
        "false_alarms": tally.false_alarms,
        "false_alarm_rate": round(tally.false_alarm_rate, 4),
    }


def speed(lexicon, texts: list[str], rounds: int) -> float:
    """Median microseconds per text over ``rounds`` passes."""
    for text in texts:
        lexicon.find(text)  # warm the word cache, as a running process has it
    times = []
    for _ in range(rounds):
        begin = time.perf_counter()
        for text in texts:
            lexicon.find(text)
        times.append((time.perf_counter() - begin) / len(texts) * 1e6)
    return round(statistics.median(times), 1)


def main() -> None:
    from ligesind.safety.labelled import labelled, measure
    from ligesind.safety.lexicon import all_phrases, compile_lexicon

    lexicon = compile_lexicon(all_phrases())
    flags = lambda text: lexicon.find(text) is not None  # noqa: E731
    test, dev = labelled("test"), labelled("dev")
    on_test, on_all = measure(flags, test), measure(flags, test + dev)
    families = sorted(name for name in on_test if name not in ("all", "-"))
    texts = [sentence.text for sentence in test + dev]
    result = {
        "what": "crisis detection on the labelled Danish and English sentences, by risk family",
        "machine": machine(),
        "phrases": len(lexicon.patterns),
        "test_part": {"all": figures(on_test["all"])}
        | {family: figures(on_test[family]) for family in families},
        "whole_set": {"all": figures(on_all["all"])}
        | {family: figures(on_all[family]) for family in families},
        "missed_on_test": on_test["all"].missed,
        "false_alarms_on_test": on_test["all"].wrongly_flagged,
        "microseconds_per_labelled_sentence": speed(lexicon, texts, 20),
        "microseconds_per_ordinary_message": speed(lexicon, MESSAGES * 50, 20),
        "goal": "test part: recall >= 95 %, every family >= 90 %, near-miss false alarms <= 10 %;"
        " under 100 µs per average message",
    }
    result["goal_met"] = (
        on_test["all"].recall >= 0.95
        and all(on_test[family].recall >= 0.90 for family in families)
        and on_test["all"].false_alarm_rate <= 0.10
        and result["microseconds_per_ordinary_message"] < 100
        and result["microseconds_per_labelled_sentence"] < 100
    )
    (ROOT / "bench" / "results" / "crisis.json").write_text(
        json.dumps(result, indent=2, ensure_ascii=False) + "\n"
    )
    print(
        f"crisis detection, test part: recall {on_test['all'].recall:.1%}, false alarms "
        f"{on_test['all'].false_alarm_rate:.1%}; "
        f"{result['microseconds_per_ordinary_message']} µs per ordinary message "
        "-> bench/results/crisis.json"
    )


if __name__ == "__main__":
    main()
