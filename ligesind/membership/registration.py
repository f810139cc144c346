"""What fees plug into: notifications, the member's data export, and erasure (payments stay
in the accounts without the person)."""

from typing import Any

from django.utils.translation import gettext_lazy as _

from ligesind.core.models import EmailMode
from ligesind.core.notifications import NotificationKind, register_kind
from ligesind.core.privacy import register_erasure, register_export, register_labels

from .models import Declaration, Payment, StatementLine, Subscription


def _day(value: Any) -> str | None:
    return value.isoformat() if value else None


def export_fees(user: Any) -> dict[str, Any]:
    return {
        "fee_subscriptions": [
            {
                "organisation": s.organisation.name,
                "level": s.level.name,
                "next_level": s.next_level.name if s.next_level else None,
                "payment_reference": s.reference,
                "started": _day(s.started_on),
                "paid_until": _day(s.paid_until),
                "left": _day(s.cancelled_on),
                "free_until": _day(s.waived_until),
            }
            for s in Subscription.objects.filter(user_id=user.pk).select_related(
                "organisation", "level", "next_level"
            )
        ],
        "fee_payments": [
            {
                "organisation": p.organisation.name,
                "receipt_number": p.number,
                "paid_on": _day(p.paid_on),
                "amount": str(p.amount),
                "level": p.level_name,
                "period": f"{_day(p.covers_from)} – {_day(p.covers_until)}",
                "paid_by": p.get_provider_display(),
            }
            for p in Payment.objects.filter(user_id=user.pk).select_related("organisation")
        ],
        "fee_declarations": [
            {
                "organisation": d.level.organisation.name,
                "level": d.level.name,
                "i_am": d.get_kind_display(),
                "text": d.text,
                "status": d.get_status_display(),
                "reason": d.reason,
                "sent": d.created_at.isoformat(),
            }
            for d in Declaration.objects.filter(user_id=user.pk).select_related(
                "level__organisation"
            )
        ],
    }


def erase_fees(user: Any) -> None:
    """Payments are kept for the accounts (``Payment.user`` empties with the account); the
    bank's text of their lines, which often holds the payer's name, becomes the reference."""
    for line in StatementLine.objects.filter(payment__user_id=user.pk).select_related("payment"):
        line.text = line.payment.reference if line.payment else ""
        line.save(update_fields=["text"])


def register() -> None:
    for key, label, message, mode in [
        (
            "fee_paid",
            _("A payment of my membership fee came in"),
            _("Your payment has come in. Thank you: your receipt is ready."),
            EmailMode.DIGEST,
        ),
        (
            "fee_renewal",
            _("My membership fee is due soon"),
            _("Your membership fee is due soon. See how to pay."),
            EmailMode.IMMEDIATE,
        ),
        (
            "fee_declaration",
            _("Someone asked for free membership (staff)"),
            _("A member has asked for free membership."),
            EmailMode.IMMEDIATE,
        ),
        (
            "fee_declaration_answer",
            _("An answer about free membership"),
            _("The organisation has answered your request for free membership."),
            EmailMode.IMMEDIATE,
        ),
    ]:
        register_kind(NotificationKind(key, label, message, mode))
    register_export(
        "membership",
        label=_("Membership fees"),
        models=[
            "membership.Subscription",
            "membership.Payment",
            "membership.Declaration",
        ],
        collect=export_fees,
    )
    register_labels(
        {
            "membership": _("Membership fees"),
            "fee_subscriptions": _("My fee levels"),
            "fee_payments": _("My payments"),
            "fee_declarations": _("My requests for free membership"),
            "level": _("Level"),
            "next_level": _("Next level"),
            "payment_reference": _("Payment reference"),
            "paid_until": _("Paid until"),
            "left": _("Left"),
            "free_until": _("Free until"),
            "receipt_number": _("Receipt no."),
            "paid_on": _("Paid on"),
            "amount": _("Amount"),
            "period": _("Period"),
            "paid_by": _("Paid by"),
            "i_am": _("I am"),
        }
    )
    register_erasure(erase_fees)
