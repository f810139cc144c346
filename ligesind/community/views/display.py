"""What list and thread pages show per row, prepared in Python once per request.

A page of 30 threads or 20 posts would otherwise run hundreds of template tags (a URL, a
translation, a date per row); building the strings here keeps a page cheap to render.
"""

from dataclasses import dataclass, field
from typing import Any

from django.urls import reverse
from django.utils import formats, timezone
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from ligesind.core.markdown import render_markdown
from ligesind.core.privacy import display_alias

from .. import permissions
from ..models import Post, Thread


def _when(value: Any, style: str) -> tuple[str, str]:
    local = timezone.localtime(value)
    return local.isoformat(), formats.date_format(local, style)


class Links:
    """URL patterns reversed once per request, then filled in per row."""

    def __init__(self, *names: str) -> None:
        self.patterns = {name: reverse(f"community:{name}", args=[987654321]) for name in names}

    def __call__(self, name: str, pk: int) -> str:
        return self.patterns[name].replace("987654321", str(pk))


@dataclass
class ThreadRow:
    thread: Thread
    url: str
    by: str
    posts: str
    iso: str
    when: str


def thread_rows(threads: list[Thread]) -> list[ThreadRow]:
    links = Links("thread")
    rows = []
    for thread in threads:
        by = _("anonymous member") if thread.anonymous else display_alias(thread.author)
        iso, when = _when(thread.last_post_at, "j. M H:i")
        posts = ngettext("%(counter)s post", "%(counter)s posts", thread.post_count) % {
            "counter": thread.post_count
        }
        rows.append(ThreadRow(thread, links("thread", thread.pk), by, posts, iso, when))
    return rows


def author_name(viewer: Any, post: Post) -> str:
    if not post.anonymous:
        return display_alias(post.author)
    if post.author_id == viewer.pk:
        return _("anonymous member (you)")
    if permissions.can_see_author(viewer, post):
        return _("anonymous member (%(alias)s)") % {"alias": display_alias(post.author)}
    return _("anonymous member")


@dataclass
class ShownPost:
    post: Post
    author: str
    html: SafeString
    can_edit: bool
    reacted: set[str]
    iso: str = ""
    when: str = ""
    urls: dict[str, str] = field(default_factory=dict)


def shown_posts(viewer: Any, posts: list[Post], reacted: dict[int, set[str]]) -> list[ShownPost]:
    links = Links("react", "edit_post", "history", "delete_post")
    report = reverse("safety:report", args=["post", 987654321])
    shown = []
    for post in posts:
        iso, when = _when(post.created_at, "j. M Y H:i")
        shown.append(
            ShownPost(
                post=post,
                author=author_name(viewer, post),
                html=render_markdown(post.body),
                can_edit=permissions.can_edit_post(viewer, post),
                reacted=reacted.get(post.pk, set()),
                iso=iso,
                when=when,
                urls={
                    "react": links("react", post.pk),
                    "edit": links("edit_post", post.pk),
                    "history": links("history", post.pk),
                    "delete": links("delete_post", post.pk),
                    "report": report.replace("987654321", str(post.pk)),
                },
            )
        )
    return shown


def labels() -> dict[str, str]:
    """Words that repeat on every row, translated once per page."""
    return {
        "new": pgettext("unread thread", "new"),
        "pinned": _("pinned"),
        "locked": _("locked"),
        "latest": _("latest"),
        "recognise": _("I recognise this"),
        "thanks": _("Thank you"),
        "quote": _("Quote"),
        "edit": _("Edit"),
        "history": _("History"),
        "report": _("Report"),
        "edited": _("edited"),
        "delete": _("Delete"),
        "deleted": _("This post was deleted by its writer."),
        "hidden": _("hidden by a moderator"),
    }
