"""The rows of thread lists and thread pages, written as HTML here rather than in a template.

A page of 30 threads or 20 posts run through the template engine cost more than everything
else on the page together (a few hundred tags per page; bench/forum.py). Here each row is one
string built from escaped values; the markup is what ``_threads.html`` and ``thread.html``
held before. Every value from a member goes through ``escape``; post bodies are already
sanitised HTML (``render_markdown``).
"""

from html import escape
from typing import Any
from urllib.parse import quote

from django.urls import reverse
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, ngettext, pgettext
from django.utils.translation import gettext as _

from ligesind.core.look import avatar_html
from ligesind.core.markdown import render_markdown
from ligesind.core.per_language import per_language
from ligesind.core.privacy import shown_alias
from ligesind.core.remembered import remembered

from .. import permissions
from ..models import Post, ReactionKind

UNREAD = ' class="unread"'
RECOGNISE, THANKS = ReactionKind.RECOGNISE.value, ReactionKind.THANKS.value


# Post bodies as HTML, kept for the 256 most recently shown ones: a busy thread's posts are shown
# again and again, and Markdown with sanitising costs more than the rest of a post's row.
# The text itself is the key, so an edited post is never shown as it was.
cooked = remembered(256)(render_markdown)


@per_language
def _months() -> dict[int, str]:
    return {number: str(name) for number, name in MONTHS.items()}


class Dates:
    """Django's "j. E H:i" and "j. E Y H:i": the month in full, as on every other page."""

    def __init__(self) -> None:
        self.zone = timezone.get_current_timezone()
        self.language = get_language()

    def __call__(self, value: Any, *, year: bool) -> str:
        return _time_tag(value, year, self.zone, self.language)


@remembered(2048)
def _time_tag(value: Any, year: bool, zone: Any, language: str | None) -> str:
    """Kept for the dates shown most recently (the same posts are shown again and again);
    ``language`` is the active one, so the month names are right for the key."""
    local = value.astimezone(zone)  # timezone.localtime, with the zone looked up once
    day = f"{local.day}. {_months()[local.month]}"
    clock = f"{local.hour:02d}:{local.minute:02d}"
    when = f"{day} {local.year} {clock}" if year else f"{day} {clock}"
    return f'<time datetime="{local.isoformat()}">{when}</time>'


@per_language
def _link_patterns() -> dict[str, str]:
    names = ("thread", "react", "edit_post", "history", "delete_post", "undo_delete_post")
    patterns = {name: reverse(f"community:{name}", args=[987654321]) for name in names}
    patterns["report"] = reverse("safety:report", args=["post", 987654321])
    return patterns


class Links:
    """Rows' addresses: the patterns reversed once per language, each row's key filled in."""

    def __init__(self) -> None:
        self.patterns = _link_patterns()

    def __call__(self, name: str, pk: int) -> str:
        return self.patterns[name].replace("987654321", str(pk))


@remembered(1024)
def _post_count(language: str | None, count: int) -> str:
    """ "12 posts" in the active language, which is ``language`` (the key of what is kept)."""
    return ngettext("%(counter)s post", "%(counter)s posts", count) % {"counter": count}


def thread_items(threads: list[dict[str, Any]]) -> SafeString:
    """The ``<li>`` of each thread row (``lists.thread_rows``): unread, pinned and locked
    tags, title, writer, posts."""
    link, dates, words = Links(), Dates(), labels()
    new = f'<span class="tag tag-new">{words["new"]}</span> '
    pinned = f'<span class="tag">{words["pinned"]}</span> '
    locked = f'<span class="tag">{words["locked"]}</span> '
    anonymous, language = _("anonymous member"), get_language()
    items = []
    for thread in threads:
        unread = not thread["is_read"]
        by = anonymous if thread["anonymous"] else shown_alias(thread["author_alias"])
        posts = _post_count(language, thread["post_count"])
        items.append(
            f"<li{UNREAD if unread else ''}>\n"
            f"    {new if unread else ''}{pinned if thread['pinned'] else ''}"
            f"{locked if thread['locked'] else ''}\n"
            f'    <a href="{link("thread", thread["pk"])}">{escape(thread["title"])}</a>\n'
            f'    <p class="help">{escape(by)} · {posts} · {words["latest"]} '
            f"{dates(thread['last_post_at'], year=False)}</p>\n  </li>"
        )
    return mark_safe("\n  ".join(items))  # noqa: S308 - every value escaped above


def author_name(viewer: Any, post: Post) -> str:
    """``post.author_alias`` is loaded with the post (``forums.posts_between``)."""
    alias = shown_alias(post.author_alias)  # type: ignore[attr-defined]
    if not post.anonymous:
        return alias
    if post.author_id == viewer.pk:
        return _("anonymous member (you)")
    if permissions.can_see_author(viewer, post):
        return _("anonymous member (%(alias)s)") % {"alias": alias}
    return _("anonymous member")


