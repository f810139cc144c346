"""Volunteer hours: logged by the volunteer, or filled in from what they did on the platform
(training modules they attended here; activities they made, course sessions they led and
følgeskab through the sources the activities app registers)."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ligesind.accounts.models import RoleAssignment, User
from ligesind.core.errors import DomainError, NotAllowed
from ligesind.core.models import Municipality
from ligesind.organisations.models import Organisation

from .. import permissions
from ..models import VOLUNTEER_ROLES, HoursKind, ModuleAttendance, VolunteerHours

MOST_HOURS = Decimal("24")
FILL_IN_WINDOW = timedelta(days=60)


@dataclass(frozen=True)
class HoursData:
    kind: str
    on: date
    hours: Decimal
    organisation: Organisation | None = None
    municipality: Municipality | None = None
    note: str = ""


def check_hours_amount(hours: Decimal) -> None:
    """Half an hour to a day: any time a volunteer gives (also følgeskab's hours)."""
    if not Decimal("0.5") <= hours <= MOST_HOURS:
        raise DomainError(_("Hours must be between 0.5 and 24."))


def _check_hours(data: HoursData) -> None:
    check_hours_amount(data.hours)
    if data.on > timezone.localdate():
        raise DomainError(_("Log hours on the day they were given, not in the future."))
    if data.kind not in HoursKind.values:
        raise DomainError(_("Choose what the hours were for."))


@transaction.atomic
def log_hours(*, actor: User, data: HoursData) -> VolunteerHours:
    if not permissions.can_log_hours(actor):
        raise NotAllowed(_("Hours are logged by volunteers."))
    _check_hours(data)
    return VolunteerHours.objects.create(
        volunteer=actor,
        kind=data.kind,
        on=data.on,
        hours=data.hours,
        organisation=data.organisation,
        municipality=data.municipality,
        note=data.note.strip()[:1000],
    )


@transaction.atomic
def change_hours(*, actor: User, entry: VolunteerHours, hours: Decimal, note: str) -> None:
    """The volunteer corrects an entry, also one filled in for them."""
    if not permissions.owns_hours(actor, entry):
        raise NotAllowed(_("Only the volunteer changes their own hours."))
    check_hours_amount(hours)
    entry.hours, entry.note = hours, note.strip()[:1000]
    entry.save(update_fields=["hours", "note"])


@transaction.atomic
def delete_hours(*, actor: User, entry: VolunteerHours) -> None:
    """Hours they logged themselves; those filled in are corrected, not deleted (they would
    only be filled in again)."""
    if not permissions.owns_hours(actor, entry) or entry.is_filled_in:
        raise NotAllowed(_("Only hours you logged yourself can be deleted."))
    entry.delete()


def hours_between(starts: datetime, ends: datetime) -> Decimal:
    """Hours rounded to the nearest half hour, at least half an hour, at most 24."""
    halves = Decimal((ends - starts).total_seconds() / 1800).quantize(
        Decimal("1"), rounding=ROUND_HALF_UP
    )
    return min(max(halves / 2, Decimal("0.5")), MOST_HOURS)


def volunteer_ids() -> Any:
    """A subquery of everyone who is a volunteer (peer guide or coordinator) now."""
    return RoleAssignment.objects.filter(role__in=VOLUNTEER_ROLES).values("user_id")


# What other apps did with volunteers: each source gives the entries of what took place
# between two moments (``since``, ``now``), with ``source`` set. Activities register theirs.
HoursSource = Callable[[datetime, datetime], Iterable[VolunteerHours]]
SOURCES: list[HoursSource] = []


def register_hours_source(source: HoursSource) -> None:
    if source not in SOURCES:
        SOURCES.append(source)


def training_hours(since: datetime, now: datetime) -> list[VolunteerHours]:
    return [
        VolunteerHours(
            volunteer_id=row.volunteer_id,
            organisation_id=row.module.programme.organisation_id,
            kind=HoursKind.TRAINING,
            on=timezone.localdate(row.module.starts_at),
            hours=row.module.hours,
            source=f"training:{row.module_id}",
        )
        for row in ModuleAttendance.objects.filter(
            present=True, module__starts_at__gte=since, module__starts_at__lte=now
        ).select_related("module__programme")
    ]


register_hours_source(training_hours)


def fill_in_hours(*, since: datetime | None = None, now: datetime | None = None) -> int:
    """Add the hours of what volunteers did on the platform that are not in their record yet
    (each once: an entry the volunteer corrected stays as they left it). Run every hour; by
    default it looks back 60 days. Returns how many entries were added."""
    now = now or timezone.now()
    since = since or now - FILL_IN_WINDOW
    stamp = timezone.now()
    entries = [entry for source in SOURCES for entry in source(since, now)]
    for entry in entries:
        entry.created_at = stamp
    VolunteerHours.objects.bulk_create(entries, ignore_conflicts=True, batch_size=500)
    return VolunteerHours.objects.filter(created_at=stamp).exclude(source="").count()
