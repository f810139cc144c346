"""One community for every organisation's members, unless an organisation keeps a forum
category or a group to its own members: others see that it is theirs and how to join, never
what is written in it (not in lists, search, following or the thread page)."""

import pytest
from django.urls import reverse

from ligesind.community import services
from ligesind.community.models import Category
from ligesind.core.errors import DomainError, NotAllowed
from ligesind.organisations.services import join_organisation, leave_organisation
from tests.factories import make_organisation


@pytest.fixture
def network():
    return make_organisation("Peer-Netværket", "peer-netvaerket", kind="network")


@pytest.fixture
def kept(network):
    return Category.objects.create(
        slug="arbejdsliv", name="Arbejdsliv som peer", organisation=network, position=99
    )


def test_a_kept_category_is_for_the_organisations_members(client, member, other, network, kept):
    join_organisation(actor=member, organisation=network)
    thread = services.start_thread(
        actor=member, category=kept, title="Løn som peermedarbejder", body="Hvad får I?"
    )
    with pytest.raises(NotAllowed):
        services.start_thread(actor=other, category=kept, title="Må jeg?", body="Hej")
    client.force_login(other)
    index = client.get(reverse("community:index")).content.decode()
    assert "Arbejdsliv som peer" in index and "Peer-Netværket" in index
    closed = client.get(reverse("community:category", args=[kept.slug])).content.decode()
    assert reverse("organisations:detail", args=[network.slug]) in closed
    assert "Løn som peermedarbejder" not in closed
    for page in ("community:category", "community:new_thread"):
        answer = client.get(reverse(page, args=[kept.slug])).content.decode()
        assert "Peer-Netværket" in answer and 'name="title"' not in answer
    assert client.get(reverse("community:thread", args=[thread.pk])).status_code == 404
    found = client.get(reverse("community:search"), {"q": "peermedarbejder"}).content.decode()
    assert "Løn som peermedarbejder" not in found
    client.force_login(member)
    assert client.get(reverse("community:category", args=[kept.slug])).status_code == 200
    assert client.get(reverse("community:thread", args=[thread.pk])).status_code == 200
    following = client.get(reverse("community:following")).content.decode()
    assert "Løn som peermedarbejder" in following
    leave_organisation(actor=member, organisation=network)
    assert client.get(reverse("community:thread", args=[thread.pk])).status_code == 404


def test_a_moderator_reads_a_kept_category(client, moderator, kept):
    client.force_login(moderator)
    assert client.get(reverse("community:category", args=[kept.slug])).status_code == 200


def test_a_kept_group_is_joined_by_the_organisations_members_only(client, member, other, network):
    join_organisation(actor=member, organisation=network)
    group = services.create_group(
        actor=member, name="Peers i job", kind="network", visibility="open", organisation=network
    )
    thread = services.start_thread(actor=member, group=group, title="Første uge", body="Hej")
    with pytest.raises(DomainError):
        services.join_group(actor=other, group=group)
    client.force_login(other)
    page = client.get(reverse("community:group", args=[group.pk])).content.decode()
    assert "Peer-Netværket" in page and "Første uge" not in page
    assert reverse("community:group_join", args=[group.pk]) not in page
    assert client.get(reverse("community:thread", args=[thread.pk])).status_code == 404
    join_organisation(actor=other, organisation=network)
    services.join_group(actor=other, group=group)
    assert client.get(reverse("community:thread", args=[thread.pk])).status_code == 200


def test_only_a_member_of_the_organisation_keeps_a_group_to_it(client, other, network):
    with pytest.raises(DomainError):
        services.create_group(
            actor=other, name="Vores", kind="network", visibility="open", organisation=network
        )
    client.force_login(other)
    form = client.get(reverse("community:group_create")).content.decode()
    assert "Peer-Netværket" not in form  # no organisation joined: no such question


def test_each_organisation_has_its_own_volunteers_group(admin_user):
    from ligesind.accounts.models import Role
    from ligesind.community import permissions
    from ligesind.community.models import Group
    from tests.factories import make_staff

    project = make_organisation("Peer to Peer Odense", "p2p-odense", "Odense")
    partnership = make_organisation("Peer-Partnerskabet", "partnerskabet", "Odense")

    def staff(role, alias, organisation):
        return make_staff(
            role, "Odense", admin=admin_user, alias=alias, organisations=[organisation]
        )

    ours, theirs = (
        staff(Role.PEER_GUIDE, "Vores", project),
        staff(Role.PEER_GUIDE, "Deres", partnership),
    )
    coordinator = staff(Role.COORDINATOR, "Koordinator", project)
    group = Group.objects.get(kind="volunteers", organisation=project)
    assert group.name == "Frivillige i Odense – Peer to Peer Odense"
    assert not Group.objects.filter(kind="volunteers", organisation__isnull=True).exists()
    assert permissions.is_group_member(ours, group)
    assert not permissions.is_group_member(theirs, group)
    assert {u.pk for u in services.volunteer_members(group)} == {ours.pk, coordinator.pk}
    assert permissions.can_moderate_group(coordinator, group)
    other_group = Group.objects.get(kind="volunteers", organisation=partnership)
    assert not permissions.can_moderate_group(coordinator, other_group)
