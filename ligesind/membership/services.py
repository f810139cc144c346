"""Every change to fees: levels and terms, joining, changing and leaving a level, payments
(by hand, from a bank statement, by card), free membership on a declaration, waivers and the
renewal reminders. Views, the API and tasks call these; nothing else saves these models."""

import datetime
import logging
import secrets
from decimal import Decimal

import stripe
from django.apps import apps
from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Max, Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ligesind.accounts.models import Role, RoleAssignment, User
from ligesind.accounts.permissions import acting_for
from ligesind.core.errors import DomainError, NotAllowed
from ligesind.core.services import notify

from . import permissions
from .bank import REFERENCE_ALPHABET, find_reference, read_statement
from .entitlements import forget_features
from .features import Feature
from .figures import forget_figures
from .lifecycle import Standing, add_periods, next_period_start, status_of
from .models import (
    Declaration,
    DeclarationStatus,
    FeeLevel,
    FeeTerms,
    LineStatus,
    Payment,
    Period,
    Provider,
    ProviderEvent,
    StatementLine,
    Subscription,
)
from .providers import stripe_client

log = logging.getLogger(__name__)


def today() -> datetime.date:
    return timezone.localdate()


def terms_of(organisation_id: int) -> FeeTerms:
    """The organisation's terms (the defaults until the treasurer saves them)."""
    found = FeeTerms.objects.filter(organisation_id=organisation_id).first()
    return found or FeeTerms(organisation_id=organisation_id)


# Levels and terms


def save_level(*, actor: User, level: FeeLevel) -> FeeLevel:
    if not permissions.keeps_accounts(actor, level.organisation_id):
        raise NotAllowed(_("Only the treasurer can change the fee levels."))
    level.features = [value for value in Feature if value in level.features]
    if level.is_free:
        level.price = Decimal(0)
    elif level.price <= 0:
        raise DomainError(_("A level that is paid needs a price above 0 kr."))
    if level.on_declaration and not level.is_free:
        raise DomainError(_("A level given on a declaration must be free."))
    level.save()
    transaction.on_commit(lambda: forget_figures(level.organisation_id))
    return level


def save_terms(*, actor: User, terms: FeeTerms) -> FeeTerms:
    if not permissions.keeps_accounts(actor, terms.organisation_id):
        raise NotAllowed(_("Only the treasurer can change the fee terms."))
    terms.save()
    return terms


def overdue(organisation_id: int, today: datetime.date, grace_days: int) -> QuerySet[Subscription]:
    """Members past their paid period (in the grace days, then lapsed), the latest first: read
    from the index on the paid day, not by reckoning every subscription's standing."""
    waived = Q(waived_until__isnull=False, waived_until__gte=today)
    return (
        Subscription.objects.filter(
            organisation_id=organisation_id,
            paid_until__lt=today,
            cancelled_on__isnull=True,
        )
        .exclude(waived)
        .exclude(level__period=Period.FREE)
        .select_related("user__profile", "level")
        .order_by("-paid_until")
    )


# A member's subscription


def _new_reference() -> str:
    while True:
        reference = "K" + "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(7))
        if not Subscription.objects.filter(reference=reference).exists():
            return reference


def _join_organisation(user: User, organisation_id: int) -> None:
    """Paying a fee to an organisation makes you its member (``organisations`` owns joining
    and sits above this app, so it is reached by name)."""
    joined = apps.get_model("organisations", "OrganisationMembership")
    joined.objects.get_or_create(user_id=user.pk, organisation_id=organisation_id)


def subscription_of(user: User, organisation_id: int) -> Subscription | None:
    return (
        Subscription.objects.filter(user_id=user.pk, organisation_id=organisation_id)
        .select_related("level", "next_level")
        .first()
    )


