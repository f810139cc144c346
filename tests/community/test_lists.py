"""views.lists: a category's pages, prepared once per kind of reader, list what the built
query lists (hidden threads, blocks, moderators, every page and past the end)."""

import pytest
from django.utils import timezone

from ligesind.accounts import services as accounts
from ligesind.accounts.models import User
from ligesind.community.models import Thread
from ligesind.community.views import lists


def titles(page) -> list[str]:
    return [row["title"] for row in page.object_list]


@pytest.fixture
def crowded(make_thread, member, other, third, settings):
    """Seven threads in one category, one of them hidden by a moderator."""
    settings.LIGESIND_THREADS_PER_PAGE = 2
    threads = [
        make_thread(author=[member, other, third][n % 3], title=f"Tråd {n}") for n in range(7)
    ]
    Thread.objects.filter(pk=threads[4].pk).update(hidden_at=timezone.now())
    return threads[0].category


def test_prepared_pages_list_what_the_built_query_lists(crowded, member, other, third, moderator):
    accounts.block_user(actor=member, target=third)
    for viewer in (member, other, third, moderator):
        viewer = User.objects.get(pk=viewer.pk)  # a fresh user: no remembered blocks
        built = Thread.objects.filter(category=crowded)
        for number in ("1", "2", "3", "4", "5", "9", "x", "-1", None):
            expected = lists.thread_rows(viewer, built, number, in_groups=False)
            page = lists.category_page(viewer, crowded.pk, number)
            assert titles(page) == titles(expected), (viewer, number)
            assert (page.number, page.paginator.count) == (
                expected.number,
                expected.paginator.count,
            )


def test_each_kind_of_reader_sees_their_own_list(crowded, member, other, third, moderator):
    accounts.block_user(actor=member, target=third)
    seen = {}
    for viewer in (member, other, third, moderator):
        viewer = User.objects.get(pk=viewer.pk)
        pages = [lists.category_page(viewer, crowded.pk, n) for n in (1, 2, 3, 4)]
        seen[viewer.pk] = {title for page in pages for title in titles(page)}
    assert "Tråd 4" not in seen[member.pk] and "Tråd 4" in seen[moderator.pk]
    assert "Tråd 4" in seen[other.pk]  # the hidden thread's own writer still sees it
    assert not {"Tråd 2", "Tråd 5"} & seen[member.pk]  # written by the one they block
    assert not {"Tråd 0", "Tråd 3", "Tråd 6"} & seen[third.pk]  # blocked by its writer
    assert len(seen[moderator.pk]) == 7
