"""`make bench`: does sign-up's answer time tell whether an address already has an account?

Signs up new addresses and addresses that have an account, alternately, through the real view
with the production password hasher (Argon2) on a fresh SQLite database in a temporary folder.
Writes bench/results/signup.json: median and p90 per kind and the ratio of the medians.
"""

import json
import os
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
ROUNDS = int(os.environ.get("BENCH_SIGNUPS", "30"))


def main() -> None:
    os.environ["LIGESIND_VAR_DIR"] = tempfile.mkdtemp(prefix="ligesind-bench-signup-")
    os.environ["DJANGO_SETTINGS_MODULE"] = "ligesind.settings.dev"
    os.environ["DEBUG"] = "false"
    import django
    from django.conf import settings

    django.setup()
    settings.ACCOUNT_RATE_LIMITS = False  # many sign-ups from one address on purpose
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.ALLOWED_HOSTS = ["testserver"]
    from django.core.management import call_command
    from django.test import Client
    from django.urls import reverse

    from bench.run import machine
    from ligesind.accounts.consent import current_version

    call_command("migrate", verbosity=0)
    form = {
        "password1": "et-langt-kodeord-2026",
        "password2": "et-langt-kodeord-2026",
        "adult": "on",
        "health_data_consent": "on",
        "consent_version": current_version(),
    }
    url = reverse("account_signup")

    def sign_up(email: str) -> float:
        start = time.perf_counter()
        answer = Client().post(url, {**form, "email": email})
        elapsed = time.perf_counter() - start
        if answer.status_code != 302:
            raise RuntimeError(f"sign-up answered {answer.status_code}")
        return elapsed * 1000

    for n in range(ROUNDS):  # addresses that will exist, and a warm-up
        sign_up(f"findes{n}@example.org")
    times: dict[str, list[float]] = {"new": [], "existing": []}
    for n in range(ROUNDS):
        times["new"].append(sign_up(f"ny{n}@example.org"))
        times["existing"].append(sign_up(f"findes{n}@example.org"))

    def figures(values: list[float]) -> dict[str, float]:
        ordered = sorted(values)
        return {
            "median_ms": round(statistics.median(ordered), 1),
            "p90_ms": round(ordered[int(len(ordered) * 0.9) - 1], 1),
        }

    result = {
        "what": "sign-up answer time for new addresses and addresses with an account "
        "(Argon2, SQLite, in-process client)",
        "machine": machine(),
        "measured_at": datetime.now(tz=UTC).isoformat(timespec="seconds"),
        "rounds": ROUNDS,
        "new": figures(times["new"]),
        "existing": figures(times["existing"]),
    }
    ratio = result["new"]["median_ms"] / result["existing"]["median_ms"]  # type: ignore[index]
    result["ratio_of_medians"] = round(ratio, 2)
    result["goal"] = "the medians within 25 % of each other"
    result["goal_met"] = 0.8 <= ratio <= 1.25
    (ROOT / "bench" / "results" / "signup.json").write_text(json.dumps(result, indent=2) + "\n")
    print(
        f"sign-up: new {result['new']}, existing {result['existing']}, ratio {ratio:.2f} "
        "-> bench/results/signup.json"
    )


if __name__ == "__main__":
    main()
