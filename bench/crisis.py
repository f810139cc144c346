"""`make bench`: recall and precision of crisis detection on the labelled test set
(tests/safety/crisis_sentences.tsv), and its speed. Writes bench/results/crisis.json."""

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.run import machine  # noqa: E402
from ligesind.safety.detection import Pattern, find  # noqa: E402
from ligesind.safety.lexicon import DANISH, ENGLISH  # noqa: E402

SENTENCES = ROOT / "tests" / "safety" / "crisis_sentences.tsv"


def main() -> None:
    patterns = [Pattern.of(phrase) for phrase in DANISH + ENGLISH]
    rows = [
        line.split("\t")
        for line in SENTENCES.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    counts = {"tp": 0, "fp": 0, "fn": 0, "tn": 0}
    false_positives, missed = [], []
    begin = time.perf_counter()
    for label, _language, text in rows:
        hit = find(text, patterns) is not None
        positive = label == "1"
        key = ("t" if hit == positive else "f") + ("p" if hit else "n")
        counts[key] += 1
        if key == "fp":
            false_positives.append(text)
        if key == "fn":
            missed.append(text)
    per_text_us = (time.perf_counter() - begin) / len(rows) * 1e6
    recall = counts["tp"] / (counts["tp"] + counts["fn"])
    precision = counts["tp"] / (counts["tp"] + counts["fp"])
    result = {
        "what": "crisis detection on the labelled Danish and English test set",
        "machine": machine(),
        "sentences": len(rows),
        "phrases": len(patterns),
        **counts,
        "recall": round(recall, 4),
        "precision": round(precision, 4),
        "microseconds_per_text": round(per_text_us, 1),
        "missed": missed,
        "false_positives": false_positives,
        "goal": "recall 100 % on the positives",
        "goal_met": not missed,
    }
    (ROOT / "bench" / "results" / "crisis.json").write_text(
        json.dumps(result, indent=2, ensure_ascii=False) + "\n"
    )
    print(
        f"crisis detection: recall {recall:.1%}, precision {precision:.1%} "
        f"({len(rows)} sentences, {per_text_us:.0f} µs each) -> bench/results/crisis.json"
    )


if __name__ == "__main__":
    main()
