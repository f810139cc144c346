"""Groups: open, by request and hidden; moderators; leaving; group discussion; volunteers'
groups that follow peer-guide roles; hidden groups never leak."""

import pytest
from django.urls import reverse

from ligesind.accounts import services as accounts
from ligesind.accounts.models import Role
from ligesind.community import permissions, services
from ligesind.community.models import Group, GroupMembership, Thread
from ligesind.core.errors import DomainError, NotAllowed
from ligesind.core.models import Notification
from tests.factories import make_staff


def test_open_group_join_and_leave(make_group, member, other):
    group = make_group()
    assert GroupMembership.objects.get(group=group, user=member).is_moderator
    services.join_group(actor=other, group=group)
    assert permissions.is_group_member(other, group)
    group.refresh_from_db()
    assert group.member_count == 2
    services.leave_group(actor=other, group=group)
    permissions.forget_groups(other)
    assert not permissions.is_group_member(other, group)


def test_request_group_needs_a_moderator(make_group, member, other, third):
    group = make_group(visibility="request")
    asked = services.join_group(actor=other, group=group)
    assert asked.status == "requested"
    assert Notification.objects.filter(recipient=member, kind="group_join_request").exists()
    assert not permissions.can_read_group(other, group)
    with pytest.raises(NotAllowed):
        services.answer_join_request(actor=third, membership=asked, approve=True)
    services.answer_join_request(actor=member, membership=asked, approve=True)
    permissions.forget_groups(other)  # what one request knew; the next request asks again
    assert permissions.can_read_group(other, group)
    assert Notification.objects.filter(recipient=other, kind="group_welcome").exists()
    with pytest.raises(DomainError):
        services.answer_join_request(actor=member, membership=asked, approve=False)


def test_declined_request_is_gone(make_group, member, other):
    group = make_group(visibility="request")
    asked = services.join_group(actor=other, group=group)
    services.answer_join_request(actor=member, membership=asked, approve=False)
    assert not GroupMembership.objects.filter(pk=asked.pk).exists()


def test_hidden_group_only_by_invitation(make_group, member, other, third):
    group = make_group(visibility="hidden", name="Lukket kreds")
    assert not permissions.can_view_group(other, group)
    with pytest.raises(NotAllowed):
        services.join_group(actor=other, group=group)
    services.invite_to_group(actor=member, group=group, alias="havfugl")
    assert permissions.can_view_group(other, group)
    assert not permissions.can_read_group(other, group)
    services.join_group(actor=other, group=group)
    assert permissions.can_read_group(other, group)
    assert not permissions.can_view_group(third, group)
    with pytest.raises(DomainError):
        services.invite_to_group(actor=member, group=group, alias="findes-ikke")


def test_invitations_do_not_reach_blocked_people(make_group, member, other):
    group = make_group(visibility="hidden")
    accounts.block_user(actor=other, target=member)
    with pytest.raises(DomainError):
        services.invite_to_group(actor=member, group=group, alias="Havfugl")


def test_the_last_moderator_leaving_hands_over(make_group, member, other, third):
    group = make_group()
    services.join_group(actor=other, group=group)
    services.join_group(actor=third, group=group)
    services.leave_group(actor=member, group=group)
    assert GroupMembership.objects.get(group=group, user=other).is_moderator
    membership = GroupMembership.objects.get(group=group, user=other)
    with pytest.raises(DomainError):
        services.set_group_moderator(actor=other, membership=membership, moderator=False)


def test_group_discussion_is_for_members(make_group, make_thread, member, other, third):
    group = make_group(visibility="request")
    thread = make_thread(category=None, group=group, title="Kun for os")
    assert not permissions.can_read_thread(other, thread)
    with pytest.raises(NotAllowed):
        make_thread(author=other, category=None, group=group)
    open_group = make_group(name="Åben")
    open_thread = make_thread(category=None, group=open_group, title="Alle kan læse")
    assert permissions.can_read_thread(third, open_thread)
    assert not permissions.can_post_in(third, open_thread)
    services.join_group(actor=third, group=open_group)
    assert permissions.can_post_in(third, open_thread)


def test_anonymous_posts_are_not_for_groups(make_group, make_thread):
    with pytest.raises(DomainError):
        make_thread(category=None, group=make_group(), anonymous=True)


