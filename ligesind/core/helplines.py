"""Opening hours of the help lines shown on "Need help now?"."""

import re
from datetime import datetime, time
from zoneinfo import ZoneInfo

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

COPENHAGEN = ZoneInfo("Europe/Copenhagen")

# The help lines' numbers as the texts write them, and what a phone dials: shown as tap-to-call
# links wherever they appear (the crisis page, the crisis panel, error pages).
PHONE_NUMBERS = {"70 201 201": "+4570201201", "1813": "1813", "112": "112"}
_NUMBER = re.compile(
    r"(?<!\d)(" + "|".join(re.escape(number) for number in PHONE_NUMBERS) + r")(?![\d])"
)


def with_phone_links(text: str) -> SafeString:
    """``text`` escaped, with every help-line number in it a ``tel:`` link."""
    return mark_safe(  # noqa: S308 - the text is escaped first; the numbers are ours
        _NUMBER.sub(
            lambda found: f'<a href="tel:{PHONE_NUMBERS[found.group(1)]}">{found.group(1)}</a>',
            str(escape(text)),
        )
    )


def parse_hours(hours: str) -> tuple[time, time] | None:
    """``"11–05"`` or ``"11:00-05:00"`` → (opens, closes); ``None`` when it cannot be read."""
    match = re.fullmatch(r"\s*(\d{1,2})(?::(\d{2}))?\s*[-–]\s*(\d{1,2})(?::(\d{2}))?\s*", hours)
    if not match:
        return None
    start_h, start_m, end_h, end_m = match.groups()
    if int(start_h) > 24 or int(end_h) > 24:
        return None
    try:
        opens = time(int(start_h) % 24, int(start_m or 0))
        closes = time(int(end_h) % 24, int(end_m or 0))
    except ValueError:
        return None
    return opens, closes


def is_open(hours: str, now: datetime | None = None) -> bool | None:
    """Whether a line with these daily hours is open now (Copenhagen time); ``None`` if unknown.

    Hours that pass midnight ("11–05") are open from the first time until the second, next day.
    """
    parsed = parse_hours(hours)
    if parsed is None:
        return None
    opens, closes = parsed
    current = (now or datetime.now(tz=COPENHAGEN)).astimezone(COPENHAGEN).time()
    if opens == closes:
        return True
    if opens < closes:
        return opens <= current < closes
    return current >= opens or current < closes
