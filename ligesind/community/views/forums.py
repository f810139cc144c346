"""Forum pages: the category list, a category's threads, a thread, writing and moderating."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ligesind.accounts.models import User
from ligesind.core.errors import DomainError
from ligesind.core.fast.kept import render_kept
from ligesind.core.fast.prepared import PreparedQuery
from ligesind.core.links import link
from ligesind.core.pager import pager_html
from ligesind.core.per_language import language_key, per_language
from ligesind.core.remembered import remembered
from ligesind.organisations.models import Organisation

from .. import permissions, services
from ..forms import EditForm, PostForm, ThreadForm
from ..models import Category, Group, Post, Reaction, ReactionKind, Thread
from .access import member, readable_post, readable_thread
from .display import PostItems, thread_items
from .lists import category_page, thread_rows, writer_alias


def _period() -> int:
    """Changes every ten minutes: what is kept per worker about categories is made again at
    least that often (a category edited in the admin does not change the index version)."""
    return int(time.time() // 600)


@remembered(16)
def categories_html(language: object, can_use: bool, version: int, period: int) -> str:
    """The category list with its figures, rendered once per worker for each version of the
    figures (``services.index_version``), language and kind of reader, and ``_period``."""
    return render_to_string(
        "community/_categories.html",
        {"categories": Category.objects.select_related("organisation"), "can_use": can_use},
    )


def index(request: HttpRequest) -> HttpResponse:
    """Everyone sees the categories; members also their groups' way in and the search box."""
    can_use = permissions.can_use_community(request.user)
    return render(
        request,
        "community/index.html",
        {
            "categories": categories_html(
                language_key(), can_use, services.index_version(), _period()
            ),
            "can_use": can_use,
        },
    )


# A thread page shows the writer's alias only, loaded as a column (as lists do): users and
# profiles made for each post cost more than the rest of the page.
POST_FIELDS = (
    "thread", "number", "anonymous", "body", "created_at", "edited_at", "hidden_at", "deleted_at",
    "recognised_count", "thanks_count", "author",
)  # fmt: skip


category_by_slug = PreparedQuery(lambda slug: Category.objects.filter(slug=slug), kinds=(str,))


@remembered(4)
def known_categories(version: int, period: int) -> dict[str, Category]:
    """All categories by slug, kept like the index's list (``categories_html``): a handful of
    rows that change in the admin, if ever."""
    return {place.slug: place for place in Category.objects.all()}


@login_required
def category(request: HttpRequest, slug: str) -> HttpResponse:
    viewer = member(request)
    known = known_categories(services.index_version(), _period())
    place = known.get(slug) or category_by_slug.first(slug)  # a new one: from the database
    if place is None:
        raise Http404
    if not permissions.can_read_category(viewer, place):
        return kept_category(request, place)
    page = category_page(viewer, place.pk, request.GET.get("page"))
    return render(
        request,
        "community/category.html",
        {
            "category": place,
            "page": page,
            "rows": thread_items(list(page.object_list)),
        },
    )


def kept_category(request: HttpRequest, place: Category) -> HttpResponse:
    """A category kept to an organisation's members: to others, a page that says whose it is
    and how to join (as a group's page does for those outside it), with none of its threads."""
    organisation = get_object_or_404(Organisation, pk=place.organisation_id or 0)
    return render(
        request,
        "community/category_kept.html",
        {"category": place, "organisation": organisation},
    )


@login_required
def following(request: HttpRequest) -> HttpResponse:
    """The threads I follow, newest activity first, unread ones marked."""
    viewer = member(request)
    followed = Thread.objects.filter(subscriptions__user=viewer)
    page = thread_rows(viewer, followed, request.GET.get("page"), in_groups=True)
    return render(
        request,
        "community/following.html",
        {"page": page, "rows": thread_items(list(page.object_list))},
    )


def _posts_between(thread_pk: int, after: int, until: int, viewer_pk: int) -> QuerySet[Post]:
    """Posts numbered after < n <= until, each with the viewer's own reactions."""
    mine = Reaction.objects.filter(post=OuterRef("pk"), user_id=viewer_pk)
    return (
        Post.objects.filter(thread_id=thread_pk, number__gt=after, number__lte=until)
        .only(*POST_FIELDS)
        .annotate(
            author_alias=writer_alias(),
            **{f"my_{k.value}": Exists(mine.filter(kind=k.value)) for k in ReactionKind},
        )
        .order_by("number")
    )