@transaction.atomic
def _subscribe(user: User, level: FeeLevel, subscription: Subscription | None) -> Subscription:
    """Put ``user`` on ``level`` now, in their subscription to its organisation if they have
    one (``subscription``: their reference and what they paid stay)."""
    if subscription is None:
        subscription = Subscription(
            user_id=user.pk, organisation_id=level.organisation_id, reference=_new_reference()
        )
    subscription.level = level
    subscription.next_level = None
    subscription.cancelled_on = None
    subscription.started_on = today()
    subscription.save()
    _join_organisation(user, level.organisation_id)
    forget_features(user)
    return subscription


def join_level(*, actor: User, level: FeeLevel) -> Subscription:
    """Choose a level. A member who already has one in this organisation changes level
    (``change_level``); choosing the level you have again takes back a cancellation."""
    if not permissions.can_join_level(actor, level):
        raise NotAllowed(_("This level cannot be chosen here."))
    current = subscription_of(actor, level.organisation_id)
    if current is None:
        return _subscribe(actor, level, None)
    if current.level_id == level.pk:
        if current.cancelled_on is None and current.next_level_id is None:
            raise DomainError(_("You already have this level."))
        current.cancelled_on = None
        current.next_level = None
        current.save(update_fields=["cancelled_on", "next_level"])
        forget_features(actor)
        return current
    return change_level(actor=actor, subscription=current, level=level)


def change_level(*, actor: User, subscription: Subscription, level: FeeLevel) -> Subscription:
    """While a paid period runs, the new level starts with the next period (you keep what you
    paid for, and pay the new price from then); otherwise it starts at once."""
    if not permissions.owns(actor, subscription) or not permissions.can_join_level(actor, level):
        raise NotAllowed(_("This level cannot be chosen here."))
    if level.organisation_id != subscription.organisation_id:
        raise DomainError(_("This level belongs to another organisation."))
    paid = subscription.paid_until
    if paid is not None and paid >= today() and not subscription.level.is_free:
        subscription.next_level = level
        subscription.cancelled_on = None
        subscription.save(update_fields=["next_level", "cancelled_on"])
        return subscription
    return _subscribe(actor, level, subscription)


def cancel_subscription(*, actor: User, subscription: Subscription) -> Subscription:
    """No more renewals or reminders; what is paid lasts out. Nothing is deleted."""
    if not permissions.owns(actor, subscription):
        raise NotAllowed(_("This is not your subscription."))
    if subscription.cancelled_on is not None:
        raise DomainError(_("You have already left this level."))
    subscription.cancelled_on = today()
    subscription.next_level = None
    subscription.save(update_fields=["cancelled_on", "next_level"])
    forget_features(actor)
    return subscription


# Payments


def _next_number(organisation_id: int) -> int:
    highest = Payment.objects.filter(organisation_id=organisation_id).aggregate(Max("number"))
    return (highest["number__max"] or 0) + 1