class PostItems:
    """The ``<li>`` of each post on a thread page, for one viewer."""

    def __init__(self, viewer: Any, *, csrf_token: str, reply_url: str | None, path: str) -> None:
        self.viewer = viewer
        self.moderator = permissions.is_forum_moderator(viewer)
        self.csrf = escape(csrf_token)
        self.reply_url = reply_url  # None: the viewer may not reply (no quote links)
        self.next = quote(path, safe="/")
        self.link, self.dates, self.words = Links(), Dates(), labels()

    def __call__(self, posts: list[Post], reacted: dict[int, set[str]]) -> SafeString:
        return mark_safe("\n".join(self.item(p, reacted.get(p.pk, set())) for p in posts))  # noqa: S308 - built from escaped values

    def item(self, post: Post, reacted: set[str]) -> str:
        words, n, name = self.words, post.number, author_name(self.viewer, post)
        tags = f' · <span class="tag">{words["edited"]}</span>' if post.edited_at else ""
        if post.hidden_at:
            tags += f' · <span class="tag">{words["hidden"]}</span>'
        if post.deleted_at and permissions.can_undo_delete_post(self.viewer, post):
            body = (
                f'<form method="post" action="{self.link("undo_delete_post", post.pk)}">'
                f'<input type="hidden" name="csrfmiddlewaretoken" value="{self.csrf}">'
                f'<p class="help"><em>{words["you_deleted"]}</em> '
                f'<button type="submit" class="link-button">{words["undo"]}</button></p></form>'
            )
        elif post.deleted_at:
            body = f'<p class="help">{words["deleted"]}</p>'
        else:
            body = (
                f'\n    <div class="post-body">{cooked(post.body)}</div>\n'
                f'    <div class="post-actions">\n      {self.actions(post, reacted)}\n    </div>'
            )
        return (
            f'<li class="post" id="post-{n}">\n'
            f'  <article aria-labelledby="post-{n}-by">\n'
            f'    <p class="help post-by" id="post-{n}-by">{self.face(post, name)}'
            f"<strong>{escape(name)}"
            f"</strong> · {self.dates(post.created_at, year=True)}{tags}</p>\n"
            f"    {body}\n  </article>\n</li>"
        )

    @staticmethod
    def face(post: Post, name: str) -> str:
        """Initials in the writer's colour; a plain figure when anonymous or deleted."""
        named = not post.anonymous and post.author_id is not None
        return avatar_html(name if named else None)

    def actions(self, post: Post, reacted: set[str]) -> str:
        words, own = self.words, post.author_id == self.viewer.pk
        parts = [self.counts(post) if own else self.reactions(post, reacted)]
        if self.reply_url is not None:
            parts.append(f'<a href="{self.reply_url}?quote={post.pk}">{words["quote"]}</a>')
        if permissions.can_edit_post(self.viewer, post):
            parts.append(f'<a href="{self.link("edit_post", post.pk)}">{words["edit"]}</a>')
        if self.moderator and post.edited_at:
            parts.append(f'<a href="{self.link("history", post.pk)}">{words["history"]}</a>')
        if own:
            parts.append(f'<a href="{self.link("delete_post", post.pk)}">{words["delete"]}</a>')
        else:
            report = self.link("report", post.pk)
            parts.append(f'<a href="{report}?next={self.next}">{words["report"]}</a>')
        return "\n      ".join(parts)

    def reactions(self, post: Post, reacted: set[str]) -> str:
        buttons = []
        for kind, label, count in (
            (RECOGNISE, self.words["recognise"], post.recognised_count),
            (THANKS, self.words["thanks"], post.thanks_count),
        ):
            pressed = "true" if kind in reacted else "false"
            shown = f"{label} ({count})" if count else label
            buttons.append(
                f'<button class="button button-quiet" name="kind" value="{kind}" '
                f'aria-pressed="{pressed}">{shown}</button>'
            )
        return (
            f'<form method="post" action="{self.link("react", post.pk)}" class="inline">'
            f'<input type="hidden" name="csrfmiddlewaretoken" value="{self.csrf}">\n        '
            + "\n        ".join(buttons)
            + "\n      </form>"
        )

    @staticmethod
    def counts(post: Post) -> str:
        """What a writer sees under their own post: how many recognise it and thank them."""
        said = []
        if post.recognised_count:
            said.append(
                ngettext(
                    "%(counter)s recognises this",
                    "%(counter)s recognise this",
                    post.recognised_count,
                )
                % {"counter": post.recognised_count}
            )
        if post.thanks_count:
            said.append(
                ngettext("%(counter)s thank you", "%(counter)s thank yous", post.thanks_count)
                % {"counter": post.thanks_count}
            )
        return f'<span class="help">{" · ".join(said)}</span>'


@per_language
def labels() -> dict[str, str]:
    """Words that repeat on every row, translated and escaped."""
    return {
        key: escape(str(text))
        for key, text in {
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
            "you_deleted": _("You deleted this post."),
            "undo": _("Undo the deletion"),
            "hidden": _("hidden by a moderator"),
        }.items()
    }
