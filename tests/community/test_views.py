"""Forum and group pages: what each role sees, bad input keeps the text, query counts stay
flat as posts grow. (Every URL × role is also probed by tests/safety/test_authorization_matrix.)"""

import pytest
from django.urls import reverse

from ligesind.accounts import services as accounts
from ligesind.community import services
from ligesind.community.models import Post, Reaction, Thread


def test_visitors_see_categories_and_an_invitation_but_no_content(client, make_thread):
    make_thread(title="Privat emne")
    page = client.get(reverse("community:index")).content.decode()
    assert "Hverdagsliv" in page and "Bliv medlem" in page
    assert "Privat emne" not in page
    assert 'href="/community/c/' not in page
    thread = Thread.objects.get()
    response = client.get(reverse("community:thread", args=[thread.pk]))
    assert response.status_code == 302 and "/login/" in response["Location"]
    response = client.get(reverse("community:category", args=["everyday-life"]))
    assert response.status_code == 302


def test_members_read_a_category_and_a_thread(client, make_thread, other):
    thread = make_thread(title="Små ting", body="**Gå** en tur")
    client.force_login(other)
    listing = client.get(reverse("community:category", args=["everyday-life"])).content.decode()
    assert "Små ting" in listing and '<span class="tag tag-new">ny</span>' in listing
    page = client.get(reverse("community:thread", args=[thread.pk])).content.decode()
    assert "<strong>Gå</strong> en tur" in page and "Det genkender jeg" in page
    listing = client.get(reverse("community:category", args=["everyday-life"])).content.decode()
    assert 'class="unread"' not in listing


def test_anonymous_author_shown_as_such(client, make_thread, relatives, other, moderator):
    thread = make_thread(category=relatives, anonymous=True, title="Min datter")
    client.force_login(other)
    page = client.get(reverse("community:thread", args=[thread.pk])).content.decode()
    assert "anonymt medlem" in page and "Solhjerte" not in page
    listing = client.get(reverse("community:category", args=["relatives"])).content.decode()
    assert "Solhjerte" not in listing
    client.force_login(moderator)
    page = client.get(reverse("community:thread", args=[thread.pk])).content.decode()
    assert "anonymt medlem (Solhjerte)" in page


def test_the_reply_form_offers_anonymity_only_where_the_category_allows_it(
    client, make_thread, relatives, other
):
    client.force_login(other)
    for category, offered in ((relatives, True), (None, False)):
        thread = make_thread(**({"category": category} if category else {}))
        page = client.get(reverse("community:thread", args=[thread.pk])).content.decode()
        assert 'id="id_body"' in page and 'name="csrfmiddlewaretoken"' in page
        assert ('id="id_anonymous"' in page) is offered


def test_a_reply_with_no_text_keeps_the_page_and_explains(client, make_thread, other):
    thread = make_thread()
    client.force_login(other)
    response = client.post(reverse("community:reply", args=[thread.pk]), {"body": "  "})
    assert response.status_code == 200
    assert "Skriv noget først." in response.content.decode()
    response = client.post(reverse("community:reply", args=[thread.pk]), {"body": "Tak!"})
    assert response.status_code == 302 and response["Location"].endswith("#post-2")


def test_a_refused_thread_keeps_what_was_written(client, settings, other):
    settings.LIGESIND_FORUM_FIRST_DAY_THREADS = 0
    client.force_login(other)
    response = client.post(
        reverse("community:new_thread", args=["everyday-life"]),
        {"title": "Min titel", "body": "En lang tekst jeg ikke vil miste"},
    )
    page = response.content.decode()
    assert response.status_code == 200 and "første dag" in page
    assert "Min titel" in page and "En lang tekst jeg ikke vil miste" in page


def test_quote_prefills_the_reply(client, make_thread, other):
    thread = make_thread(body="Citér mig")
    client.force_login(other)
    post = thread.posts.get()
    page = client.get(reverse("community:reply", args=[thread.pk]) + f"?quote={post.pk}")
    assert "Solhjerte skrev:\n&gt; Citér mig" in page.content.decode()


def test_react_follow_and_edit_through_the_pages(client, make_thread, member, other):
    thread = make_thread()
    post = thread.posts.get()
    client.force_login(other)
    client.post(reverse("community:react", args=[post.pk]), {"kind": "recognise"})
    assert Reaction.objects.filter(post=post, user=other, kind="recognise").exists()
    page = client.get(reverse("community:thread", args=[thread.pk])).content.decode()
    assert 'value="recognise" aria-pressed="true"' in page
    assert 'value="thanks" aria-pressed="false"' in page
    client.post(reverse("community:follow", args=[thread.pk]), {"follow": "1"})
    assert thread.subscriptions.filter(user=other).exists()
    assert client.get(reverse("community:edit_post", args=[post.pk])).status_code == 403
    client.force_login(member)
    client.post(reverse("community:edit_post", args=[post.pk]), {"body": "Rettet tekst"})
    post.refresh_from_db()
    assert post.body == "Rettet tekst" and post.edited_at
    page = client.get(reverse("community:thread", args=[thread.pk])).content.decode()
    assert "rettet" in page


