"""What the community plugs into: notification kinds, reports, export, and the volunteers'
groups that follow peer-guide roles."""

from typing import Any

from django.utils.translation import gettext_lazy as _

from ligesind.accounts.events import role_changed
from ligesind.accounts.models import Role, RoleAssignment
from ligesind.core.models import EmailMode
from ligesind.core.notifications import NotificationKind, register_kind
from ligesind.core.privacy import register_export, register_labels
from ligesind.core.retention import register_forget

from . import permissions, reporting
from .models import GroupMembership, Post, Reaction, Subscription, Thread
from .services import forget_deleted_posts

KINDS = [
    ("forum_reply", _("A new post in a thread I follow"),
     _("There is a new post in “%(title)s”."), EmailMode.DIGEST),
    ("group_join_request", _("Someone asks to join a group I moderate"),
     _("Someone asks to join %(group)s."), EmailMode.IMMEDIATE),
    ("group_welcome", _("I was let into a group"),
     _("Welcome: you are now a member of %(group)s."), EmailMode.IMMEDIATE),
    ("group_invitation", _("I was invited to a group"),
     _("You are invited to join %(group)s."), EmailMode.IMMEDIATE),
]  # fmt: skip


def _when(value: Any) -> str | None:
    return value.isoformat() if value else None


def export_community(user: Any) -> dict[str, Any]:
    return {
        "threads_started": [
            {"title": t.title, "created": _when(t.created_at), "anonymous": t.anonymous}
            for t in Thread.objects.filter(author_id=user.pk)
        ],
        "posts": [
            {
                "thread": p.thread.title,
                "text": p.body,
                "created": _when(p.created_at),
                "edited": _when(p.edited_at),
                "anonymous": p.anonymous,
            }
            for p in Post.objects.filter(author_id=user.pk).select_related("thread")
        ],
        "reactions": [
            {"thread": r.post.thread.title, "post": r.post.number, "reaction": r.kind}
            for r in Reaction.objects.filter(user_id=user.pk).select_related("post__thread")
        ],
        "following": [
            s.thread.title
            for s in Subscription.objects.filter(user_id=user.pk).select_related("thread")
        ],
        "groups": [
            {"group": m.group.name, "status": m.get_status_display(), "since": _when(m.created_at)}
            for m in GroupMembership.objects.filter(user_id=user.pk).select_related("group")
        ],
    }


def _volunteer_groups(sender: Any, user: Any, **kwargs: Any) -> None:
    """A role was granted or changed (its municipalities and organisations both set): the
    volunteers' groups it needs exist."""
    from .services import ensure_volunteer_groups_for

    for assignment in RoleAssignment.objects.filter(user=user, role=Role.PEER_GUIDE):
        ensure_volunteer_groups_for(assignment)
    permissions.forget_groups(user)


def register() -> None:
    reporting.register()
    register_forget(forget_deleted_posts)
    for key, label, message, email in KINDS:
        register_kind(NotificationKind(key, label, message, email))
    role_changed.connect(_volunteer_groups, dispatch_uid="community_volunteer_groups")
    register_export(
        "community",
        label=_("Forums and groups"),
        models=[
            "community.Thread",
            "community.Post",
            "community.PostRevision",
            "community.Reaction",
            "community.Subscription",
            "community.ThreadRead",
            "community.GroupMembership",
            "community.Group",
        ],
        collect=export_community,
    )
    register_labels(
        {
            "community": _("Forums and groups"),
            "threads_started": _("Threads I started"),
            "posts": _("Posts"),
            "thread": _("Thread"),
            "text": _("Text"),
            "created": _("Written"),
            "edited": _("Edited"),
            "anonymous": _("Anonymous"),
            "reactions": _("Reactions"),
            "reaction": _("Reaction"),
            "post": _("Post"),
            "following": _("Threads I follow"),
            "groups": _("Groups"),
            "group": _("Group"),
        }
    )
