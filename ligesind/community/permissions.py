"""Who may read, write and moderate what in forums and groups: one function per rule.

Group content (threads, posts, member lists) is open to members of the group; an open group's
discussion can also be read before joining. Hidden groups do not exist for anyone outside
them: not in lists, search, feeds or notifications. Forum moderators (the moderator role and
administrators) see everything and who wrote anonymous posts.
"""

from collections.abc import Collection
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.db.models import Q, QuerySet

from ligesind.accounts.models import Role
from ligesind.accounts.permissions import (
    blocked_user_ids,
    has_role,
    is_admin,
    is_local_coordinator,
    role_municipality_ids,
    role_organisation_ids,
)
from ligesind.core.memo import forget, recall, remember
from ligesind.core.retention import undo_deadline
from ligesind.membership.entitlements import Feature, has_feature
from ligesind.organisations.models import Organisation, OrganisationMembership
from ligesind.organisations.permissions import is_open_to

from .models import (
    Category,
    Group,
    GroupKind,
    GroupMembership,
    MembershipStatus,
    Post,
    Thread,
    Visibility,
)

AnyUser = AbstractBaseUser | AnonymousUser
FORUM_MODERATOR = "_ligesind_forum_moderator"


def blocked_ids(user: AnyUser) -> frozenset[int]:
    """``blocked_user_ids``, read once per request: forum pages ask several times. (Blocking
    and unblocking forget it; the forums hold no long-lived user objects, unlike the chat.)"""
    cached: frozenset[int] | None = recall(user, "_ligesind_blocked")
    if cached is None:
        cached = remember(user, "_ligesind_blocked", blocked_user_ids(user))
    return cached


def can_use_community(user: AnyUser) -> bool:
    return has_feature(user, Feature.COMMUNITY)


def is_forum_moderator(user: AnyUser) -> bool:
    """Remembered on the user for the request (a thread page asks once per post); granting a
    role forgets it with the roles."""
    known: bool | None = recall(user, FORUM_MODERATOR)
    if known is None:
        known = remember(
            user,
            FORUM_MODERATOR,
            can_use_community(user) and (has_role(user, Role.MODERATOR) or is_admin(user)),
        )
    return known


def volunteer_municipality_ids(user: AnyUser) -> frozenset[int]:
    """The municipalities whose volunteers' group this person belongs to."""
    return role_municipality_ids(user, Role.PEER_GUIDE) | role_municipality_ids(
        user, Role.COORDINATOR
    )


def volunteer_groups_q(user: AnyUser) -> Q:
    """Volunteers' groups of the organisations this volunteer's roles act for (the shared
    group of a municipality: everyone's). The municipality is checked by the caller."""
    acting: set[int] = set()
    for role in (Role.PEER_GUIDE, Role.COORDINATOR):
        covered = role_organisation_ids(user, role)
        if covered is None and role_municipality_ids(user, role):
            return Q()
        acting |= covered or set()
    return Q(organisation__isnull=True) | Q(organisation__in=acting)


def member_group_ids(user: AnyUser) -> frozenset[int]:
    """Groups this person is a member of (memberships, plus volunteers' groups by role)."""
    if user.pk is None or not can_use_community(user):
        return frozenset()
    cached = recall(user, "_ligesind_group_ids")
    if cached is None:
        joined = GroupMembership.objects.filter(
            user_id=user.pk, status=MembershipStatus.MEMBER
        ).values_list("group_id", flat=True)
        volunteers = Group.objects.filter(
            volunteer_groups_q(user), municipality_id__in=volunteer_municipality_ids(user)
        ).values_list("pk", flat=True)
        cached = frozenset(joined) | frozenset(volunteers)
        remember(user, "_ligesind_group_ids", cached)
    return frozenset(cached)


def forget_groups(user: AnyUser) -> None:
    forget(user, "_ligesind_group_ids")


def is_group_member(user: AnyUser, group: Group) -> bool:
    return group.pk in member_group_ids(user)


