"""The forum's read rules exist twice: as a query filter (``readable_threads_q``,
``shown_posts_q``, for lists and search) and in Python (``can_read_thread``, ``is_post_shown``,
for one thread or post without a query). Over every kind of place, writer and reader, both
must give the same answer."""

import itertools

import pytest
from django.utils import timezone

from ligesind.accounts import services as accounts
from ligesind.accounts.models import User
from ligesind.community import permissions
from ligesind.community.models import (
    Category,
    Group,
    GroupKind,
    GroupMembership,
    MembershipStatus,
    Post,
    Thread,
    Visibility,
)
from ligesind.organisations.models import OrganisationMembership
from tests.factories import UserFactory, make_organisation


@pytest.fixture
def world(moderator, everyday):
    partnership = make_organisation("Peer-Partnerskabet", "pp", "Fredericia")
    kept_category = Category.objects.create(
        slug="pp-only", name="Kun for medlemmer", position=99, organisation=partnership
    )
    member, joined, in_groups, blocker = (UserFactory.create() for _ in range(4))
    stranger, blocked = UserFactory.create(), UserFactory.create()
    OrganisationMembership.objects.create(user=joined, organisation=partnership)
    accounts.block_user(actor=blocker, target=blocked)
    groups = [
        Group.objects.create(
            name=f"{kind} {visibility} {kept} {hidden}",
            kind=kind,
            visibility=visibility,
            organisation=partnership if kept else None,
            hidden_at=timezone.now() if hidden else None,
        )
        for kind, visibility, kept, hidden in itertools.product(
            [GroupKind.NETWORK, GroupKind.VOLUNTEERS],
            [Visibility.OPEN, Visibility.REQUEST, Visibility.HIDDEN],
            [False, True],
            [False, True],
        )
    ]
    for group in groups[::3]:
        GroupMembership.objects.create(group=group, user=in_groups, status=MembershipStatus.MEMBER)
    for group in groups[1::3]:
        GroupMembership.objects.create(group=group, user=in_groups, status=MembershipStatus.INVITED)
    readers = [member, joined, in_groups, blocker, moderator]
    writers = [stranger, blocked, *readers]
    places = [{"category": everyday}, {"category": kept_category}] + [{"group": g} for g in groups]
    for n, (place, writer, hidden) in enumerate(itertools.product(places, writers, [False, True])):
        thread = Thread.objects.create(
            title=f"Tråd {n}", author=writer, hidden_at=timezone.now() if hidden else None, **place
        )
        Post.objects.create(thread=thread, number=1, author=writer, body="Hej")
    return readers, writers


def fresh(user: User) -> User:
    return User.objects.get(pk=user.pk)  # nothing remembered from the setup


def test_a_thread_list_and_one_thread_agree_for_every_reader(world):
    readers, _writers = world
    threads = list(Thread.objects.select_related("category", "group"))
    for reader in map(fresh, readers):
        for in_groups in (True, False):
            rule = permissions.readable_threads_q(reader, in_groups=in_groups)
            # in_groups=False serves a category's list: it is only asked about forum threads
            where = {} if in_groups else {"group__isnull": True}
            listed = set(Thread.objects.filter(rule, **where).values_list("pk", flat=True))
            one_by_one = {
                t.pk
                for t in threads
                if permissions.can_read_thread(reader, t) and (in_groups or t.group_id is None)
            }
            assert listed == one_by_one, (reader, in_groups)
    assert 0 < len(listed) < len(threads)


def test_posts_shown_in_a_list_and_one_by_one_agree_for_every_reader(world):
    readers, writers = world
    thread = Thread.objects.filter(category__slug="everyday-life").earliest("pk")
    for n, (writer, hidden) in enumerate(itertools.product(writers, [False, True]), start=2):
        Post.objects.create(
            thread=thread,
            number=n,
            author=writer,
            body="Svar",
            hidden_at=timezone.now() if hidden else None,
        )
    posts = list(thread.posts.all())
    for reader in map(fresh, readers):
        listed = set(
            thread.posts.filter(permissions.shown_posts_q(reader)).values_list("pk", flat=True)
        )
        assert listed == {p.pk for p in posts if permissions.is_post_shown(reader, p)}, reader
