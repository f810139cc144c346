"""Fees at national size for the site benchmark: every generated member has a level with the
organisation the authorization matrix's world charges a fee (Peer-Partnerskabet), three years
of payments, bank lines waiting to be matched and declarations waiting to be answered."""

import random
from datetime import timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from ligesind.accounts.models import User
from ligesind.demo.bench_members import DOMAIN
from ligesind.membership.entitlements import forget_levied
from ligesind.membership.lifecycle import add_periods
from ligesind.membership.models import (
    Declaration,
    FeeLevel,
    Payment,
    StatementLine,
    Subscription,
)

BATCH = 2000


@transaction.atomic
def seed_fees(organisation_slug: str = "partnerskabet", seed: int = 23) -> dict[str, int]:
    rng = random.Random(seed)
    today = timezone.localdate()
    levels = list(FeeLevel.objects.filter(organisation__slug=organisation_slug, period="year"))
    free = FeeLevel.objects.filter(organisation__slug=organisation_slug, period="free").first()
    if not levels:
        return {}
    organisation_id = levels[0].organisation_id
    members = list(
        User.objects.filter(email__endswith=f"@{DOMAIN}", fee_subscriptions__isnull=True)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    subscriptions = []
    for n, pk in enumerate(members):
        level = levels[n % len(levels)]
        started = today - timedelta(days=rng.randint(0, 3 * 365))
        subscriptions.append(
            Subscription(
                user_id=pk,
                organisation_id=organisation_id,
                level=level,
                reference=f"KB{n:06d}",
                started_on=started,
            )
        )
    Subscription.objects.bulk_create(subscriptions, batch_size=BATCH)
    number = Payment.objects.filter(organisation_id=organisation_id).count()
    payments, updates = [], []
    for subscription in Subscription.objects.filter(reference__startswith="KB").select_related(
        "level"
    ):
        start, paid_until = subscription.started_on, None
        while start <= today and rng.random() < 0.93:  # most renew; some stop paying
            number += 1
            paid_until = add_periods(start, "year") - timedelta(days=1)
            payments.append(
                Payment(
                    organisation_id=organisation_id,
                    subscription=subscription,
                    user_id=subscription.user_id,
                    level_name=subscription.level.name,
                    amount=subscription.level.price,
                    paid_on=start,
                    covers_from=start,
                    covers_until=paid_until,
                    provider=rng.choice(["manual", "bank", "stripe"]),
                    reference=subscription.reference,
                    number=number,
                )
            )
            start = paid_until + timedelta(days=1)
        if paid_until is not None:
            subscription.paid_until = paid_until
            updates.append(subscription)
    Payment.objects.bulk_create(payments, batch_size=BATCH)
    Subscription.objects.bulk_update(updates, ["paid_until"], batch_size=BATCH)
    StatementLine.objects.bulk_create(
        [
            StatementLine(
                organisation_id=organisation_id,
                booked_on=today - timedelta(days=n % 60),
                amount=Decimal(rng.choice([50, 100, 150, 300])),
                text=f"Overførsel {n}",
                fingerprint=f"bench-{n}",
                why="Teksten har ingen betalingsreference.",
            )
            for n in range(2000)
        ],
        batch_size=BATCH,
    )
    if free is not None:
        Declaration.objects.bulk_create(
            [
                Declaration(user_id=pk, level=free, kind="student", text="Læser til peer")
                for pk in members[::100]
            ],
            batch_size=BATCH,
        )
    transaction.on_commit(forget_levied)
    return {"fee_subscriptions": len(subscriptions), "fee_payments": len(payments)}
