"""Forum writing: threads, replies, edits with history, pin and lock, reactions, following and
reading. Every text that is accepted passes the crisis hook (``text_accepted``)."""

import time
from datetime import datetime, timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ligesind.accounts.models import User
from ligesind.accounts.permissions import blocked_ids_of
from ligesind.core.errors import DomainError, NotAllowed
from ligesind.core.privacy import display_alias
from ligesind.core.remembered import register_forget
from ligesind.core.retention import undo_deadline
from ligesind.core.services import notify
from ligesind.core.text_hooks import text_accepted

from .. import permissions, search
from ..models import (
    Category,
    Group,
    Post,
    PostRevision,
    Reaction,
    ReactionKind,
    Subscription,
    Thread,
    ThreadRead,
)

INDEX_VERSION = "community:index-version"


# The version as this process last read it, and when (time.monotonic).
_known_version = {"version": 0, "read_at": -1e9}
INDEX_VERSION_SECONDS = 2.0


def index_version() -> int:
    """Part of the forum index's cache key: it changes whenever the categories' figures do.
    Read from the shared cache at most every two seconds; a change made in this process is
    seen at once, one made in another worker within those seconds."""
    now = time.monotonic()
    if now - _known_version["read_at"] > INDEX_VERSION_SECONDS:
        _known_version["version"] = int(cache.get_or_set(INDEX_VERSION, 1, timeout=None) or 1)
        _known_version["read_at"] = now
    return int(_known_version["version"])


def forget_index_version() -> None:
    """Read the forum index's version from the cache again (after the cache was emptied)."""
    _known_version.update(version=0, read_at=-1e9)


register_forget(forget_index_version)


def _bump_index_version() -> None:
    try:
        version = cache.incr(INDEX_VERSION)
    except ValueError:  # not in the cache (yet, or any more)
        version = int(time.time())  # above any earlier count, so no figures are reused
        cache.set(INDEX_VERSION, version, timeout=None)
    _known_version.update(version=version, read_at=time.monotonic())


def _index_changed() -> None:
    transaction.on_commit(_bump_index_version)


def thread_url(thread: Thread) -> str:
    return reverse("community:thread", args=[thread.pk])


def post_url(post: Post) -> str:
    page = (post.number - 1) // settings.LIGESIND_POSTS_PER_PAGE + 1
    suffix = f"?page={page}" if page > 1 else ""
    return f"{thread_url(post.thread)}{suffix}#post-{post.number}"


def _clean(text: str, *, limit: int, empty: str) -> str:
    text = (text or "").strip()
    if not text:
        raise DomainError(empty)
    if len(text) > limit:
        raise DomainError(_("Please keep it under %(limit)s characters.") % {"limit": limit})
    return text


def _check_rate(actor: User, *, new_thread: bool) -> None:
    now = timezone.now()
    recent = Post.objects.filter(author=actor, created_at__gte=now - timedelta(minutes=1))
    if recent.count() >= settings.LIGESIND_FORUM_POSTS_PER_MINUTE:
        raise DomainError(_("You are writing very fast. Please wait a minute and try again."))
    if new_thread and actor.date_joined > now - timedelta(days=1):
        today = Thread.objects.filter(author=actor, created_at__gte=now - timedelta(days=1))
        if today.count() >= settings.LIGESIND_FORUM_FIRST_DAY_THREADS:
            raise DomainError(
                _(
                    "On your first day you can start %(count)s threads. You can still reply "
                    "to others, and start more threads tomorrow."
                )
                % {"count": settings.LIGESIND_FORUM_FIRST_DAY_THREADS}
            )


def _anonymous_allowed(thread: Thread, anonymous: bool) -> bool:
    if anonymous and (thread.category is None or not thread.category.allows_anonymous):
        raise DomainError(_("Anonymous posts are not possible here."))
    return anonymous


def _add_post(actor: User, thread: Thread, body: str, anonymous: bool) -> Post:
    now = timezone.now()
    Thread.objects.filter(pk=thread.pk).update(post_count=F("post_count") + 1, last_post_at=now)
    thread.refresh_from_db(fields=["post_count", "last_post_at"])
    post = Post.objects.create(
        thread=thread,
        number=thread.post_count,
        author=actor,
        anonymous=anonymous,
        body=body,
        created_at=now,
    )
    if thread.category_id:
        Category.objects.filter(pk=thread.category_id).update(
            post_count=F("post_count") + 1, last_post_at=now
        )
    if thread.group_id:
        Group.objects.filter(pk=thread.group_id).update(last_post_at=now)
    Subscription.objects.get_or_create(thread=thread, user=actor)
    mark_thread_read(actor=actor, thread=thread, until=now)
    search.index_post(post)
    _index_changed()
    return post