def register_payment(
    *,
    actor: User | None,
    subscription: Subscription,
    amount: Decimal,
    paid_on: datetime.date,
    provider: Provider,
    external_id: str | None = None,
) -> Payment:
    """Money came in for ``subscription``: it pays as many whole periods of the level as it
    covers, from the end of the paid period (or from the day it was paid, after a lapse).
    ``actor`` is None for a card payment that the provider confirmed."""
    if actor is not None and not permissions.keeps_accounts(actor, subscription.organisation_id):
        raise NotAllowed(_("Only the treasurer can register payments."))
    if external_id and Payment.objects.filter(external_id=external_id).exists():
        raise DomainError(_("This payment is already registered."))
    with transaction.atomic():
        subscription = Subscription.objects.select_for_update().get(pk=subscription.pk)
        terms = terms_of(subscription.organisation_id)
        start = next_period_start(subscription, paid_on, terms.grace_days)
        if subscription.next_level_id is not None:
            subscription.level = subscription.next_level  # type: ignore[assignment]
            subscription.next_level = None
        level = subscription.level
        if level.is_free:
            raise DomainError(_("%(level)s is free: there is nothing to pay.") % {"level": level})
        periods = int(amount // level.price)
        if periods < 1:
            raise DomainError(
                _("%(amount)s kr. is less than the price of %(level)s (%(price)s kr.).")
                % {"amount": amount, "level": level.name, "price": level.price}
            )
        covers_until = add_periods(start, level.period, periods) - datetime.timedelta(days=1)
        subscription.paid_until = covers_until
        subscription.cancelled_on = None
        subscription.save()
        try:
            with transaction.atomic():
                payment = Payment.objects.create(
                    organisation_id=subscription.organisation_id,
                    subscription=subscription,
                    user_id=subscription.user_id,
                    level_name=level.name,
                    amount=amount,
                    paid_on=paid_on,
                    covers_from=start,
                    covers_until=covers_until,
                    provider=provider,
                    reference=subscription.reference,
                    external_id=external_id or None,
                    number=_next_number(subscription.organisation_id),
                    registered_by=actor,
                )
        except IntegrityError as error:
            raise DomainError(_("This payment is already registered.")) from error
    forget_features(subscription.user)
    transaction.on_commit(lambda: forget_figures(subscription.organisation_id))
    notify(
        subscription.user,
        "fee_paid",
        url=reverse("membership:receipt", args=[payment.pk]),
    )
    return payment


def _by_reference(organisation_id: int, reference: str) -> Subscription:
    found = Subscription.objects.filter(
        organisation_id=organisation_id, reference=reference.strip().upper()
    ).first()
    if found is None:
        raise DomainError(
            _("No member of this organisation has the reference %(ref)s.") % {"ref": reference}
        )
    return found


def _book_bank_line(
    actor: User, subscription: Subscription, amount: Decimal, booked_on: datetime.date, key: str
) -> Payment:
    """A bank statement's line as a payment, once (``key``: the line's fingerprint)."""
    return register_payment(
        actor=actor,
        subscription=subscription,
        amount=amount,
        paid_on=booked_on,
        provider=Provider.BANK,
        external_id=f"bank:{key}",
    )


def register_by_reference(
    *,
    actor: User,
    organisation_id: int,
    reference: str,
    amount: Decimal,
    paid_on: datetime.date,
) -> Payment:
    return register_payment(
        actor=actor,
        subscription=_by_reference(organisation_id, reference),
        amount=amount,
        paid_on=paid_on,
        provider=Provider.MANUAL,
    )


def import_statement(*, actor: User, organisation_id: int, data: bytes) -> dict[str, int]:
    """Read a bank statement: every line whose reference belongs to a member of this
    organisation and covers a period becomes a payment; the rest wait to be matched by hand.
    A statement imported twice adds nothing the second time."""
    if not permissions.keeps_accounts(actor, organisation_id):
        raise NotAllowed(_("Only the treasurer can import bank statements."))
    statement = read_statement(data, organisation_id)
    known = set(
        StatementLine.objects.filter(
            fingerprint__in=[line.fingerprint for line in statement.lines]
        ).values_list("fingerprint", flat=True)
    )
    counts = {
        "matched": 0,
        "open": 0,
        "known": 0,
        "outgoing": statement.outgoing,
        "unreadable": len(statement.unreadable),
    }
    seen_references: set[str] = set()
    for line in statement.lines:
        if line.fingerprint in known:
            counts["known"] += 1
            continue
        stored = StatementLine(
            organisation_id=organisation_id,
            booked_on=line.booked_on,
            amount=line.amount,
            text=line.text,
            fingerprint=line.fingerprint,
        )
        reference = find_reference(line.text)
        subscription = (
            Subscription.objects.filter(organisation_id=organisation_id, reference=reference)
            .select_related("level")
            .first()
            if reference
            else None
        )
        if reference is None:
            stored.why = _("No payment reference in the text.")
        elif subscription is None:
            stored.why = _("No member has the reference %(ref)s.") % {"ref": reference}
        elif reference in seen_references:
            stored.why = _("The same reference appears again in this statement.")
        else:
            try:
                stored.payment = _book_bank_line(
                    actor, subscription, line.amount, line.booked_on, line.fingerprint
                )
                stored.status = LineStatus.MATCHED
            except DomainError as error:
                stored.why = error.message
        if reference:
            seen_references.add(reference)
        stored.save()
        counts["matched" if stored.status == LineStatus.MATCHED else "open"] += 1
    return counts


def match_line(*, actor: User, line: StatementLine, reference: str) -> Payment:
    """The treasurer matched an open line to a member's reference by hand."""
    if not permissions.keeps_accounts(actor, line.organisation_id):
        raise NotAllowed(_("Only the treasurer can match bank lines."))
    if line.status != LineStatus.OPEN:
        raise DomainError(_("This line is already dealt with."))
    subscription = _by_reference(line.organisation_id, reference)
    with transaction.atomic():
        payment = _book_bank_line(
            actor, subscription, line.amount, line.booked_on, line.fingerprint
        )
        line.payment = payment
        line.status = LineStatus.MATCHED
        line.why = ""
        line.save(update_fields=["payment", "status", "why"])
    return payment


def set_line_aside(*, actor: User, line: StatementLine) -> None:
    """Not a fee (a gift, a refund): it stays in the list of what was imported."""
    if not permissions.keeps_accounts(actor, line.organisation_id):
        raise NotAllowed(_("Only the treasurer can match bank lines."))
    line.status = LineStatus.SET_ASIDE
    line.save(update_fields=["status"])


# Free membership on a declaration


def declare_for_free(*, actor: User, level: FeeLevel, kind: str, text: str) -> Declaration:
    if not permissions.can_declare_for(actor, level):
        raise NotAllowed(_("This level is not given on a declaration."))
    if Declaration.objects.filter(
        user_id=actor.pk, level=level, status=DeclarationStatus.WAITING
    ).exists():
        raise DomainError(_("You have already asked: the organisation will answer you."))
    declaration = Declaration.objects.create(user=actor, level=level, kind=kind, text=text)
    treasurers = RoleAssignment.objects.filter(
        acting_for(level.organisation_id), role=Role.TREASURER
    ).values_list("user_id", flat=True)
    admins = RoleAssignment.objects.filter(role=Role.ADMIN).values_list("user_id", flat=True)
    url = reverse("membership:declarations", args=[level.organisation.slug])
    for user_id in set(treasurers) or set(admins):
        notify(User(pk=user_id), "fee_declaration", url=url)
    return declaration


def decide_declaration(
    *, actor: User, declaration: Declaration, confirm: bool, reason: str = ""
) -> Declaration:
    if not permissions.can_decide_for(actor, declaration.level.organisation_id):
        raise NotAllowed(_("Only the organisation's staff can answer declarations."))
    if declaration.status != DeclarationStatus.WAITING:
        raise DomainError(_("This declaration is already answered."))
    if not confirm and not reason.strip():
        raise DomainError(_("Write a reason for the member when you decline."))
    with transaction.atomic():
        declaration.status = DeclarationStatus.CONFIRMED if confirm else DeclarationStatus.DECLINED
        declaration.reason = reason.strip()
        declaration.decided_by = actor
        declaration.decided_at = timezone.now()
        declaration.save()
        if confirm:
            level = declaration.level
            _subscribe(
                declaration.user, level, subscription_of(declaration.user, level.organisation_id)
            )
        notify(
            declaration.user,
            "fee_declaration_answer",
            url=reverse("membership:mine"),
        )
    return declaration


# Waivers


def grant_waiver(
    *,
    actor: User,
    user: User,
    level: FeeLevel,
    until: datetime.date,
    reason: str,
) -> Subscription:
    """Staff give a member a level for free until a date; the reason is for staff only."""
    if not permissions.can_decide_for(actor, level.organisation_id):
        raise NotAllowed(_("Only the organisation's staff can waive a fee."))
    if until < today():
        raise DomainError(_("The waiver must last until today or later."))
    if not reason.strip():
        raise DomainError(_("Write why the fee is waived (only staff see it)."))
    with transaction.atomic():
        subscription = subscription_of(user, level.organisation_id)
        if subscription is None or subscription.level_id != level.pk:
            subscription = _subscribe(user, level, subscription)
        subscription.waived_until = until
        subscription.waiver_reason = reason.strip()
        subscription.waived_by = actor
        subscription.cancelled_on = None
        subscription.save()
    forget_features(user)
    return subscription


# Reminders


def send_renewal_reminders(on: datetime.date | None = None) -> int:
    """Remind, once per period, every member whose paid period ends within their
    organisation's reminder days and who has not cancelled."""
    day = on or today()
    sent = 0
    terms = {t.organisation_id: t for t in FeeTerms.objects.all()}
    longest = max([t.reminder_days for t in terms.values()] + [FeeTerms().reminder_days])
    due = Subscription.objects.filter(
        cancelled_on__isnull=True,
        paid_until__gte=day,
        paid_until__lte=day + datetime.timedelta(days=longest),
    ).select_related("level", "user")
    for subscription in due:
        organisation_terms = terms.get(subscription.organisation_id) or FeeTerms()
        paid = subscription.paid_until
        assert paid is not None  # noqa: S101 (filtered above)
        if subscription.reminded_for == paid:
            continue
        if paid - datetime.timedelta(days=organisation_terms.reminder_days) > day:
            continue
        if status_of(subscription, day, organisation_terms.grace_days).standing != Standing.PAID:
            continue
        notify(
            subscription.user,
            "fee_renewal",
            url=reverse("membership:mine"),
        )
        subscription.reminded_for = paid
        subscription.save(update_fields=["reminded_for"])
        sent += 1
    return sent


# Card payments (Stripe Checkout)

PAID_EVENTS = frozenset({"checkout.session.completed", "checkout.session.async_payment_succeeded"})


def _local_day(timestamp: int) -> datetime.date:
    return timezone.localdate(datetime.datetime.fromtimestamp(timestamp, tz=datetime.UTC))


def handle_stripe_event(*, payload: bytes, signature: str) -> str:
    """One call of Stripe's webhook: the signature is checked, each event is handled once
    (a replay finds it recorded), and a checkout session counts once however many of its
    events arrive, in whatever order (its id is the payment's ``external_id``). Returns what
    happened, for the log. A paid session that cannot be booked (unknown reference, too
    little) waits with the bank lines to be matched by hand."""
    try:
        event = stripe_client().construct_event(
            payload, signature, settings.LIGESIND_STRIPE_WEBHOOK_SECRET
        )
    except (ValueError, stripe.SignatureVerificationError) as error:
        raise NotAllowed(_("The payment provider's signature does not match.")) from error
    with transaction.atomic():
        try:
            with transaction.atomic():
                ProviderEvent.objects.create(
                    provider=Provider.STRIPE, event_id=event.id, kind=event.type
                )
        except IntegrityError:
            return "replayed"
        if event.type not in PAID_EVENTS:
            return "ignored"
        session = event.data.object.to_dict()
        if session.get("payment_status") != "paid":
            return "not paid yet"
        external_id = f"stripe:{session['id']}"
        if Payment.objects.filter(external_id=external_id).exists():
            return "already booked"
        amount = Decimal(session.get("amount_total") or 0) / 100
        reference = str(session.get("client_reference_id") or "")
        subscription = Subscription.objects.filter(reference=reference).first()
        paid_on = _local_day(event.created)
        why = _("No member has the reference %(ref)s.") % {"ref": reference}
        if subscription is not None:
            try:
                register_payment(
                    actor=None,
                    subscription=subscription,
                    amount=amount,
                    paid_on=paid_on,
                    provider=Provider.STRIPE,
                    external_id=external_id,
                )
                return "paid"
            except DomainError as error:
                why = error.message
        organisation_id = subscription.organisation_id if subscription else None
        if organisation_id is None:
            log.warning("A Stripe payment %s has no subscription: %s", session["id"], reference)
            return "unknown reference"
        StatementLine.objects.get_or_create(
            fingerprint=external_id,
            defaults={
                "organisation_id": organisation_id,
                "booked_on": paid_on,
                "amount": amount,
                "text": f"Stripe {reference}",
                "why": why,
            },
        )
        return "to match by hand"