posts_between = PreparedQuery(_posts_between, arity=4)
# Each reaction kind and the annotation saying whether the viewer gave it (plain strings: the
# enum's attribute lookups showed up on a 20-post page).
_MINE = tuple((kind.value, f"my_{kind.value}") for kind in ReactionKind)
_POST_THREAD = Post._meta.get_field("thread")


def _post_page(request: HttpRequest, thread: Thread) -> HttpResponse:
    """Page n holds posts numbered (n-1)*20+1 … n*20, so a post's address never moves; posts
    hidden from this viewer leave their page a little shorter."""
    viewer = member(request)
    per_page = settings.LIGESIND_POSTS_PER_PAGE
    page = Paginator(range(thread.post_count), per_page).get_page(request.GET.get("page"))
    first = (page.number - 1) * per_page
    on_page = [
        post
        for post in posts_between.rows(thread.pk, first, first + per_page, viewer.pk)
        if permissions.is_post_shown(viewer, post)
    ]
    reacted = {p.pk: {kind for kind, mine in _MINE if getattr(p, mine)} for p in on_page}
    for post in on_page:  # the thread is this one: cached as Django caches a loaded relation
        _POST_THREAD.set_cached_value(post, thread)
    newest = max((p.created_at for p in on_page), default=None)
    if newest and (thread.read_at is None or newest > thread.read_at):  # type: ignore[attr-defined]
        services.mark_thread_read(actor=viewer, thread=thread, until=newest)
    can_reply = permissions.can_post_in(viewer, thread)
    can_moderate = permissions.can_moderate_thread(viewer, thread)
    reply_url = link("community:reply", thread.pk)
    token = get_token(request)  # one masked token for the page's forms and its own tags
    items = PostItems(
        viewer,
        csrf_token=token,
        reply_url=reply_url if can_reply else None,
        path=request.path,
    )
    if thread.category is not None:
        place = (link("community:category", thread.category.slug), _(thread.category.name))
    else:
        place = (link("community:group", thread.group_id), thread.group.name)  # type: ignore[union-attr,arg-type]
    facts = {
        "pinned": thread.pinned,
        "locked": thread.locked,
        "hidden": thread.hidden_at is not None,
        "following": bool(thread.following),  # type: ignore[attr-defined]
        "can_moderate": can_moderate,
        "can_reply": can_reply,
    }
    values = {
        "place_url": place[0],
        "place_name": place[1],
        "title": thread.title,
        "csrf_token": token,
        "follow_url": link("community:follow", thread.pk),
        "moderate_url": link("community:moderate_thread", thread.pk) if can_moderate else "",
        "reply_url": reply_url if can_reply else "",
        "posts": items(on_page, reacted),
        "pager": pager_html(page),
        "reply_fields": _reply_fields()[_anonymous_here(thread)] if can_reply else "",
    }
    return render(
        request,
        "community/thread.html",
        {"thread": thread, "body": render_kept("community/_thread_body.html", facts, values)},
    )


@per_language
def _reply_fields() -> dict[bool, str]:
    """The thread page's empty reply form is the same for everybody: rendered once per language
    (with and without the choice to post anonymously)."""
    return {
        anonymous: render_to_string(
            "community/_reply_fields.html", {"form": PostForm(allow_anonymous=anonymous)}
        )
        for anonymous in (False, True)
    }


def _anonymous_here(thread: Thread) -> bool:
    return thread.category is not None and thread.category.allows_anonymous


@login_required
def thread(request: HttpRequest, pk: int) -> HttpResponse:
    return _post_page(request, readable_thread(request, pk))


@login_required
def new_thread(request: HttpRequest, slug: str) -> HttpResponse:
    place = get_object_or_404(Category, slug=slug)
    viewer = member(request)
    if not permissions.can_read_category(viewer, place):
        return kept_category(request, place)
    return thread_form_page(request, viewer, category=place)