@transaction.atomic
def start_thread(
    *,
    actor: User,
    title: str,
    body: str,
    category: Category | None = None,
    group: Group | None = None,
    anonymous: bool = False,
) -> Thread:
    if not permissions.can_use_community(actor):
        raise NotAllowed(_("The forums are for members."))
    if (category is None) == (group is None):
        raise DomainError(_("Please choose where the thread belongs."))
    if group is not None and not permissions.can_start_thread_in_group(actor, group):
        raise NotAllowed(_("Only the group's members can start threads in it."))
    if category is not None and not permissions.can_read_category(actor, category):
        raise NotAllowed(_("This forum is for the members of an organisation."))
    title = _clean(title, limit=140, empty=_("Please give the thread a title."))
    body = _clean(body, limit=10000, empty=_("Please write something."))
    _check_rate(actor, new_thread=True)
    thread = Thread(category=category, group=group, title=title, author=actor)
    thread.anonymous = _anonymous_allowed(thread, anonymous)
    thread.save()
    if category is not None:
        Category.objects.filter(pk=category.pk).update(thread_count=F("thread_count") + 1)
    if group is not None:
        Group.objects.filter(pk=group.pk).update(thread_count=F("thread_count") + 1)
    search.index_thread(thread)
    post = _add_post(actor, thread, body, thread.anonymous)
    text_accepted(author=actor, text=f"{title}\n\n{post.body}", where="forum_post")
    return thread


@transaction.atomic
def reply_to_thread(*, actor: User, thread: Thread, body: str, anonymous: bool = False) -> Post:
    thread = (
        Thread.objects.select_for_update(of=("self",))
        .select_related("category", "group")
        .get(pk=thread.pk)
    )
    locked_out = thread.locked and not permissions.is_forum_moderator(actor)
    if locked_out and permissions.can_read_thread(actor, thread):
        raise DomainError(_("This thread is locked. You can still read it."))
    if not permissions.can_post_in(actor, thread):
        raise NotAllowed(_("You cannot write in this thread."))
    body = _clean(body, limit=10000, empty=_("Please write something."))
    _check_rate(actor, new_thread=False)
    post = _add_post(actor, thread, body, _anonymous_allowed(thread, anonymous))
    text_accepted(author=actor, text=post.body, where="forum_post")
    transaction.on_commit(lambda: _tell_followers_later(post.pk))
    return post


def _tell_followers_later(post_id: int) -> None:
    from ..tasks import tell_followers as task

    task.enqueue(post_id)


def tell_followers(*, post_id: int) -> int:
    """Followers of the thread hear about a new post, unless they wrote it, have a block with
    the writer, or may no longer read the thread. The notice names the thread, never the text."""
    post = Post.objects.select_related("thread__group", "thread__category").get(pk=post_id)
    followers = list(
        User.objects.filter(
            pk__in=Subscription.objects.filter(thread=post.thread_id).values("user_id")
        )
        .exclude(pk=post.author_id or 0)
        .select_related("profile")
    )
    blocks = blocked_ids_of({post.author_id}) if post.author_id else {}
    told = 0
    for follower in followers:
        if follower.pk in blocks.get(post.author_id, set()) if post.author_id else set():
            continue
        if not permissions.can_read_thread(follower, post.thread):
            continue
        notify(follower, "forum_reply", params={"title": post.thread.title}, url=post_url(post))
        told += 1
    return told


@transaction.atomic
def edit_post(*, actor: User, post: Post, body: str) -> Post:
    post = Post.objects.select_for_update().select_related("thread").get(pk=post.pk)
    if not permissions.can_edit_post(actor, post):
        raise NotAllowed(_("You cannot change this post."))
    body = _clean(body, limit=10000, empty=_("Please write something."))
    if body == post.body:
        return post
    PostRevision.objects.create(
        post=post, body=post.body, written_at=post.edited_at or post.created_at, edited_by=actor
    )
    post.body = body
    post.edited_at = timezone.now()
    post.save(update_fields=["body", "edited_at"])
    search.index_post(post)
    text_accepted(author=actor, text=body, where="forum_post")
    return post


@transaction.atomic
def delete_post(*, actor: User, post: Post) -> Post:
    """The writer takes a post back: the thread shows that a post was deleted, so replies keep
    their place. The writer may undo it for ``LIGESIND_UNDO_MINUTES``; then its text, earlier
    versions and reactions are gone for good (``forget_deleted_posts``)."""
    post = Post.objects.select_for_update().select_related("thread").get(pk=post.pk)
    if not permissions.can_delete_post(actor, post):
        raise NotAllowed(_("You cannot delete this post."))
    post.held_body, post.body, post.deleted_at = post.body, "", timezone.now()
    post.recognised_count = post.thanks_count = 0
    post.save(update_fields=["body", "held_body", "deleted_at", "recognised_count", "thanks_count"])
    search.index_post(post)
    forget_deleted_posts(post.deleted_at)
    return post