def test_moderators_pin_lock_and_read_history(client, make_thread, member, moderator):
    thread = make_thread()
    post = thread.posts.get()
    services.edit_post(actor=member, post=post, body="Ny tekst")
    client.force_login(member)
    assert client.get(reverse("community:history", args=[post.pk])).status_code == 404
    client.force_login(moderator)
    history = client.get(reverse("community:history", args=[post.pk])).content.decode()
    assert "Jeg går en tur hver dag." in history
    client.post(reverse("community:moderate_thread", args=[thread.pk]), {"change": "lock"})
    thread.refresh_from_db()
    assert thread.locked


def test_blocked_members_get_404_and_their_posts_are_not_shown(client, make_thread, member, other):
    thread = make_thread()
    services.reply_to_thread(actor=other, thread=thread, body="Svar fra Havfugl")
    accounts.block_user(actor=member, target=other)
    client.force_login(other)
    assert client.get(reverse("community:thread", args=[thread.pk])).status_code == 404
    client.force_login(member)
    page = client.get(reverse("community:thread", args=[thread.pk])).content.decode()
    assert "Svar fra Havfugl" not in page


def test_group_pages_for_members_requesters_and_outsiders(client, make_group, member, other, third):
    group = make_group(visibility="request", name="Erfagruppe om angst")
    services.start_thread(actor=member, group=group, title="Kun for medlemmer", body="Hej")
    client.force_login(other)
    page = client.get(reverse("community:group", args=[group.pk])).content.decode()
    assert "Bed om at være med" in page and "Kun for medlemmer" not in page
    assert client.get(reverse("community:group_members", args=[group.pk])).status_code == 404
    client.post(reverse("community:group_join", args=[group.pk]))
    client.force_login(member)
    requests = client.get(reverse("community:group_requests", args=[group.pk])).content.decode()
    assert "Havfugl" in requests
    membership = group.memberships.get(user=other)
    client.post(
        reverse("community:group_requests", args=[group.pk]),
        {"membership": membership.pk, "answer": "yes"},
    )
    client.force_login(other)
    page = client.get(reverse("community:group", args=[group.pk])).content.decode()
    assert "Kun for medlemmer" in page
    client.force_login(third)
    assert client.get(reverse("community:group_requests", args=[group.pk])).status_code == 404


def test_invite_with_an_unknown_alias_explains(client, make_group, member):
    group = make_group(visibility="hidden")
    client.force_login(member)
    response = client.post(reverse("community:group_invite", args=[group.pk]), {"alias": "Ingen"})
    assert "Vi kunne ikke finde et medlem med det alias." in response.content.decode()


def test_search_page(client, make_thread, other):
    make_thread(title="Et år uden alkohol", body="Misbruget fyldte alt.")
    client.force_login(other)
    page = client.get(reverse("community:search"), {"q": "misbrug"}).content.decode()
    assert "Et år uden alkohol" in page and "Misbruget fyldte alt." in page
    empty = client.get(reverse("community:search"), {"q": ""}).content.decode()
    assert "Skriv, hvad du leder efter." in empty


def _grow(thread, people, posts):
    for n in range(posts):
        services.reply_to_thread(actor=people[n % len(people)], thread=thread, body=f"Svar {n}")


@pytest.mark.parametrize("grow", [False, True])
def test_query_counts_stay_flat(
    client, make_thread, member, other, third, django_assert_max_num_queries, settings, grow
):
    settings.LIGESIND_FORUM_POSTS_PER_MINUTE = 1000
    threads = [make_thread(title=f"Tråd {n}") for n in range(3)]
    if grow:
        for thread in threads:
            _grow(thread, [other, third, member], 25)
        for post in Post.objects.all()[:20]:
            if post.author_id != other.pk:
                services.toggle_reaction(actor=other, post=post, kind="thanks")
    client.force_login(other)
    # the signed-in user with profile, roles, blocks and counters (1), then the page; and the
    # site notice, read by each process at most once in 10 s (here the process's first page)
    with django_assert_max_num_queries(3):
        assert client.get(reverse("community:index")).status_code == 200
    with django_assert_max_num_queries(4):
        assert client.get(reverse("community:category", args=["everyday-life"])).status_code == 200
    with django_assert_max_num_queries(4):  # 3, and one upsert when something new was read
        assert client.get(reverse("community:thread", args=[threads[0].pk])).status_code == 200


