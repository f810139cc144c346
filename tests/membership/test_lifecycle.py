"""Renewal, grace, lapse and return with a fake clock; the database's reckoning of where a
subscription stands is the same as Python's."""

import datetime
import itertools

import pytest

from ligesind.membership.lifecycle import (
    Standing,
    add_periods,
    next_period_start,
    standing_sql,
    status_of,
)
from ligesind.membership.models import FeeLevel, Subscription

D = datetime.date


def test_a_month_after_the_31st_is_the_last_day_of_a_short_month():
    assert add_periods(D(2027, 1, 31), "month") == D(2027, 2, 28)
    assert add_periods(D(2028, 1, 31), "month") == D(2028, 2, 29)
    assert add_periods(D(2026, 12, 5), "month", 2) == D(2027, 2, 5)
    assert add_periods(D(2028, 2, 29), "year") == D(2029, 2, 28)


def _subscription(level: FeeLevel, **fields) -> Subscription:
    return Subscription(level=level, **fields)


def test_a_paid_year_runs_then_grace_then_lapse_then_returns_when_paid(chat_level):
    paid = D(2027, 12, 4)
    sub = _subscription(chat_level, paid_until=paid)
    assert status_of(sub, D(2027, 6, 1)).standing == Standing.PAID
    assert status_of(sub, paid).standing == Standing.PAID
    grace = status_of(sub, paid + datetime.timedelta(days=1))
    assert grace.standing == Standing.GRACE and grace.live
    assert grace.until == D(2027, 12, 18)
    assert status_of(sub, D(2027, 12, 18)).live
    lapsed = status_of(sub, D(2027, 12, 19))
    assert lapsed.standing == Standing.LAPSED and not lapsed.live
    # Paid within the grace days: the new year follows on with no gap.
    assert next_period_start(sub, D(2027, 12, 10)) == D(2027, 12, 5)
    # Paid after the lapse: the new year starts on the day it was paid.
    assert next_period_start(sub, D(2028, 3, 1)) == D(2028, 3, 1)


def test_a_new_subscription_waits_for_its_first_payment(chat_level, free_level):
    assert status_of(_subscription(chat_level), D(2027, 1, 1)).standing == Standing.AWAITING
    assert status_of(_subscription(free_level), D(2027, 1, 1)).standing == Standing.FREE


def test_leaving_lasts_out_what_was_paid_and_a_waiver_is_free_until_its_day(chat_level):
    sub = _subscription(chat_level, paid_until=D(2027, 5, 1), cancelled_on=D(2027, 2, 1))
    assert status_of(sub, D(2027, 4, 30)).standing == Standing.PAID
    assert status_of(sub, D(2027, 5, 2)).standing == Standing.ENDED
    waived = _subscription(chat_level, waived_until=D(2027, 6, 30))
    assert status_of(waived, D(2027, 6, 30)).standing == Standing.FREE
    assert status_of(waived, D(2027, 7, 1)).standing == Standing.AWAITING


@pytest.mark.django_db
def test_the_database_reckons_every_case_as_python_does(member, chat_level, free_level):
    today = D(2027, 6, 15)
    days = [None, D(2027, 5, 1), D(2027, 6, 5), D(2027, 6, 14), today, D(2027, 7, 1)]
    cases = list(itertools.product([chat_level, free_level], days, days, days))
    made = []
    for number, (level, paid, cancelled, waived) in enumerate(cases):
        made.append(
            Subscription(
                user=member,
                organisation_id=level.organisation_id,
                level=level,
                reference=f"T{number:07d}",
                paid_until=paid,
                cancelled_on=cancelled,
                waived_until=waived,
            )
        )
    # One subscription per member and organisation: check them in turns.
    for sub in made:
        Subscription.objects.all().delete()
        sub.pk = None
        sub.save()
        row = Subscription.objects.annotate(standing=standing_sql(today, 14)).get()
        assert row.standing == status_of(sub, today, 14).standing, (
            sub.level.period,
            sub.paid_until,
            sub.cancelled_on,
            sub.waived_until,
        )
