"""Pages of threads: a category's (prepared once per kind of reader), and any other list."""

from typing import Any

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.db.models import Count, Exists, OuterRef, QuerySet, Subquery

from ligesind.accounts.models import Profile, User
from ligesind.core.fast.prepared import PreparedQuery

from .. import permissions
from ..models import Thread, ThreadRead

THREAD_ROW_FIELDS = ("pk", "title", "anonymous", "pinned", "locked", "last_post_at", "post_count")
NEWEST_FIRST = ("-pinned", "-last_post_at", "-pk")
PREPARED_PAGES = 5  # a category's first pages are prepared; later ones are built each time


def _rows(threads: QuerySet[Thread], viewer_pk: int) -> QuerySet[Thread, dict[str, Any]]:
    """Plain rows (display.thread_items): the writer's alias as a column, read or unread."""
    read = ThreadRead.objects.filter(
        thread=OuterRef("pk"), user_id=viewer_pk, read_at__gte=OuterRef("last_post_at")
    )
    return threads.values(
        *THREAD_ROW_FIELDS, author_alias=writer_alias(), is_read=Exists(read)
    ).order_by(*NEWEST_FIRST)


def writer_alias() -> Subquery:
    """The writer's alias, looked up by their id (a join through users made PostgreSQL hash
    every user for one page)."""
    return Subquery(Profile.objects.filter(user_id=OuterRef("author_id")).values("alias")[:1])


def thread_rows(viewer: User, threads: QuerySet[Thread], number: Any, *, in_groups: bool) -> Page:
    """A page of threads the viewer may read, pinned first, each marked read or unread."""
    readable = threads.filter(permissions.readable_threads_q(viewer, in_groups=in_groups))
    paginator = Paginator(_rows(readable, viewer.pk), settings.LIGESIND_THREADS_PER_PAGE)
    return paginator.get_page(number)


def _category_rows(
    category_pk: int,
    viewer_pk: int,
    *,
    moderator: bool,
    blocked: tuple[int, ...],
    offset: int,
    limit: int,
) -> QuerySet[Thread, dict[str, Any]]:
    """One page of a category's rows, each with the number of rows in all (``total``)."""
    readable = Thread.objects.filter(
        permissions.threads_q_for(
            viewer_pk, moderator=moderator, blocked=frozenset(blocked), groups=None
        ),
        category_id=category_pk,
    )
    total = readable.order_by().values("category").annotate(n=Count("*")).values("n")
    return _rows(readable, viewer_pk).annotate(total=Subquery(total))[offset : offset + limit]


category_rows = PreparedQuery(_category_rows, arity=2)


def category_page(viewer: User, category_pk: int, number: Any) -> Page:
    """``thread_rows`` for a category, in one query that is built once per process for each
    kind of reader (moderator or not, whom they block or are blocked by) and page."""
    per_page = settings.LIGESIND_THREADS_PER_PAGE
    try:
        wanted = int(number or 1)
    except (TypeError, ValueError):
        wanted = 1
    if not 1 <= wanted <= PREPARED_PAGES:
        threads = Thread.objects.filter(category_id=category_pk)
        return thread_rows(viewer, threads, number, in_groups=False)
    kind: dict[str, Any] = {
        "moderator": permissions.is_forum_moderator(viewer),
        "blocked": tuple(sorted(permissions.blocked_ids(viewer))),
        "limit": per_page,
    }
    rows = category_rows.rows(category_pk, viewer.pk, offset=(wanted - 1) * per_page, **kind)
    if not rows and wanted > 1:  # past the end: the last page, as Paginator.get_page does
        first = category_rows.rows(category_pk, viewer.pk, offset=0, **kind)
        last = Paginator(range(first[0]["total"] if first else 0), per_page).num_pages
        return category_page(viewer, category_pk, min(last, wanted - 1))
    paginator = Paginator(range(rows[0]["total"] if rows else 0), per_page)
    return Page(rows, wanted, paginator)
