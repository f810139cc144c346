"""One search box over the groups, threads and posts the viewer may see."""

from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .. import permissions, services
from .. import search as fulltext
from ..forms import SearchForm
from ..models import Group, Post, Thread
from .access import member

RESULTS = 30


@dataclass
class Hit:
    thread: Thread
    rank: float
    post: Post | None = None
    excerpt: str = ""

    @property
    def url(self) -> str:
        return services.post_url(self.post) if self.post else services.thread_url(self.thread)


def find(viewer: object, text: str) -> tuple[list[Group], list[Hit]]:
    groups = list(
        fulltext.ranked(Group.objects.filter(permissions.visible_groups_q(viewer)), "group", text)  # type: ignore[arg-type]
    )
    threads = Thread.objects.filter(permissions.readable_threads_q(viewer))  # type: ignore[arg-type]
    hits: dict[int, Hit] = {
        t.pk: Hit(thread=t, rank=2 * t.rank)
        for t in fulltext.ranked(threads.select_related("category", "group"), "thread", text)
    }
    posts = Post.objects.filter(
        permissions.shown_posts_q(viewer),  # type: ignore[arg-type]
        thread__in=threads.values("pk"),
    ).select_related("thread__category", "thread__group")
    for post in fulltext.ranked(posts, "post", text):
        hit = hits.setdefault(post.thread_id, Hit(thread=post.thread, rank=0.0))
        if hit.post is None:
            hit.post, hit.excerpt = post, fulltext.excerpt(post.body, text)
            hit.rank += post.rank
    ranked = sorted(hits.values(), key=lambda hit: (-hit.rank, -hit.thread.pk))[:RESULTS]
    return groups, ranked


@login_required
def search(request: HttpRequest) -> HttpResponse:
    viewer = member(request)
    form = SearchForm(request.GET or None)
    groups: list[Group] = []
    hits: list[Hit] = []
    if form.is_valid():
        groups, hits = find(viewer, form.cleaned_data["q"])
    return render(
        request,
        "community/search.html",
        {"form": form, "groups": groups, "hits": hits, "searched": form.is_bound},
    )
