"""The treasurer's figures (members per level and standing, income per month, the year's
income per level) counted at most every ten minutes per organisation, and again at once
after a payment or a change of levels: at national size they read every subscription and a
year of payments."""

import datetime
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.cache import cache
from django.db.models import Count, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone

from ligesind.core.charts import last_months, per_month

from .lifecycle import standing_sql
from .models import Payment, Subscription

SECONDS = 600


@dataclass(frozen=True)
class Figures:
    counts: dict[int, dict[str, int]]  # level id → standing → members
    months: list[datetime.date]
    income: list[Decimal]
    years: list[dict[str, Any]]  # last year, this year
    made_at: datetime.datetime


def _key(organisation_id: int) -> str:
    return f"fees:figures:{organisation_id}"


def forget_figures(organisation_id: int) -> None:
    cache.delete(_key(organisation_id))


def _year(organisation_id: int, year: int) -> dict[str, Any]:
    rows = list(
        Payment.objects.filter(organisation_id=organisation_id, paid_on__year=year)
        .values("level_name")
        .annotate(payments=Count("pk"), total=Sum("amount"))
        .order_by("level_name")
    )
    return {
        "year": year,
        "rows": rows,
        "total": sum((row["total"] for row in rows), Decimal(0)),
        "payments": sum(row["payments"] for row in rows),
    }


def _count(organisation_id: int, today: datetime.date, grace_days: int) -> Figures:
    counts: dict[int, dict[str, int]] = {}
    rows = (
        Subscription.objects.filter(organisation_id=organisation_id)
        .annotate(standing=standing_sql(today, grace_days))
        .values_list("level_id", "standing")
        .annotate(number=Count("pk"))
    )
    for level_id, state, number in rows:
        counts.setdefault(level_id, {})[state] = number
    months = last_months(today)
    income = dict(
        Payment.objects.filter(organisation_id=organisation_id, paid_on__gte=months[0])
        .annotate(month=TruncMonth("paid_on"))
        .values_list("month")
        .annotate(total=Sum("amount"))
    )
    return Figures(
        counts=counts,
        months=months,
        income=[Decimal(value) for value in per_month(income, months)],
        years=[_year(organisation_id, today.year - 1), _year(organisation_id, today.year)],
        made_at=timezone.now(),
    )


def figures_for(organisation_id: int, today: datetime.date, grace_days: int) -> Figures:
    found: Figures | None = cache.get(_key(organisation_id))
    if found is None or timezone.localdate(found.made_at) != today:
        found = _count(organisation_id, today, grace_days)
        cache.set(_key(organisation_id), found, SECONDS)
    return found
