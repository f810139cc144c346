"""Search: Danish inflections, ranking, and only what the viewer may see. Runs on SQLite (FTS5)
in the default pass and on PostgreSQL (danish full-text, GIN) in the PostgreSQL pass."""

from ligesind.accounts import services as accounts
from ligesind.community import services
from ligesind.community.views.search import find


def _titles(viewer, text):
    groups, hits = find(viewer, text)
    return [g.name for g in groups], [h.thread.title for h in hits]


def test_misbrug_finds_misbruget(make_thread, other):
    make_thread(title="Et år uden alkohol", body="Misbruget fyldte alt i ti år.")
    make_thread(title="Søndage", body="Om søndagen er der stille.")
    assert _titles(other, "misbrug")[1] == ["Et år uden alkohol"]
    assert _titles(other, "ensomheden")[1] == []


def test_a_title_match_ranks_above_a_passing_mention(make_thread, other):
    make_thread(title="Hverdag", body="Lidt om ensomhed en gang imellem.")
    make_thread(title="Ensomhed om søndagen", body="Søndage er svære.")
    assert _titles(other, "ensomhed")[1] == ["Ensomhed om søndagen", "Hverdag"]


def test_all_words_must_match_and_user_syntax_is_harmless(make_thread, other):
    make_thread(title="Angst og arbejde", body="Jeg har angst på arbejdet.")
    make_thread(title="Angst", body="Bare angst.")
    assert _titles(other, "angst arbejde")[1] == ["Angst og arbejde"]
    assert _titles(other, 'angst" OR NEAR(* "')[1] in (["Angst", "Angst og arbejde"], [])
    assert _titles(other, "!!!") == ([], [])


def test_groups_are_found_and_hidden_groups_are_not(make_group, member, other):
    make_group(name="Pårørende til misbrugere", description="For pårørende.")
    make_group(name="Hemmeligt misbrug", visibility="hidden")
    assert _titles(other, "misbrug")[0] == ["Pårørende til misbrugere"]
    assert set(_titles(member, "misbrug")[0]) == {
        "Pårørende til misbrugere",
        "Hemmeligt misbrug",
    }


def test_search_never_shows_hidden_group_threads_or_blocked_authors(
    make_thread, make_group, member, other, third
):
    group = make_group(visibility="hidden")
    make_thread(category=None, group=group, title="Skjult tråd om bolig", body="Bolig.")
    make_thread(author=third, title="Boligsøgning", body="Jeg søger bolig.")
    accounts.block_user(actor=other, target=third)
    assert _titles(other, "bolig")[1] == []
    assert _titles(member, "bolig")[1] == ["Skjult tråd om bolig", "Boligsøgning"] or set(
        _titles(member, "bolig")[1]
    ) == {"Skjult tråd om bolig", "Boligsøgning"}


def test_edited_text_is_found_by_its_new_words(make_thread, member, other):
    post = make_thread(title="Tur", body="Jeg går.").posts.get()
    services.edit_post(actor=member, post=post, body="Jeg cykler langs vandet.")
    assert _titles(other, "cykle")[1] == ["Tur"]
    assert _titles(other, "går")[1] == []


def test_excerpt_shows_the_matching_part(make_thread, other):
    long_text = "Indledning. " * 30 + "Her står der noget om misbruget." + " Slut." * 30
    make_thread(title="Lang", body=long_text)
    hit = find(other, "misbrug")[1][0]
    assert "misbruget" in hit.excerpt and hit.excerpt.startswith("… ")


def test_an_excerpt_shows_the_words_not_their_markdown(make_thread, other):
    make_thread(title="Om dagen", body="**Misbruget** fyldte _alt_, se [her](https://example.org).")
    _groups, [hit] = find(other, "misbrug")
    assert hit.excerpt == "Misbruget fyldte alt, se her."


def test_a_common_word_ranks_only_the_newest_matches_the_viewer_may_see(
    make_thread, make_group, member, other, third, monkeypatch
):
    """A word in nearly every post must not rank them all (2 s at 100,000 posts): only the
    newest CANDIDATES matches are ranked, counted among what the viewer may read."""
    from ligesind.community import search

    monkeypatch.setattr(search, "CANDIDATES", 2)
    make_thread(title="Dag et", body="En god dag.")
    make_thread(title="Dag to", body="En dag mere.")
    make_thread(author=third, title="Dag tre", body="Dag, dag, dag.")
    hidden = make_group(visibility="hidden")
    make_thread(category=None, group=hidden, title="Dag i skjul", body="En skjult dag.")
    assert set(_titles(other, "dag")[1]) == {"Dag to", "Dag tre"}
    assert set(_titles(member, "dag")[1]) == {"Dag tre", "Dag i skjul"}
