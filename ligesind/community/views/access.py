"""Loading what a view works on, with the permission check, and how posts are shown."""

from typing import cast

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Subquery
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from ligesind.accounts.models import User

from .. import permissions
from ..models import Group, Post, Subscription, Thread, ThreadRead


def member(request: HttpRequest) -> User:
    """Views are behind ``login_required``; signed in without the community feature: 403."""
    if not permissions.can_use_community(request.user):
        raise PermissionDenied
    return cast(User, request.user)


def readable_thread(request: HttpRequest, pk: int) -> Thread:
    """The thread, with the viewer's ``read_at`` and ``following`` loaded in the same query."""
    viewer = member(request)
    read = ThreadRead.objects.filter(thread=OuterRef("pk"), user_id=viewer.pk)
    follows = Subscription.objects.filter(thread=OuterRef("pk"), user_id=viewer.pk)
    thread = get_object_or_404(
        Thread.objects.select_related("category", "group").annotate(
            read_at=Subquery(read.values("read_at")[:1]), following=Exists(follows)
        ),
        pk=pk,
    )
    if not permissions.can_read_thread(request.user, thread):
        raise Http404
    return thread


def readable_post(request: HttpRequest, pk: int) -> Post:
    member(request)
    post = get_object_or_404(
        Post.objects.select_related("thread__category", "thread__group", "author__profile"), pk=pk
    )
    if not permissions.can_read_thread(request.user, post.thread):
        raise Http404
    if not Post.objects.filter(permissions.shown_posts_q(request.user), pk=pk).exists():
        raise Http404
    return post


def visible_group(request: HttpRequest, pk: int) -> Group:
    member(request)
    group = get_object_or_404(Group, pk=pk)
    if not permissions.can_view_group(request.user, group):
        raise Http404
    return group
