"""What list and thread pages show per row, prepared in Python once per request.

A page of 30 threads or 20 posts would otherwise run hundreds of template tags (a URL, a
translation, a date per row); building the strings here keeps a page cheap to render.
"""

from dataclasses import dataclass, field
from typing import Any

from django.urls import reverse
from django.utils import formats, timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from ligesind.core.markdown import render_markdown
from ligesind.core.privacy import display_alias

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


def thread_rows(threads: list[Thread]) -> list[SafeString]:
    """A list's rows as HTML, built here (thirty rows of template tags cost more than the rest
    of the page). Titles and aliases are escaped by format_html."""
    links = Links("thread")
    words = labels()
    rows = []
    for thread in threads:
        by = _("anonymous member") if thread.anonymous else display_alias(thread.author)
        iso, when = _when(thread.last_post_at, "j. M H:i")
        posts = ngettext("%(counter)s post", "%(counter)s posts", thread.post_count) % {
            "counter": thread.post_count
        }
        read = getattr(thread, "is_read", True)
        marks = format_html_join(
            "", '<span class="{}">{}</span> ',
            [("badge", words["new"])] * (not read)
            + [("tag", words["pinned"])] * thread.pinned
            + [("tag", words["locked"])] * thread.locked,
        )  # fmt: skip
        rows.append(
            format_html(
                '<li{}>{}<a href="{}">{}</a><p class="help">{} · {} · {} '
                '<time datetime="{}">{}</time></p></li>\n',
                mark_safe(' class="unread"') if not read else "",  # noqa: S308 - a constant
                marks,
                links("thread", thread.pk),
                thread.title,
                by,
                posts,
                words["latest"],
                iso,
                when,
            )  # fmt: skip
        )
    return rows


def author_name(viewer: Any, post: Post) -> str:
    if not post.anonymous:
        return display_alias(post.author)
    if post.author_id == viewer.pk:
        return _("anonymous member (you)")
    if viewer_is_moderator(viewer):
        return _("anonymous member (%(alias)s)") % {"alias": display_alias(post.author)}
    return _("anonymous member")


def viewer_is_moderator(viewer: Any) -> bool:
    from .. import permissions

    return permissions.is_forum_moderator(viewer)


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


def shown_posts(
    viewer: Any, posts: list[Post], reacted: dict[int, set[str]], *, moderator: bool
) -> list[ShownPost]:
    links = Links("react", "edit_post", "history")
    report = reverse("safety:report", args=["post", 987654321])
    shown = []
    for post in posts:
        iso, when = _when(post.created_at, "j. M Y H:i")
        shown.append(
            ShownPost(
                post=post,
                author=author_name(viewer, post),
                html=render_markdown(post.body),
                can_edit=moderator
                or (
                    post.author_id == viewer.pk
                    and post.hidden_at is None
                    and not post.thread.locked
                ),
                reacted=reacted.get(post.pk, set()),
                iso=iso,
                when=when,
                urls={
                    "react": links("react", post.pk),
                    "edit": links("edit_post", post.pk),
                    "history": links("history", post.pk),
                    "report": report.replace("987654321", str(post.pk)),
                },
            )
        )
    return shown


@dataclass
class PostPage:
    """What every post on one thread page shares."""

    viewer_id: int | None
    can_reply: bool
    moderator: bool
    reply_url: str
    back: str  # the page's path, for "report" to come back to
    csrf_token: str
    words: dict[str, str]


def _pressed(on: bool) -> str:
    return "true" if on else "false"


def post_html(item: ShownPost, page: PostPage) -> SafeString:
    """One post as HTML, built here rather than in the template: twenty of them are most of a
    thread page's rendering time. Everything from members goes through format_html (escaped)
    or render_markdown (sanitised)."""
    post, words = item.post, page.words
    number = post.number
    marks = format_html_join(
        "", ' · <span class="tag">{}</span>',
        [(words["edited"],)] * bool(post.edited_at) + [(words["hidden"],)] * bool(post.hidden_at),
    )  # fmt: skip
    if post.author_id != page.viewer_id:
        count_r = f" ({post.recognised_count})" if post.recognised_count else ""
        count_t = f" ({post.thanks_count})" if post.thanks_count else ""
        reactions = format_html(
            '<form method="post" action="{}" class="inline">'
            '<input type="hidden" name="csrfmiddlewaretoken" value="{}">'
            '<button class="button button-quiet" name="kind" value="recognise" '
            'aria-pressed="{}">{}{}</button> '
            '<button class="button button-quiet" name="kind" value="thanks" '
            'aria-pressed="{}">{}{}</button></form>',
            item.urls["react"], page.csrf_token,
            _pressed("recognise" in item.reacted), words["recognise"], count_r,
            _pressed("thanks" in item.reacted), words["thanks"], count_t,
        )  # fmt: skip
    else:
        said = []
        if post.recognised_count:
            said.append(
                ngettext("%(counter)s recognises this", "%(counter)s recognise this",
                         post.recognised_count) % {"counter": post.recognised_count}
            )  # fmt: skip
        if post.thanks_count:
            said.append(
                ngettext("%(counter)s thank you", "%(counter)s thank yous", post.thanks_count)
                % {"counter": post.thanks_count}
            )
        reactions = format_html('<span class="help">{}</span>', " · ".join(said))
    links = []
    if page.can_reply:
        links.append((f"{page.reply_url}?quote={post.pk}", words["quote"]))
    if item.can_edit:
        links.append((item.urls["edit"], words["edit"]))
    if page.moderator and post.edited_at:
        links.append((item.urls["history"], words["history"]))
    if post.author_id != page.viewer_id:
        links.append((f"{item.urls['report']}?next={page.back}", words["report"]))
    return format_html(
        '<li class="post" id="post-{}"><article aria-labelledby="post-{}-by">'
        '<p class="help" id="post-{}-by"><strong>{}</strong> · '
        '<time datetime="{}">{}</time>{}</p>'
        '<div class="post-body">{}</div>'
        '<div class="post-actions">{} {}</div></article></li>\n',
        number, number, number, item.author, item.iso, item.when, marks, item.html, reactions,
        format_html_join(" ", '<a href="{}">{}</a>', links),
    )  # fmt: skip


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
        "hidden": _("hidden by a moderator"),
    }