def test_group_moderators_pin_and_lock_their_own_threads(make_group, make_thread, member, other):
    group = make_group()
    services.join_group(actor=other, group=group)
    thread = make_thread(author=other, category=None, group=group)
    with pytest.raises(NotAllowed):
        services.set_thread_state(actor=other, thread=thread, locked=True)
    services.set_thread_state(actor=member, thread=thread, locked=True)


def test_peer_guides_get_their_municipalitys_volunteers_group(admin_user, guide, member):
    group = Group.objects.get(municipality__name="Odense")
    assert group.kind == "volunteers" and group.visibility == "hidden"
    assert group.name == "Frivillige i Odense"
    assert permissions.is_group_member(guide, group)
    assert not permissions.can_view_group(member, group)
    coordinator = make_staff(Role.COORDINATOR, "Odense", admin=admin_user, alias="K")
    assert permissions.can_moderate_group(coordinator, group)
    assert {u.pk for u in services.volunteer_members(group)} == {guide.pk, coordinator.pk}
    with pytest.raises(NotAllowed):
        services.join_group(actor=member, group=group)


def test_hidden_group_content_never_leaks_to_outsiders(
    make_group, make_thread, member, other, django_capture_on_commit_callbacks
):
    group = make_group(visibility="hidden", name="Hemmelig gruppe")
    thread = make_thread(category=None, group=group, title="Hemmelig tråd")
    assert not Group.objects.filter(permissions.visible_groups_q(other), pk=group.pk).exists()
    assert not Thread.objects.filter(permissions.readable_threads_q(other), pk=thread.pk).exists()
    # someone who follows and then leaves hears nothing more
    services.invite_to_group(actor=member, group=group, alias="Havfugl")
    services.join_group(actor=other, group=group)
    services.follow_thread(actor=other, thread=thread, follow=True)
    services.leave_group(actor=other, group=group)
    permissions.forget_groups(other)
    with django_capture_on_commit_callbacks(execute=True):
        services.reply_to_thread(actor=member, thread=thread, body="Kun for medlemmer")
    assert not Notification.objects.filter(recipient=other, kind="forum_reply").exists()


def test_group_moderators_manage_members(make_group, member, other, third, moderator, client):
    group = make_group()
    services.join_group(actor=other, group=group)
    services.join_group(actor=third, group=group)
    theirs = GroupMembership.objects.get(group=group, user=other)
    services.set_group_moderator(actor=member, membership=theirs, moderator=True)
    mine = GroupMembership.objects.get(group=group, user=member)
    with pytest.raises(NotAllowed):  # a group moderator cannot demote or remove another one
        services.remove_from_group(actor=other, membership=mine)
    services.remove_from_group(actor=moderator, membership=theirs)  # forum moderators can
    with pytest.raises(NotAllowed):
        services.remove_from_group(
            actor=third, membership=GroupMembership.objects.get(group=group, user=member)
        )
    client.force_login(member)
    kept = GroupMembership.objects.get(group=group, user=third)
    page = client.get(reverse("community:group_members", args=[group.pk])).content.decode()
    assert "Tag ud af gruppen" in page
    client.post(reverse("community:group_member", args=[group.pk, kept.pk]), {"action": "remove"})
    assert not GroupMembership.objects.filter(pk=kept.pk).exists()
    group.refresh_from_db()
    assert group.member_count == 1


def test_reactions_only_on_posts_one_is_shown(make_thread, member, other):
    post = make_thread().posts.get()
    accounts.block_user(actor=other, target=member)
    with pytest.raises(NotAllowed):
        services.toggle_reaction(actor=other, post=post, kind="thanks")


def test_group_moderators_change_the_group(make_group, member, other, third, client):
    group = make_group(visibility="request")
    services.join_group(actor=other, group=group)
    with pytest.raises(NotAllowed):
        services.update_group(
            actor=third, group=group, name="Nyt navn", kind="network", visibility="open"
        )
    services.update_group(
        actor=member, group=group, name="Gå-netværket", kind="community", visibility="open",
        description="Nu åben for alle",
    )  # fmt: skip
    group.refresh_from_db()
    assert (group.name, group.kind, group.visibility) == ("Gå-netværket", "community", "open")
    assert GroupMembership.objects.get(group=group, user=other).status == "member"
    client.force_login(member)
    response = client.post(
        reverse("community:group_edit", args=[group.pk]),
        {"name": "", "kind": "community", "visibility": "open"},
    )
    assert "Giv gruppen et navn." in response.content.decode()
