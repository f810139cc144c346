"""Where a subscription stands on a given day: pure date arithmetic, so that renewal, grace,
lapse and return are tested with a fake clock (any ``today``)."""

import calendar
import datetime
from dataclasses import dataclass
from enum import StrEnum

from django.db.models import Case, CharField, Q, Value, When
from django.utils.translation import gettext_lazy as _

from .models import Period, Subscription

DEFAULT_GRACE_DAYS = 14


class Standing(StrEnum):
    FREE = "free"  # a free level, or a waiver that has not run out
    PAID = "paid"  # paid up to and including paid_until
    GRACE = "grace"  # past paid_until, within the grace days: features stay on
    AWAITING = "awaiting"  # joined a paid level, nothing paid yet
    LAPSED = "lapsed"  # past the grace days: features off until paid
    ENDED = "ended"  # cancelled and past what was paid


LIVE = frozenset({Standing.FREE, Standing.PAID, Standing.GRACE})
LABELS = {
    Standing.FREE: _("Free"),
    Standing.PAID: _("Paid"),
    Standing.GRACE: _("Due: open while you pay"),
    Standing.AWAITING: _("Waiting for your payment"),
    Standing.LAPSED: _("Not paid: closed until it is paid"),
    Standing.ENDED: _("Left"),
}


def add_periods(start: datetime.date, period: str, count: int = 1) -> datetime.date:
    """The day ``count`` periods after ``start`` (31 January + a month = 28/29 February)."""
    months = 12 * count if period == Period.YEAR else count
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    return datetime.date(year, month, day)


@dataclass(frozen=True)
class Status:
    standing: Standing
    until: datetime.date | None = None  # paid, free or grace until this day (inclusive)

    @property
    def live(self) -> bool:
        return self.standing in LIVE

    @property
    def label(self) -> str:
        return str(LABELS[self.standing])


def status_of(
    subscription: Subscription, today: datetime.date, grace_days: int = DEFAULT_GRACE_DAYS
) -> Status:
    waived = subscription.waived_until
    if waived is not None and waived >= today:
        return Status(Standing.FREE, waived)
    paid = subscription.paid_until
    if subscription.cancelled_on is not None:
        if paid is not None and paid >= today:
            return Status(Standing.PAID, paid)
        if subscription.level.is_free and subscription.cancelled_on > today:
            return Status(Standing.FREE)
        return Status(Standing.ENDED, paid)
    if subscription.level.is_free:
        return Status(Standing.FREE)
    if paid is None:
        return Status(Standing.AWAITING)
    if paid >= today:
        return Status(Standing.PAID, paid)
    grace = paid + datetime.timedelta(days=grace_days)
    if grace >= today:
        return Status(Standing.GRACE, grace)
    return Status(Standing.LAPSED, paid)


def next_period_start(
    subscription: Subscription, paid_on: datetime.date, grace_days: int = DEFAULT_GRACE_DAYS
) -> datetime.date:
    """A payment made before the grace days are over continues the paid period (no gap, and
    the grace days are not given twice); after a lapse it starts on the day it is paid."""
    paid = subscription.paid_until
    if paid is None or paid + datetime.timedelta(days=grace_days) < paid_on:
        return paid_on
    return paid + datetime.timedelta(days=1)


def standing_sql(today: datetime.date, grace_days: int) -> Case:
    """``status_of(...).standing`` as a database expression on subscriptions (the same rules
    in the same order; a test compares the two), so that lists of thousands are counted and
    filtered in the database."""
    grace_from = today - datetime.timedelta(days=grace_days)
    free_level = Q(level__period=Period.FREE)
    cancelled = Q(cancelled_on__isnull=False)
    return Case(
        When(waived_until__gte=today, then=Value(Standing.FREE.value)),
        When(cancelled & Q(paid_until__gte=today), then=Value(Standing.PAID.value)),
        When(cancelled & free_level & Q(cancelled_on__gt=today), then=Value(Standing.FREE.value)),
        When(cancelled, then=Value(Standing.ENDED.value)),
        When(free_level, then=Value(Standing.FREE.value)),
        When(paid_until__isnull=True, then=Value(Standing.AWAITING.value)),
        When(paid_until__gte=today, then=Value(Standing.PAID.value)),
        When(paid_until__gte=grace_from, then=Value(Standing.GRACE.value)),
        default=Value(Standing.LAPSED.value),
        output_field=CharField(),
    )
