"""Joining and leaving an organisation: one account, several organisations; leaving keeps
the account and everything in it."""

import pytest

from ligesind.accounts import services as accounts
from ligesind.core.errors import DomainError, NotAllowed
from ligesind.core.privacy import collect_export
from ligesind.organisations import services
from ligesind.organisations.models import Organisation, OrganisationMembership
from ligesind.organisations.permissions import has_joined
from tests.factories import UserFactory


def test_a_member_joins_several_organisations_and_leaves_one(member, odense_project):
    network = Organisation.objects.create(
        name="Peer-Netværket", slug="peer-netvaerket", kind="network", summary="For peers."
    )
    services.join_organisation(actor=member, organisation=odense_project)
    services.join_organisation(actor=member, organisation=network)
    assert {o.slug for o in services.organisations_of(member)} == {
        "peer-to-peer-odense",
        "peer-netvaerket",
    }
    with pytest.raises(DomainError, match="allerede medlem"):
        services.join_organisation(actor=member, organisation=network)
    services.leave_organisation(actor=member, organisation=network)
    assert not has_joined(member, network) and has_joined(member, odense_project)
    member.refresh_from_db()
    assert member.is_active and member.profile.alias == "Solhjerte"  # the account stays
    with pytest.raises(DomainError, match="ikke medlem"):
        services.leave_organisation(actor=member, organisation=network)


def test_only_members_join(odense_project):
    no_consent = UserFactory.create(member=False)
    with pytest.raises(NotAllowed):
        services.join_organisation(actor=no_consent, organisation=odense_project)


def test_the_export_holds_the_organisations_joined_and_erasure_removes_them(member, odense_project):
    services.join_organisation(actor=member, organisation=odense_project)
    exported = collect_export(member)
    assert exported["organisations"]["organisations_joined"][0]["organisation"] == (
        "Peer to Peer Odense"
    )
    accounts.delete_account(actor=member)
    assert not OrganisationMembership.objects.exists()