def visible_groups_q(user: AnyUser) -> Q:
    """Groups this person may know exist: every non-hidden group, and their own."""
    if not can_use_community(user):
        return Q(pk__in=[])
    if is_forum_moderator(user):
        return Q()
    invited = GroupMembership.objects.filter(
        user_id=user.pk or 0, status=MembershipStatus.INVITED
    ).values("group_id")
    listed = (~Q(visibility=Visibility.HIDDEN) | Q(pk__in=invited)) & Q(hidden_at__isnull=True)
    return listed | Q(pk__in=member_group_ids(user))


def can_view_group(user: AnyUser, group: Group) -> bool:
    return Group.objects.filter(visible_groups_q(user), pk=group.pk).exists()


def can_read_group(user: AnyUser, group: Group) -> bool:
    """The group's discussion and member list."""
    if not can_use_community(user):
        return False
    if is_forum_moderator(user) or is_group_member(user, group):
        return True
    return (
        group.visibility == Visibility.OPEN
        and group.kind != GroupKind.VOLUNTEERS
        and group.hidden_at is None
        and is_open_to(user, group.organisation_id)
    )


def can_join_group(user: AnyUser, group: Group) -> bool:
    """A group kept to an organisation's members is joined by its members only (an invitation
    from inside does not open it to others either)."""
    return (
        can_use_community(user)
        and group.kind != GroupKind.VOLUNTEERS
        and is_open_to(user, group.organisation_id)
    )


def organisations_for_groups(user: AnyUser, keep: int | None = None) -> QuerySet[Organisation]:
    """The organisations a group can be kept to by this person: those they joined (forum
    moderators: all), and the one it is kept to now."""
    if is_forum_moderator(user):
        return Organisation.objects.all()
    joined = OrganisationMembership.objects.filter(user_id=user.pk or 0).values("organisation_id")
    return Organisation.objects.filter(Q(pk__in=joined) | Q(pk=keep or 0))


def can_read_category(user: AnyUser, category: Category) -> bool:
    """A forum category kept to an organisation's members: them and forum moderators."""
    return can_use_community(user) and (
        is_open_to(user, category.organisation_id) or is_forum_moderator(user)
    )


def can_moderate_group(user: AnyUser, group: Group) -> bool:
    if is_forum_moderator(user):
        return True
    if group.kind == GroupKind.VOLUNTEERS:
        return is_local_coordinator(user, group.municipality_id, group.organisation_id)
    return GroupMembership.objects.filter(
        group=group, user_id=user.pk or 0, status=MembershipStatus.MEMBER, is_moderator=True
    ).exists()


def readable_threads_q(user: AnyUser, *, in_groups: bool = True) -> Q:
    """Threads this person may read: forum threads for members, group threads where they may
    read the group; never hidden ones (except for moderators) or those of blocked people.
    ``in_groups=False`` leaves group threads out (a category's list), saving the group query.
    ``can_read_thread`` is the same rule for one thread."""
    if not can_use_community(user):
        return Q(pk__in=[])
    moderator = is_forum_moderator(user)
    return threads_q_for(
        user.pk,
        moderator=moderator,
        blocked=blocked_ids(user),
        groups=member_group_ids(user) if in_groups and not moderator else None,
        organisations=OrganisationMembership.objects.filter(user_id=user.pk or 0).values(
            "organisation_id"
        ),  # a subquery: the list pages ask no more than before
    )


def threads_q_for(
    viewer_pk: int | None,
    *,
    moderator: bool,
    blocked: frozenset[int],
    groups: frozenset[int] | None,
    organisations: Collection[int] | QuerySet[Any] | None = None,
) -> Q:
    """``readable_threads_q`` for someone with the community feature, from everything it
    depends on, so a category's list can be prepared once per kind of reader (views.lists).
    ``groups``: the groups they are members of, or None to leave group threads out.
    ``organisations``: those they joined (categories and open groups kept to an organisation's
    members), or None when the caller has checked that already (one category's list)."""
    if moderator:
        return Q()
    allowed = Q(category__isnull=False)
    kept = Q(organisation__isnull=True)
    if organisations is not None:
        kept |= Q(organisation__in=organisations)
        allowed &= Q(category__organisation__isnull=True) | Q(
            category__organisation__in=organisations
        )
    if groups is not None:
        open_groups = Group.objects.filter(
            kept, visibility=Visibility.OPEN, hidden_at__isnull=True
        ).exclude(kind=GroupKind.VOLUNTEERS)
        allowed |= Q(group__in=open_groups.values("pk")) | Q(group__in=groups)
    shown = Q(hidden_at__isnull=True) | Q(author_id=viewer_pk)
    return allowed & shown & ~Q(author_id__in=blocked)