@transaction.atomic
def undo_delete_post(*, actor: User, post: Post) -> Post:
    post = Post.objects.select_for_update().select_related("thread").get(pk=post.pk)
    if not permissions.can_undo_delete_post(actor, post) or post.held_body is None:
        raise NotAllowed(_("The time to undo has passed: the post is deleted for good."))
    post.body, post.held_body, post.deleted_at = post.held_body, None, None
    kinds = list(post.reactions.values_list("kind", flat=True))
    post.recognised_count = kinds.count(ReactionKind.RECOGNISE)
    post.thanks_count = len(kinds) - post.recognised_count
    post.save(update_fields=["body", "held_body", "deleted_at", "recognised_count", "thanks_count"])
    search.index_post(post)
    return post


def forget_deleted_posts(now: datetime) -> dict[str, int]:
    """Deleted posts past the undo time lose their text, earlier versions and reactions."""
    held = Post.objects.filter(held_body__isnull=False, deleted_at__lt=undo_deadline(now))
    PostRevision.objects.filter(post__in=held).delete()
    Reaction.objects.filter(post__in=held).delete()
    return {"deleted_post_texts": held.update(held_body=None)}


@transaction.atomic
def set_thread_state(
    *, actor: User, thread: Thread, pinned: bool | None = None, locked: bool | None = None
) -> Thread:
    if not permissions.can_moderate_thread(actor, thread):
        raise NotAllowed(_("Only moderators can pin or lock threads."))
    if pinned is not None:
        thread.pinned = pinned
    if locked is not None:
        thread.locked = locked
    thread.save(update_fields=["pinned", "locked"])
    return thread


@transaction.atomic
def toggle_reaction(*, actor: User, post: Post, kind: str) -> bool:
    """Say "I recognise this" or "thank you" on someone else's post, or take it back.
    Returns whether the reaction is there now."""
    if kind not in ReactionKind.values:
        raise DomainError(_("Please choose a reaction."))
    if post.author_id == actor.pk:
        raise DomainError(_("You cannot react to your own post."))
    if not permissions.can_react(actor, post):
        raise NotAllowed(_("You cannot react to this post."))
    counter = "recognised_count" if kind == ReactionKind.RECOGNISE else "thanks_count"
    removed, _details = Reaction.objects.filter(post=post, user=actor, kind=kind).delete()
    if removed:
        Post.objects.filter(pk=post.pk).update(**{counter: F(counter) - 1})
        return False
    try:
        with transaction.atomic():
            Reaction.objects.create(post=post, user=actor, kind=kind)
    except IntegrityError:
        return True  # the same click twice at once
    Post.objects.filter(pk=post.pk).update(**{counter: F(counter) + 1})
    return True


@transaction.atomic
def follow_thread(*, actor: User, thread: Thread, follow: bool) -> None:
    if not permissions.can_read_thread(actor, thread):
        raise NotAllowed(_("You cannot follow this thread."))
    if follow:
        Subscription.objects.get_or_create(thread=thread, user=actor)
    else:
        Subscription.objects.filter(thread=thread, user=actor).delete()


def mark_thread_read(*, actor: User, thread: Thread, until: datetime) -> None:
    """Posts up to ``until`` are read (one upsert)."""
    ThreadRead.objects.bulk_create(
        [ThreadRead(thread=thread, user=actor, read_at=until)],
        update_conflicts=True,
        unique_fields=["user", "thread"],
        update_fields=["read_at"],
    )


def set_post_hidden(*, post: Post, hidden: bool) -> None:
    """A moderator's decision (through the safety app's reports)."""
    post.hidden_at = timezone.now() if hidden else None
    post.save(update_fields=["hidden_at"])
    _index_changed()
    if post.number == 1:
        Thread.objects.filter(pk=post.thread_id).update(hidden_at=post.hidden_at)


def quoted(*, viewer: User, post: Post) -> str:
    """The text a reply starts with when quoting ``post``: who wrote it (as the viewer may see
    it) and the text as a Markdown quote."""
    if post.deleted_at is not None:
        return ""
    if permissions.can_see_author(viewer, post) and not post.anonymous:
        who = display_alias(post.author)
    else:
        who = _("anonymous member")
    lines = "\n".join(f"> {line}" for line in post.body.splitlines())
    return _("%(name)s wrote:") % {"name": who} + f"\n{lines}\n\n"
