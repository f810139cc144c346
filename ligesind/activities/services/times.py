"""Dates that repeat at the same local time in Copenhagen, across daylight-saving changes."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings


def local_zone() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


def repeat_times(
    starts_at: datetime, ends_at: datetime, *, count: int, days: int
) -> list[tuple[datetime, datetime]]:
    """``count`` occurrences ``days`` apart that keep the first one's wall-clock time and length
    in Europe/Copenhagen: a 19:00 meeting stays at 19:00 after the clocks change."""
    zone = local_zone()
    first_start = starts_at.astimezone(zone)
    first_end = ends_at.astimezone(zone)
    length = first_end.replace(tzinfo=None) - first_start.replace(tzinfo=None)
    wall_start = first_start.replace(tzinfo=None)
    times = []
    for n in range(count):
        start = (wall_start + timedelta(days=days * n)).replace(tzinfo=zone)
        end = (wall_start + timedelta(days=days * n) + length).replace(tzinfo=zone)
        times.append((start, end))
    return times
