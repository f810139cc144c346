"""How members pay a fee: one interface, two providers.

- ``manual``: a bank transfer or MobilePay with the member's payment reference; the treasurer
  registers it by hand or imports the bank statement (``services``).
- ``stripe``: Stripe Checkout. Ligesind makes a checkout session and sends the member to
  Stripe's own page; no card data ever reaches Ligesind. Stripe's signed webhook says when it
  is paid (``services.handle_stripe_event``). Offered only when its keys are set.
"""

from decimal import Decimal
from typing import Protocol

import stripe
from django.conf import settings

from .models import Provider, Subscription


class PaymentProvider(Protocol):
    key: Provider

    def available(self) -> bool: ...

    def start(self, subscription: Subscription, *, success_url: str, cancel_url: str) -> str | None:
        """Where to send the member to pay, or None: the page shows how to pay."""
        ...


class ManualProvider:
    key = Provider.MANUAL

    def available(self) -> bool:
        return True

    def start(self, subscription: Subscription, *, success_url: str, cancel_url: str) -> str | None:
        return None


def stripe_client() -> stripe.StripeClient:
    return stripe.StripeClient(settings.LIGESIND_STRIPE_SECRET_KEY)


class StripeProvider:
    key = Provider.STRIPE

    def available(self) -> bool:
        return bool(settings.LIGESIND_STRIPE_SECRET_KEY and settings.LIGESIND_STRIPE_WEBHOOK_SECRET)

    def start(self, subscription: Subscription, *, success_url: str, cancel_url: str) -> str | None:
        level = subscription.next_level or subscription.level
        session = stripe_client().v1.checkout.sessions.create(
            params={
                "mode": "payment",
                "client_reference_id": subscription.reference,
                "metadata": {"subscription": str(subscription.pk), "level": str(level.pk)},
                "line_items": [
                    {
                        "quantity": 1,
                        "price_data": {
                            "currency": "dkk",
                            "unit_amount": int(level.price * Decimal(100)),
                            "product_data": {"name": f"{level.organisation.name}: {level.name}"},
                        },
                    }
                ],
                "success_url": success_url,
                "cancel_url": cancel_url,
            }
        )
        return session.url


PROVIDERS: dict[str, PaymentProvider] = {
    Provider.MANUAL: ManualProvider(),
    Provider.STRIPE: StripeProvider(),
}


def card_payments() -> bool:
    return PROVIDERS[Provider.STRIPE].available()