def can_read_thread(user: AnyUser, thread: Thread) -> bool:
    if not can_use_community(user):
        return False
    if is_forum_moderator(user):
        return True
    if thread.author_id is not None and thread.author_id in blocked_ids(user):
        return False
    if thread.hidden_at is not None and thread.author_id != user.pk:
        return False
    if thread.group_id is None:
        return is_open_to(user, thread.category.organisation_id)  # type: ignore[union-attr]
    return can_read_group(user, thread.group)  # type: ignore[arg-type]


def shown_posts_q(user: AnyUser) -> Q:
    """Within a readable thread: posts not hidden by a moderator and not by blocked people.
    ``is_post_shown`` is the same rule for one post."""
    if is_forum_moderator(user):
        return Q()
    return (Q(hidden_at__isnull=True) | Q(author_id=user.pk)) & ~Q(author_id__in=blocked_ids(user))


def is_post_shown(user: AnyUser, post: Post) -> bool:
    if is_forum_moderator(user):
        return True
    if post.hidden_at is not None and post.author_id != user.pk:
        return False
    return post.author_id is None or post.author_id not in blocked_ids(user)


def can_start_thread_in_group(user: AnyUser, group: Group) -> bool:
    return is_forum_moderator(user) or is_group_member(user, group)


def can_post_in(user: AnyUser, thread: Thread) -> bool:
    """Reply: a readable thread that is not locked; in a group, only its members."""
    if not can_read_thread(user, thread):
        return False
    if is_forum_moderator(user):
        return True
    if thread.locked:
        return False
    return thread.group is None or is_group_member(user, thread.group)


def can_edit_post(user: AnyUser, post: Post) -> bool:
    if post.deleted_at is not None:
        return False
    if is_forum_moderator(user):
        return True
    return (
        post.author_id == user.pk
        and can_use_community(user)
        and post.hidden_at is None
        and not post.thread.locked
    )


def can_delete_post(user: AnyUser, post: Post) -> bool:
    """Writers delete their own posts (moderators hide instead, so it can be undone)."""
    return post.author_id == user.pk and can_use_community(user) and post.deleted_at is None


def can_undo_delete_post(user: AnyUser, post: Post) -> bool:
    """The writer, within the undo time (``core.retention``)."""
    return (
        post.author_id == user.pk
        and post.deleted_at is not None
        and post.deleted_at >= undo_deadline()
        and can_use_community(user)
    )


def can_react(user: AnyUser, post: Post) -> bool:
    """ "I recognise this" and "thank you": on a post this person is shown, not their own."""
    return (
        post.deleted_at is None
        and post.author_id != user.pk
        and can_read_thread(user, post.thread)
        and post.hidden_at is None
        and (post.author_id is None or post.author_id not in blocked_ids(user))
    )


def can_see_author(user: AnyUser, post: Post) -> bool:
    """Who wrote an anonymous post: the writer and forum moderators."""
    return not post.anonymous or post.author_id == user.pk or is_forum_moderator(user)


def can_manage_member(user: AnyUser, membership: GroupMembership) -> bool:
    """Group moderators make members moderators or take them out of the group; only forum
    moderators do that to a group moderator other than themselves."""
    if membership.group.kind == GroupKind.VOLUNTEERS or not can_moderate_group(
        user, membership.group
    ):
        return False
    return not membership.is_moderator or membership.user_id == user.pk or is_forum_moderator(user)


def can_moderate_thread(user: AnyUser, thread: Thread) -> bool:
    """Pin and lock: forum moderators; in a group also its group moderators."""
    if thread.group is not None:
        return can_moderate_group(user, thread.group)
    return is_forum_moderator(user)


def can_read_history(user: AnyUser, post: Post) -> bool:
    return is_forum_moderator(user) and post.deleted_at is None