def test_delete_page_asks_first_then_the_thread_shows_the_gap(client, make_thread, member, other):
    thread = make_thread()
    reply = services.reply_to_thread(actor=other, thread=thread, body="Slet mig")
    client.force_login(member)
    assert client.get(reverse("community:delete_post", args=[reply.pk])).status_code == 403
    client.force_login(other)
    assert (
        "Slet mig" in client.get(reverse("community:delete_post", args=[reply.pk])).content.decode()
    )
    answer = client.post(reverse("community:delete_post", args=[reply.pk]), follow=True)
    page = answer.content.decode()
    assert "Slet mig" not in page and "Du slettede dette indlæg." in page
    assert "Du kan fortryde det i 10 minutter" in page
    client.force_login(member)
    page = client.get(reverse("community:thread", args=[thread.pk])).content.decode()
    assert "Slet mig" not in page and "Indlægget er slettet af den, der skrev det." in page
    assert "Fortryd" not in page
    undo = reverse("community:undo_delete_post", args=[reply.pk])
    assert client.post(undo).status_code == 403  # only the writer
    client.force_login(other)
    page = client.post(undo, follow=True).content.decode()
    assert "Slet mig" in page and "Dit indlæg er tilbage." in page


def test_threads_i_follow(client, make_thread, make_group, member, other):
    followed = make_thread(title="Den jeg følger")
    make_thread(author=other, title="En anden tråd")
    group = make_group(visibility="hidden")
    secret = make_thread(category=None, group=group, title="Skjult gruppetråd")
    services.invite_to_group(actor=member, group=group, alias="Havfugl")
    services.join_group(actor=other, group=group)
    services.follow_thread(actor=other, thread=secret, follow=True)
    services.follow_thread(actor=other, thread=followed, follow=True)
    services.leave_group(actor=other, group=group)
    client.force_login(other)
    page = client.get(reverse("community:following")).content.decode()
    assert "Den jeg følger" in page and "En anden tråd" in page  # started it: follows it
    assert "Skjult gruppetråd" not in page  # left the hidden group: gone from the list too


def test_the_index_figures_follow_new_threads(
    client, make_thread, other, django_capture_on_commit_callbacks
):
    client.force_login(other)
    page = client.get(reverse("community:index")).content.decode()
    assert "0 tråde" in page
    with django_capture_on_commit_callbacks(execute=True):
        make_thread(title="Første tråd")
    page = client.get(reverse("community:index")).content.decode()
    assert "1 tråd ·" in page


def test_another_workers_change_is_seen_within_seconds(monkeypatch):
    import time

    from django.core.cache import cache

    from ligesind.community.services import forums

    known = services.index_version()
    cache.incr(forums.INDEX_VERSION)  # as another worker does after a post
    assert services.index_version() == known
    later = time.monotonic() + forums.INDEX_VERSION_SECONDS + 1
    monkeypatch.setattr(forums.time, "monotonic", lambda: later)
    assert services.index_version() == known + 1


def test_an_unknown_category_or_thread_is_not_found(client, other):
    client.force_login(other)
    assert client.get(reverse("community:category", args=["no-such-place"])).status_code == 404
    assert client.get(reverse("community:thread", args=[999999])).status_code == 404
    assert client.get(reverse("community:category", args=["everyday-life"])).status_code == 200


def test_a_category_added_after_the_workers_kept_the_list_is_found(client, other):
    from ligesind.community.models import Category

    client.force_login(other)
    assert client.get(reverse("community:category", args=["everyday-life"])).status_code == 200
    Category.objects.create(slug="nyt-sted", name="Nyt sted")
    page = client.get(reverse("community:category", args=["nyt-sted"]))
    assert page.status_code == 200 and "Nyt sted" in page.content.decode()


def test_the_thread_page_says_what_state_the_thread_is_in(
    client, make_thread, make_group, member, other, moderator
):
    """The page's content is kept per kind of page (core.kept): each state shows its own."""
    thread = make_thread(title="Om <søvn> & ro")
    url = reverse("community:thread", args=[thread.pk])
    services.follow_thread(actor=moderator, thread=thread, follow=True)
    services.set_thread_state(actor=moderator, thread=thread, locked=True, pinned=True)
    client.force_login(moderator)
    page = client.get(url).content.decode()
    assert "<h1>Om &lt;søvn&gt; &amp; ro</h1>" in page
    assert f'href="{reverse("community:category", args=["everyday-life"])}">Hverdagsliv<' in page
    assert '<span class="tag">fastgjort</span>' in page and "Tråden er låst" in page
    assert 'name="follow" value="0"' in page  # following: "stop following"
    assert 'value="unpin"' in page and 'value="unlock"' in page
    assert f'action="{reverse("community:reply", args=[thread.pk])}"' in page  # moderators may
    client.force_login(other)
    page = client.get(url).content.decode()
    assert 'name="follow" value="1"' in page and 'value="unpin"' not in page
    assert 'id="reply"' not in page  # locked: no reply form for members
    group = make_group(name="Gåturs-netværket")
    in_group = services.start_thread(actor=member, group=group, title="I gruppen", body="Hej")
    client.force_login(member)
    page = client.get(reverse("community:thread", args=[in_group.pk])).content.decode()
    assert f'href="{reverse("community:group", args=[group.pk])}">Gåturs-netværket<' in page
    assert 'id="reply"' in page and 'value="pin"' in page  # the group's moderator
