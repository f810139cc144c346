"""The demo's membership fees: Foreningen Peer to Peer asks a fee in two levels (seed 000);
Peer-Netværket is free for working peers on a short declaration (seed 003). The demo members
have paid at different times, a few wait or are overdue, so the treasurer's pages have
something to show; the demo member medlem1 has paid for everything today."""

from datetime import timedelta
from decimal import Decimal

from django.db.models import Q
from django.utils import timezone

from ligesind.accounts.models import User
from ligesind.demo.people import DOMAIN, MEMBER_LOGIN
from ligesind.membership import services
from ligesind.membership.features import Feature
from ligesind.membership.models import FeeLevel, FeeTerms, Provider, Subscription
from ligesind.organisations.models import Organisation

WHY = (
    "Det koster et mindre kontingent at bruge siden. Hvad du betaler, afhænger af, hvad du vil"
    " bruge: kun chat og post med andre ligestillede, eller også vores fora, netværksgrupper og"
    " fællesskaber.\n\n"
    "Kontingentet går til Foreningen Peer to Peer, som driver siden: server, licenser,"
    " telefon, internet, at flere hører om os, og at siden bliver bedre. Når medlemmerne selv"
    " betaler med, er det også lettere for os at søge puljer og fonde."
)


def _levels() -> tuple[FeeLevel, FeeLevel, FeeLevel]:
    association = Organisation.objects.get(slug="foreningen-peer-to-peer")
    network = Organisation.objects.get(slug="peer-netvaerket")
    FeeTerms.objects.update_or_create(
        organisation=association,
        defaults={"why": WHY, "bank_account": "5301 0001234567", "mobilepay": "98765"},
    )
    chat, _created = FeeLevel.objects.update_or_create(
        organisation=association,
        name="Chat og post",
        defaults={
            "description": "Chat og beskeder med andre ligestillede.",
            "price": Decimal(100),
            "period": "year",
            "features": [Feature.MESSAGING, Feature.ACTIVITIES],
            "position": 1,
        },
    )
    full, _created = FeeLevel.objects.update_or_create(
        organisation=association,
        name="Fuldt fællesskab",
        defaults={
            "description": "Også fora, netværksgrupper, fællesskaber, PeerMatch og forløb.",
            "price": Decimal(250),
            "period": "year",
            "features": list(Feature.values),
            "position": 2,
        },
    )
    free, _created = FeeLevel.objects.update_or_create(
        organisation=network,
        name="Peer-netværk (gratis)",
        defaults={
            "description": "For lønnede og frivillige peers, og for dig, der studerer eller"
            " søger job som peer.",
            "period": "free",
            "on_declaration": True,
            "features": list(Feature.values),
        },
    )
    return chat, full, free


def load_demo_fees() -> None:
    chat, full, free = _levels()
    if Subscription.objects.exists():
        return  # loaded before: safe to run again
    treasurer = User.objects.get(email=f"kasserer@{DOMAIN}")
    today = timezone.localdate()
    members = User.objects.filter(email__startswith="medlem", roles__isnull=True).order_by("pk")
    for n, member in enumerate(members):
        level = chat if n % 4 == 3 else full
        subscription = services.join_level(actor=member, level=level)
        if n % 10 == 9:
            continue  # chose a level, has not paid yet
        paid_on = today - timedelta(days=(n * 23) % 420)  # some are due, a few overdue
        services.register_payment(
            actor=treasurer,
            subscription=subscription,
            amount=level.price,
            paid_on=paid_on,
            provider=Provider.BANK if n % 3 else Provider.MANUAL,
        )
    working = User.objects.filter(Q(profile__works_as_peer=True), roles__isnull=True)
    for peer in working.exclude(email=MEMBER_LOGIN)[:3]:
        declaration = services.declare_for_free(
            actor=peer, level=free, kind="working_peer", text="Jeg arbejder som peer-medarbejder."
        )
        services.decide_declaration(actor=treasurer, declaration=declaration, confirm=True)
