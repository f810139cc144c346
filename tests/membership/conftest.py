from decimal import Decimal

import pytest

from ligesind.accounts.models import Role
from ligesind.membership.features import Feature
from ligesind.membership.models import FeeLevel, FeeTerms
from tests.factories import make_organisation, make_staff


@pytest.fixture
def association():
    organisation = make_organisation("Foreningen Peer to Peer", "peer2peer", kind="association")
    FeeTerms.objects.create(
        organisation=organisation, bank_account="1234 5678901234", mobilepay="12345"
    )
    return organisation


@pytest.fixture
def chat_level(association):
    return FeeLevel.objects.create(
        organisation=association,
        name="Chat og post",
        description="Chat og beskeder med andre peers.",
        price=Decimal(120),
        period="year",
        features=[Feature.MESSAGING],
        position=1,
    )


@pytest.fixture
def full_level(association):
    return FeeLevel.objects.create(
        organisation=association,
        name="Fuldt fællesskab",
        description="Også fora, netværksgrupper og fællesskaber.",
        price=Decimal(25),
        period="month",
        features=[Feature.MESSAGING, Feature.COMMUNITY, Feature.ACTIVITIES],
        position=2,
    )


@pytest.fixture
def free_level(association):
    return FeeLevel.objects.create(
        organisation=association,
        name="Peer-netværk (gratis)",
        description="For peers, studerende og jobsøgende.",
        period="free",
        on_declaration=True,
        features=[Feature.MESSAGING, Feature.COMMUNITY],
        position=3,
    )


@pytest.fixture
def treasurer(association, admin_user):
    return make_staff(
        Role.TREASURER, admin=admin_user, alias="Kasserer", organisations=[association]
    )