def thread_form_page(
    request: HttpRequest,
    actor: User,
    *,
    category: Category | None = None,
    group: Group | None = None,
) -> HttpResponse:
    """Start a thread in a category or a group (the form page and its answer)."""
    anonymous_allowed = category is not None and category.allows_anonymous
    form = ThreadForm(request.POST or None, allow_anonymous=anonymous_allowed)
    if request.method == "POST" and form.is_valid():
        try:
            started = services.start_thread(
                actor=actor,
                category=category,
                group=group,
                title=form.cleaned_data["title"],
                body=form.cleaned_data["body"],
                anonymous=form.cleaned_data.get("anonymous", False),
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            return redirect("community:thread", started.pk)
    context = {"form": form, "category": category, "group": group}
    return render(request, "community/thread_form.html", context)


@login_required
def reply(request: HttpRequest, pk: int) -> HttpResponse:
    topic = readable_thread(request, pk)
    actor = member(request)
    if not permissions.can_post_in(actor, topic):
        raise PermissionDenied
    initial = {}
    if request.GET.get("quote", "").isdigit():
        source = readable_post(request, int(request.GET["quote"]))
        if source.thread_id == topic.pk:
            initial["body"] = services.quoted(viewer=actor, post=source)
    form = PostForm(request.POST or None, initial=initial, allow_anonymous=_anonymous_here(topic))
    if request.method == "POST" and form.is_valid():
        try:
            post = services.reply_to_thread(
                actor=actor,
                thread=topic,
                body=form.cleaned_data["body"],
                anonymous=form.cleaned_data.get("anonymous", False),
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            return redirect(services.post_url(post))
    return render(request, "community/reply.html", {"form": form, "thread": topic})


@login_required
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    post = readable_post(request, pk)
    actor = member(request)
    if not permissions.can_edit_post(actor, post):
        raise PermissionDenied
    form = EditForm(request.POST or None, initial={"body": post.body})
    if request.method == "POST" and form.is_valid():
        try:
            post = services.edit_post(actor=actor, post=post, body=form.cleaned_data["body"])
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Your changes are saved. The post is marked as edited."))
            return redirect(services.post_url(post))
    return render(request, "community/edit.html", {"form": form, "post": post})


@login_required
def delete(request: HttpRequest, pk: int) -> HttpResponse:
    post = readable_post(request, pk)
    actor = member(request)
    if not permissions.can_delete_post(actor, post):
        raise PermissionDenied
    if request.method == "POST":
        services.delete_post(actor=actor, post=post)
        messages.success(
            request,
            _("Your post is deleted. You can undo it for %(minutes)s minutes, where it was.")
            % {"minutes": settings.LIGESIND_UNDO_MINUTES},
        )
        return redirect(services.post_url(post))
    return render(
        request,
        "community/delete.html",
        {"post": post, "undo_minutes": settings.LIGESIND_UNDO_MINUTES},
    )


@login_required
@require_POST
def undo_delete(request: HttpRequest, pk: int) -> HttpResponse:
    post, actor = readable_post(request, pk), member(request)
    if post.author_id != actor.pk:  # only the writer has anything to undo
        raise PermissionDenied
    try:
        services.undo_delete_post(actor=actor, post=post)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Your post is back."))
    return redirect(services.post_url(post))


@login_required
def history(request: HttpRequest, pk: int) -> HttpResponse:
    post = readable_post(request, pk)
    if not permissions.can_read_history(request.user, post):
        raise Http404
    return render(
        request,
        "community/history.html",
        {"post": post, "revisions": post.revisions.select_related("edited_by__profile")},
    )


def _back_to(post: Post) -> HttpResponse:
    return redirect(services.post_url(post))


@login_required
@require_POST
def react(request: HttpRequest, pk: int) -> HttpResponse:
    post = readable_post(request, pk)
    try:
        services.toggle_reaction(
            actor=member(request), post=post, kind=request.POST.get("kind", "")
        )
    except DomainError as error:
        messages.error(request, error.message)
    return _back_to(post)


@login_required
@require_POST
def follow(request: HttpRequest, pk: int) -> HttpResponse:
    topic = readable_thread(request, pk)
    wanted = request.POST.get("follow") == "1"
    services.follow_thread(actor=member(request), thread=topic, follow=wanted)
    if wanted:
        messages.success(request, _("You follow this thread and will hear about new posts."))
    else:
        messages.success(request, _("You no longer follow this thread."))
    return redirect("community:thread", topic.pk)


@login_required
@require_POST
def moderate_thread(request: HttpRequest, pk: int) -> HttpResponse:
    topic = readable_thread(request, pk)
    if not permissions.can_moderate_thread(request.user, topic):
        raise PermissionDenied
    change = request.POST.get("change", "")
    states = {
        "pin": {"pinned": True},
        "unpin": {"pinned": False},
        "lock": {"locked": True},
        "unlock": {"locked": False},
    }
    if change not in states:
        messages.error(request, _("Please choose what to change."))
    else:
        services.set_thread_state(actor=member(request), thread=topic, **states[change])
        messages.success(request, _("The thread is changed."))
    return redirect("community:thread", topic.pk)
