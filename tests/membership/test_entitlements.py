from django.contrib.auth.models import AnonymousUser

from ligesind.membership.entitlements import Feature, features_for, has_feature
from tests.factories import UserFactory


def test_without_fee_levels_every_member_has_every_feature(member):
    assert features_for(member) == frozenset(Feature)
    assert has_feature(member, Feature.MESSAGING)


def test_visitors_and_unconsented_accounts_have_no_features():
    assert not has_feature(AnonymousUser(), Feature.COMMUNITY)
    assert not has_feature(UserFactory.create(member=False), Feature.COMMUNITY)
