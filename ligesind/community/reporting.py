"""Forum posts and groups can be reported. A moderator can hide a post (an opening post hides
its thread) or a group (then only its members still find it)."""

from typing import Any

from django.utils.translation import gettext_lazy as _

from ligesind.core.moderation import AnyUser, Reportable, register_reportable

from . import permissions
from .models import Group, Post


def _load(pk: int) -> Post | None:
    return Post.objects.select_related("thread__group").filter(pk=pk).first()


def _visible_to(user: AnyUser, post: Post) -> bool:
    return permissions.can_read_thread(user, post.thread) and (
        post.hidden_at is None or permissions.is_forum_moderator(user)
    )


def _set_hidden(post: Any, hidden: bool) -> None:
    from .services import set_post_hidden

    set_post_hidden(post=post, hidden=hidden)


def _set_group_hidden(group: Any, hidden: bool) -> None:
    from .services import set_group_hidden

    set_group_hidden(group=group, hidden=hidden)


def register() -> None:
    register_reportable(
        Reportable(
            "group",
            _("a group"),
            load=lambda pk: Group.objects.filter(pk=pk).first(),
            author_id=lambda group: group.created_by_id,
            visible_to=permissions.can_view_group,
            text=lambda group: f"{group.name}\n\n{group.description}",
            is_hidden=lambda group: group.hidden_at is not None,
            set_hidden=_set_group_hidden,
        )
    )
    register_reportable(
        Reportable(
            "post",
            _("a forum post"),
            load=_load,
            author_id=lambda post: post.author_id,
            visible_to=_visible_to,
            text=lambda post: post.body,
            is_hidden=lambda post: post.hidden_at is not None,
            set_hidden=_set_hidden,
        )
    )
