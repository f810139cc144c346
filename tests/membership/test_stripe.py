"""Card payments through Stripe Checkout, with no network: the checkout session is made by a
stand-in for Stripe's client, and webhook events are signed here with a test secret. A signed
event counts once, replayed or out of order; an unsigned or stale one counts never."""

import hashlib
import hmac
import json
import time
from decimal import Decimal
from types import SimpleNamespace

import pytest
import stripe
from django.urls import reverse

from ligesind.membership import providers, services
from ligesind.membership.entitlements import Feature, has_feature
from ligesind.membership.models import LineStatus, Payment, StatementLine

SECRET = "whsec_test_ligesind"


@pytest.fixture(autouse=True)
def _stripe_keys(settings):
    settings.LIGESIND_STRIPE_SECRET_KEY = "sk_test_ligesind"
    settings.LIGESIND_STRIPE_WEBHOOK_SECRET = SECRET


def event(kind, session_id, reference, *, paid=True, amount=12000, event_id=None):
    return json.dumps(
        {
            "id": event_id or f"evt_{kind}_{session_id}",
            "object": "event",
            "type": kind,
            "created": int(time.time()),
            "livemode": False,
            "api_version": "2025-01-01",
            "data": {
                "object": {
                    "id": session_id,
                    "object": "checkout.session",
                    "payment_status": "paid" if paid else "unpaid",
                    "amount_total": amount,
                    "currency": "dkk",
                    "client_reference_id": reference,
                }
            },
        }
    )


def signed(payload, *, secret=SECRET, at=None):
    stamp = int(at or time.time())
    mac = hmac.new(secret.encode(), f"{stamp}.{payload}".encode(), hashlib.sha256).hexdigest()
    return f"t={stamp},v1={mac}"


def send(client, payload, signature):
    return client.post(
        reverse("membership:stripe_webhook"),
        data=payload,
        content_type="application/json",
        HTTP_STRIPE_SIGNATURE=signature,
    )


@pytest.fixture
def subscription(member, chat_level):
    return services.join_level(actor=member, level=chat_level)


def fresh(user):
    return type(user).objects.get(pk=user.pk)


def test_a_signed_paid_checkout_opens_the_level_once_however_often_it_is_sent(
    client, member, subscription
):
    payload = event("checkout.session.completed", "cs_1", subscription.reference)
    response = send(client, payload, signed(payload))
    assert response.status_code == 200 and response.content == b"paid"
    assert has_feature(fresh(member), Feature.MESSAGING)
    payment = Payment.objects.get()
    assert payment.provider == "stripe" and payment.amount == Decimal(120)
    assert payment.registered_by is None
    assert send(client, payload, signed(payload)).content == b"replayed"
    other = event("checkout.session.async_payment_succeeded", "cs_1", subscription.reference)
    assert send(client, other, signed(other)).content == b"already booked"
    assert Payment.objects.count() == 1


def test_out_of_order_the_paid_event_counts_and_the_unpaid_one_does_not(client, subscription):
    later = event("checkout.session.async_payment_succeeded", "cs_2", subscription.reference)
    assert send(client, later, signed(later)).content == b"paid"
    earlier = event("checkout.session.completed", "cs_2", subscription.reference, paid=False)
    assert send(client, earlier, signed(earlier)).content == b"not paid yet"
    assert Payment.objects.count() == 1


def test_an_unsigned_wrongly_signed_or_stale_event_counts_never(client, subscription):
    payload = event("checkout.session.completed", "cs_3", subscription.reference)
    assert send(client, payload, "").status_code == 403
    assert send(client, payload, signed(payload, secret="whsec_other")).status_code == 403
    stale = signed(payload, at=time.time() - 3600)
    assert send(client, payload, stale).status_code == 403
    tampered = payload.replace("12000", "1")
    assert send(client, tampered, signed(payload)).status_code == 403
    assert Payment.objects.count() == 0


def test_a_checkout_for_too_little_waits_to_be_matched_by_hand(client, subscription):
    payload = event("checkout.session.completed", "cs_4", subscription.reference, amount=100)
    assert send(client, payload, signed(payload)).content == b"to match by hand"
    line = StatementLine.objects.get()
    assert line.status == LineStatus.OPEN and "mindre end" in line.why
    assert Payment.objects.count() == 0


def test_events_other_than_a_paid_checkout_are_recorded_and_left(client, subscription):
    payload = event("checkout.session.expired", "cs_5", subscription.reference, paid=False)
    assert send(client, payload, signed(payload)).content == b"ignored"


class FakeSessions:
    def __init__(self, fail=False):
        self.params = None
        self.fail = fail

    def create(self, params):
        if self.fail:
            raise stripe.APIConnectionError("no network here")
        self.params = params
        return SimpleNamespace(url="https://checkout.stripe.com/c/pay/cs_test_x")


def fake_client(sessions):
    return SimpleNamespace(v1=SimpleNamespace(checkout=SimpleNamespace(sessions=sessions)))


def test_paying_by_card_sends_the_member_to_stripes_page(
    client, member, subscription, association, monkeypatch
):
    sessions = FakeSessions()
    monkeypatch.setattr(providers, "stripe_client", lambda: fake_client(sessions))
    client.force_login(member)
    page = client.get(reverse("membership:levels", args=[association.slug])).content.decode()
    assert "Betal med kort" in page
    response = client.post(reverse("membership:pay_by_card", args=[association.slug]))
    assert response.status_code == 302
    assert response["Location"] == "https://checkout.stripe.com/c/pay/cs_test_x"
    assert sessions.params is not None
    assert sessions.params["client_reference_id"] == subscription.reference
    assert sessions.params["line_items"][0]["price_data"]["unit_amount"] == 12000
    assert sessions.params["line_items"][0]["price_data"]["currency"] == "dkk"


def test_when_stripe_does_not_answer_the_member_is_told_and_can_pay_by_transfer(
    client, member, subscription, association, monkeypatch
):
    monkeypatch.setattr(providers, "stripe_client", lambda: fake_client(FakeSessions(fail=True)))
    client.force_login(member)
    response = client.post(reverse("membership:pay_by_card", args=[association.slug]), follow=True)
    page = response.content.decode()
    assert "Kortbetaling svarer ikke" in page and "Bankoverførsel" in page


def test_without_stripe_keys_there_is_no_card_payment(client, member, subscription, settings):
    settings.LIGESIND_STRIPE_SECRET_KEY = ""
    client.force_login(member)
    assert client.post(reverse("membership:pay_by_card", args=["peer2peer"])).status_code == 404
    assert client.post(reverse("membership:stripe_webhook")).status_code == 404
