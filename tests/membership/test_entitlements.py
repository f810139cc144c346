"""Which features a member has: levels gate them, staff and volunteers keep them, an
organisation without levels keeps today's behaviour, and nothing that keeps a member safe or
in charge of their data is ever gated."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from django.utils import timezone

from ligesind.membership import services
from ligesind.membership.entitlements import Feature, features_for, has_feature
from ligesind.membership.lifecycle import add_periods
from ligesind.membership.models import Provider
from ligesind.organisations import services as organisations
from tests.factories import UserFactory, make_organisation


def fresh(user):
    return type(user).objects.get(pk=user.pk)


def test_without_fee_levels_every_member_has_every_feature(member):
    assert features_for(member) == frozenset(Feature)
    assert has_feature(member, Feature.MESSAGING)


def test_visitors_and_unconsented_accounts_have_no_features():
    assert not has_feature(AnonymousUser(), Feature.COMMUNITY)
    assert not has_feature(UserFactory.create(member=False), Feature.COMMUNITY)


def test_once_levels_exist_a_member_has_what_their_live_levels_unlock(
    member, chat_level, full_level, treasurer
):
    assert features_for(fresh(member)) == frozenset()
    subscription = services.join_level(actor=member, level=chat_level)
    assert features_for(fresh(member)) == frozenset()  # waiting for the payment
    services.register_payment(
        actor=treasurer,
        subscription=subscription,
        amount=Decimal(120),
        paid_on=timezone.localdate(),
        provider=Provider.MANUAL,
    )
    assert features_for(fresh(member)) == {Feature.MESSAGING}


def test_a_lapsed_level_switches_off_and_payment_brings_it_back(member, chat_level, treasurer):
    subscription = services.join_level(actor=member, level=chat_level)
    long_ago = timezone.localdate() - datetime.timedelta(days=400)
    services.register_payment(
        actor=treasurer,
        subscription=subscription,
        amount=Decimal(120),
        paid_on=long_ago,
        provider=Provider.MANUAL,
    )
    assert not has_feature(fresh(member), Feature.MESSAGING)  # a year and 35 days ago
    services.register_payment(
        actor=treasurer,
        subscription=subscription,
        amount=Decimal(120),
        paid_on=timezone.localdate(),
        provider=Provider.MANUAL,
    )
    assert has_feature(fresh(member), Feature.MESSAGING)
    subscription.refresh_from_db()
    today = timezone.localdate()
    assert subscription.paid_until == add_periods(today, "year") - datetime.timedelta(days=1)


def test_staff_and_volunteers_keep_every_feature(coordinator, admin_user, chat_level):
    assert features_for(fresh(coordinator)) == frozenset(Feature)
    assert features_for(fresh(admin_user)) == frozenset(Feature)


def test_members_of_an_organisation_without_levels_keep_every_feature(member, chat_level):
    odense = make_organisation("Peer to Peer Odense", "odense", kind="volunteer_project")
    organisations.join_organisation(actor=member, organisation=odense)
    assert features_for(fresh(member)) == frozenset(Feature)


@pytest.mark.parametrize(
    "name",
    [
        "crisis",
        "accounts:blocks",
        "accounts:export",
        "accounts:export_json",
        "accounts:access_log",
        "accounts:profile_edit",
        "membership:mine",
    ],
)
def test_what_keeps_a_member_safe_and_in_charge_is_never_gated(client, member, chat_level, name):
    client.force_login(member)
    assert not has_feature(fresh(member), Feature.MESSAGING)
    response = client.get(reverse(name))
    assert response.status_code == 200


def test_a_gated_page_says_how_to_get_it_instead_of_an_error(client, member, chat_level):
    client.force_login(member)
    response = client.get(reverse("messaging:inbox"))
    assert response.status_code == 200
    assert [t.name for t in response.templates][0] == "membership/locked.html"
    page = response.content.decode()
    assert "Chat og post" in page
    assert reverse("membership:levels", args=["peer2peer"]) in page
    assert reverse("crisis") in page


def test_reporting_is_never_gated(client, member, other, chat_level):
    client.force_login(member)
    response = client.get(reverse("safety:report", args=["profile", other.profile.pk]))
    assert response.status_code == 200
