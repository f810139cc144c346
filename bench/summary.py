"""`make bench`, last step: bench/results/summary.md, one table of every figure.

Reads every bench/results/*.json and writes a row per figure: the benchmark, the figure, its
value, the baseline or peer it is compared with (the bare relay for chat, Misago and the
bare-Django ceiling for the forum, an address with an account for sign-up), that value and the
ratio, the machine and the date it was measured (from the result, else the date the result
file was last committed).
"""

import json
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"

# Per result file: the part that is ours and the parts it is compared with (same sub-keys).
COMPARED = {
    "chat.json": ("ligesind", ["relay"]),
    "forum.json": ("pages", ["peer", "ceiling"]),
    "signup.json": ("new", ["existing"]),
}
# Compared with the ceiling: the bare page of the thread page's size, for every page.
CEILING_PAGE = "bare page"


def flatten(value: Any, prefix: str = "") -> dict[str, Any]:
    """Leaves of nested dicts and lists as "a.b.0.c" keys; texts and lists of texts kept whole."""
    if isinstance(value, dict):
        found: dict[str, Any] = {}
        for key, inner in value.items():
            found.update(flatten(inner, f"{prefix}.{key}" if prefix else str(key)))
        return found
    if isinstance(value, list) and value and all(isinstance(item, dict) for item in value):
        found = {}
        for n, inner in enumerate(value):
            label = inner.get("members") or inner.get("seekers") or n
            found.update(flatten(inner, f"{prefix}[{label}]"))
        return found
    if isinstance(value, list):
        return {prefix: f"{len(value)} items"}
    return {prefix: value}


def committed_date(path: Path) -> str:
    try:
        done = subprocess.run(  # noqa: S603
            ["git", "log", "-1", "--format=%cs", "--", str(path)],  # noqa: S607
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
    except (OSError, subprocess.CalledProcessError):
        return ""
    return done.stdout.strip()


def machine_of(result: dict[str, Any]) -> str:
    machine = result.get("machine") or {}
    return f"{machine.get('cpus', '?')} × {machine.get('cpu_model', '?')}"


def rows_of(path: Path) -> list[list[str]]:
    result = json.loads(path.read_text(encoding="utf-8"))
    figures = flatten({k: v for k, v in result.items() if k not in ("machine", "what")})
    date = str(result.get("measured_at", ""))[:10] or committed_date(path) or "not committed"
    ours, others = COMPARED.get(path.name, ("", []))
    rows = []
    for key, value in figures.items():
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            if key.startswith(("goal", "worker_rss_goal")):
                rows.append([path.stem, key, str(value), "", "", "", machine_of(result), date])
            continue
        theirs = any(key.startswith(f"{other}.") for other in others)
        if ours and theirs and not key.startswith(f"{ours}."):
            continue  # shown beside our figure
        compared = []
        if ours and key.startswith(f"{ours}."):
            rest = key[len(ours) + 1 :]
            for other in others:
                counterpart = figures.get(f"{other}.{rest}")
                if counterpart is None and other == "ceiling":
                    metric = rest.rsplit(".", 1)[-1]
                    counterpart = figures.get(f"ceiling.{CEILING_PAGE}.{metric}")
                if isinstance(counterpart, (int, float)) and not isinstance(counterpart, bool):
                    compared.append((other, counterpart))
        if not compared:
            rows.append([path.stem, key, _number(value), "", "", "", machine_of(result), date])
        for other, counterpart in compared:
            ratio = f"{value / counterpart:.2f}" if counterpart else ""
            rows.append(
                [path.stem, key, _number(value), other, _number(counterpart), ratio,
                 machine_of(result), date]
            )  # fmt: skip
    return rows


def _number(value: float) -> str:
    return f"{value:,}" if isinstance(value, int) else f"{value:,.4g}"


def main() -> None:
    header = ["benchmark", "figure", "value", "compared with", "its value", "ratio", "machine",
              "measured"]  # fmt: skip
    rows = [row for path in sorted(RESULTS.glob("*.json")) for row in rows_of(path)]
    lines = [
        "# Benchmark results",
        "",
        f"Written by `bench/summary.py` on {datetime.now(tz=UTC):%Y-%m-%d} from "
        "`bench/results/*.json` (each file says how its figures were measured). A ratio is the "
        "value divided by the compared value.",
        "",
        "| " + " | ".join(header) + " |",
        "|" + "---|" * len(header),
    ]
    lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows]
    (RESULTS / "summary.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"summary: {len(rows)} figures -> bench/results/summary.md")


if __name__ == "__main__":
    sys.exit(main())
