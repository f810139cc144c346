"""Opening hours of the help lines shown on "Need help now?"."""

import re
from datetime import datetime, time
from zoneinfo import ZoneInfo

COPENHAGEN = ZoneInfo("Europe/Copenhagen")


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
