"""Loading what a view works on, with the permission check, and how posts are shown."""

from typing import cast

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, QuerySet, Subquery
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from ligesind.accounts.models import User
from ligesind.core.fast.prepared import PreparedQuery
from ligesind.core.memo import plain
from ligesind.membership.entitlements import Feature, require_feature

from .. import permissions
from ..models import Group, Post, Subscription, Thread, ThreadRead


def member(request: HttpRequest) -> User:
    """Views are behind ``login_required``; signed in without the community feature: 403.
    The user itself, not ``request.user``'s lazy proxy: a thread page asks the permission
    rules about the viewer a few hundred times, and each attribute read through the proxy
    costs a function call."""
    viewer = plain(request.user)
    require_feature(viewer, Feature.COMMUNITY)
    if not permissions.can_use_community(viewer):
        raise PermissionDenied
    return cast(User, viewer)


def _thread_for(pk: int, viewer_pk: int) -> QuerySet[Thread]:
    read = ThreadRead.objects.filter(thread=OuterRef("pk"), user_id=viewer_pk)
    follows = Subscription.objects.filter(thread=OuterRef("pk"), user_id=viewer_pk)
    return (
        Thread.objects.select_related("category", "group")
        .annotate(read_at=Subquery(read.values("read_at")[:1]), following=Exists(follows))
        .filter(pk=pk)
    )


thread_for = PreparedQuery(_thread_for, arity=2)


def readable_thread(request: HttpRequest, pk: int) -> Thread:
    """The thread, with the viewer's ``read_at`` and ``following`` loaded in the same query."""
    viewer = member(request)
    thread = thread_for.first(pk, viewer.pk)
    if thread is None or not permissions.can_read_thread(viewer, thread):
        raise Http404
    return thread


def readable_post(request: HttpRequest, pk: int) -> Post:
    viewer = member(request)
    post = get_object_or_404(
        Post.objects.select_related("thread__category", "thread__group", "author__profile"), pk=pk
    )
    if not permissions.can_read_thread(viewer, post.thread):
        raise Http404
    if not Post.objects.filter(permissions.shown_posts_q(viewer), pk=pk).exists():
        raise Http404
    return post


def visible_group(request: HttpRequest, pk: int) -> Group:
    viewer = member(request)
    group = get_object_or_404(Group.objects.select_related("organisation"), pk=pk)
    if not permissions.can_view_group(viewer, group):
        raise Http404
    return group
