"""Joining and leaving an organisation: one account, several organisations; leaving keeps
the account and everything in it."""

import pytest
from django.urls import reverse

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


def test_an_admin_switches_the_site_notice_on_and_off(
    client, member, admin_user, django_capture_on_commit_callbacks
):
    url = reverse("organisations:notice")
    client.force_login(member)
    assert client.get(url).status_code == 404
    with pytest.raises(NotAllowed):
        services.set_site_notice(actor=member, text="x", text_en="", active=True)
    client.force_login(admin_user)
    answer = client.post(url, {"text": "", "active": "on"})
    assert "Skriv beskeden, før du viser den" in answer.content.decode()  # nothing saved
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"text": "Husk: caféen er lukket i uge 42.", "active": "on"})
    client.logout()
    assert "Husk: caféen er lukket i uge 42." in client.get("/").content.decode()
    assert "Husk: caféen er lukket i uge 42." in client.get("/en/").content.decode()  # no English
    client.force_login(admin_user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"text": "<b>Lukket</b>", "text_en": "Closed", "active": "on"})
    page = client.get("/").content.decode()
    assert "&lt;b&gt;Lukket&lt;/b&gt;" in page  # escaped
    assert "Closed" in client.get("/en/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"text": "Lukket", "active": ""})
    assert "site-notice" not in client.get("/").content.decode()
