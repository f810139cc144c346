"""Forum services: threads, replies, anonymity, edits with history, pin and lock, reactions,
following with notifications, rate limits, the crisis hook and blocks."""

from datetime import timedelta

import pytest
from django.utils import timezone

from ligesind.accounts import services as accounts
from ligesind.accounts.models import User
from ligesind.community import permissions, services
from ligesind.community.models import Category, Post, Thread
from ligesind.core.errors import DomainError, NotAllowed
from ligesind.core.models import Notification
from ligesind.safety.models import CrisisAlert
from tests.factories import UserFactory


def test_a_thread_starts_with_its_first_post_and_counts(make_thread, everyday, member):
    thread = make_thread()
    post = thread.posts.get()
    assert (post.number, post.author, post.body) == (1, member, "Jeg går en tur hver dag.")
    everyday.refresh_from_db()
    assert (everyday.thread_count, everyday.post_count) == (1, 1)
    assert everyday.last_post_at == post.created_at
    assert thread.subscriptions.filter(user=member).exists()


def test_replies_are_numbered_and_counted(make_thread, other, third, everyday):
    thread = make_thread()
    services.reply_to_thread(actor=other, thread=thread, body="Det gør jeg også.")
    reply = services.reply_to_thread(actor=third, thread=thread, body="Godt råd … nej, god idé.")
    thread.refresh_from_db()
    everyday.refresh_from_db()
    assert (reply.number, thread.post_count, everyday.post_count) == (3, 3, 3)
    assert thread.last_post_at == reply.created_at


@pytest.mark.parametrize(
    ("title", "body", "message"),
    [
        ("", "Tekst", "Please give the thread a title."),
        ("Titel", "   ", "Please write something."),
        ("Titel", "x" * 10001, "Please keep it under 10000 characters."),
    ],
)
def test_empty_or_too_long_text_is_refused(make_thread, title, body, message, settings):
    settings.LANGUAGE_CODE = "en"
    with pytest.raises(DomainError):
        make_thread(title=title, body=body)
    assert not Thread.objects.exists()


def test_anonymous_posts_only_where_the_category_allows(make_thread, relatives, member, other):
    with pytest.raises(DomainError):
        make_thread(anonymous=True)
    thread = make_thread(category=relatives, anonymous=True)
    post = thread.posts.get()
    assert post.anonymous and thread.anonymous
    assert not permissions.can_see_author(other, post)
    assert permissions.can_see_author(member, post)


def test_moderators_see_who_wrote_anonymously(make_thread, relatives, moderator):
    post = make_thread(category=relatives, anonymous=True).posts.get()
    assert permissions.can_see_author(moderator, post)


def test_edit_keeps_history_and_marks_edited(make_thread, member, other, moderator):
    post = make_thread().posts.get()
    services.edit_post(actor=member, post=post, body="Jeg går en lang tur hver dag.")
    services.edit_post(actor=member, post=post, body="Jeg cykler hver dag.")
    post.refresh_from_db()
    assert post.edited_at is not None and post.body == "Jeg cykler hver dag."
    assert [r.body for r in post.revisions.all()] == [
        "Jeg går en tur hver dag.",
        "Jeg går en lang tur hver dag.",
    ]
    with pytest.raises(NotAllowed):
        services.edit_post(actor=other, post=post, body="Ændret af en anden")
    services.edit_post(actor=moderator, post=post, body="Rettet af en moderator")
    assert permissions.can_read_history(moderator, post)
    assert not permissions.can_read_history(member, post)


def test_locked_threads_take_no_replies_except_from_moderators(make_thread, other, moderator):
    thread = make_thread()
    services.set_thread_state(actor=moderator, thread=thread, locked=True, pinned=True)
    with pytest.raises(DomainError, match="locked|låst"):
        services.reply_to_thread(actor=other, thread=thread, body="Hej")
    services.reply_to_thread(actor=moderator, thread=thread, body="Tråden er lukket nu.")
    with pytest.raises(NotAllowed):
        services.set_thread_state(actor=other, thread=thread, locked=False)
    thread.refresh_from_db()
    assert thread.locked and thread.pinned


def test_reactions_toggle_and_count(make_thread, member, other, third):
    post = make_thread().posts.get()
    assert services.toggle_reaction(actor=other, post=post, kind="recognise") is True
    assert services.toggle_reaction(actor=third, post=post, kind="recognise") is True
    assert services.toggle_reaction(actor=third, post=post, kind="thanks") is True
    assert services.toggle_reaction(actor=third, post=post, kind="recognise") is False
    post.refresh_from_db()
    assert (post.recognised_count, post.thanks_count) == (1, 1)
    with pytest.raises(DomainError):
        services.toggle_reaction(actor=member, post=post, kind="thanks")
    with pytest.raises(DomainError):
        services.toggle_reaction(actor=other, post=post, kind="like")


def test_followers_hear_of_new_posts_without_the_text(
    make_thread, member, other, third, django_capture_on_commit_callbacks
):
    thread = make_thread()
    services.follow_thread(actor=third, thread=thread, follow=True)
    with django_capture_on_commit_callbacks(execute=True):
        services.reply_to_thread(actor=other, thread=thread, body="Hemmelig tekst")
    told = Notification.objects.filter(kind="forum_reply")
    assert sorted(n.recipient_id for n in told) == sorted([member.pk, third.pk])
    assert all("Hemmelig" not in str(n.params) for n in told)
    services.follow_thread(actor=third, thread=thread, follow=False)
    with django_capture_on_commit_callbacks(execute=True):
        services.reply_to_thread(actor=member, thread=thread, body="Tak")
    assert Notification.objects.filter(kind="forum_reply", recipient=third).count() == 1


def test_blocked_people_are_not_told_and_do_not_see_each_other(
    make_thread, member, other, django_capture_on_commit_callbacks
):
    thread = make_thread()
    accounts.block_user(actor=member, target=other)
    assert not permissions.can_read_thread(other, thread)
    with pytest.raises(NotAllowed):
        services.reply_to_thread(actor=other, thread=thread, body="Hej")
    mine = make_thread(author=other, title="Anden tråd")
    assert not Thread.objects.filter(permissions.readable_threads_q(member), pk=mine.pk).exists()


def test_posts_of_blocked_people_are_hidden_inside_a_thread(make_thread, member, other, third):
    thread = make_thread(author=third)
    services.reply_to_thread(actor=other, thread=thread, body="Fra en blokeret")
    accounts.block_user(actor=member, target=other)
    shown = Post.objects.filter(permissions.shown_posts_q(member), thread=thread)
    assert [p.body for p in shown] == ["Jeg går en tur hver dag."]


def test_first_day_thread_limit_and_posting_speed(make_thread, settings, everyday, other):
    settings.LIGESIND_FORUM_FIRST_DAY_THREADS = 2
    newcomer = UserFactory.create(member__alias="Ny")
    for n in range(2):
        make_thread(author=newcomer, title=f"Tråd {n}")
    with pytest.raises(DomainError, match="first day|første dag"):
        make_thread(author=newcomer, title="For mange")
    User.objects.filter(pk=newcomer.pk).update(date_joined=timezone.now() - timedelta(days=2))
    newcomer.refresh_from_db()
    make_thread(author=newcomer, title="I morgen går det")
    settings.LIGESIND_FORUM_POSTS_PER_MINUTE = 2
    thread = make_thread(author=other)
    services.reply_to_thread(actor=other, thread=thread, body="1")
    with pytest.raises(DomainError, match="fast|hurtigt"):
        services.reply_to_thread(actor=other, thread=thread, body="2")


def test_crisis_language_in_a_post_reaches_the_safety_app(make_thread, member):
    make_thread(body="Jeg vil ikke leve mere")
    assert CrisisAlert.objects.filter(author=member, where="forum_post").exists()


def test_quoting_names_the_author_as_the_reader_may_see_them(make_thread, relatives, other):
    post = make_thread(body="Linje et\nLinje to").posts.get()
    assert (
        services.quoted(viewer=other, post=post) == "Solhjerte skrev:\n> Linje et\n> Linje to\n\n"
    )
    hidden = make_thread(category=relatives, anonymous=True, title="Anonym").posts.get()
    assert services.quoted(viewer=other, post=hidden).startswith("anonymt medlem skrev:")


def test_visitors_and_non_members_cannot_write(everyday):
    unconsented = UserFactory.create(member=False)
    with pytest.raises(NotAllowed):
        services.start_thread(actor=unconsented, category=everyday, title="x", body="y")


def test_a_deleted_member_leaves_the_thread_readable(make_thread, member, other):
    thread = make_thread()
    services.reply_to_thread(actor=other, thread=thread, body="Tak for det")
    member.delete()
    first = Post.objects.get(thread=thread, number=1)
    assert first.author is None and first.body == "Jeg går en tur hver dag."
    assert Category.objects.get(slug="everyday-life").post_count == 2


def test_writers_delete_their_posts_for_good(make_thread, member, other, third, moderator):
    thread = make_thread()
    reply = services.reply_to_thread(actor=other, thread=thread, body="Noget jeg fortryder")
    services.edit_post(actor=other, post=reply, body="Noget jeg fortryder endnu mere")
    services.toggle_reaction(actor=third, post=reply, kind="thanks")
    with pytest.raises(NotAllowed):
        services.delete_post(actor=member, post=reply)
    services.delete_post(actor=other, post=reply)
    reply.refresh_from_db()
    assert reply.body == "" and reply.deleted_at is not None
    assert not permissions.can_read_history(moderator, reply)
    counts = services.forget_deleted_posts(timezone.now() + timedelta(minutes=9))
    assert counts == {"deleted_post_texts": 0}  # the writer may still undo
    assert services.forget_deleted_posts(timezone.now() + timedelta(minutes=11)) == {
        "deleted_post_texts": 1
    }
    reply.refresh_from_db()
    assert reply.held_body is None
    assert not reply.revisions.exists() and not reply.reactions.exists()
    assert not permissions.can_edit_post(other, reply)
    assert not permissions.can_react(third, reply)
    assert services.quoted(viewer=third, post=reply) == ""
    from ligesind.community.views.search import find

    assert find(third, "fortryder")[1] == []


def test_a_writer_undoes_a_deletion_within_the_undo_time(make_thread, member, other, third):
    thread = make_thread()
    reply = services.reply_to_thread(actor=other, thread=thread, body="Trykkede forkert")
    services.edit_post(actor=other, post=reply, body="Trykkede forkert igen")
    services.toggle_reaction(actor=third, post=reply, kind="recognise")
    services.delete_post(actor=other, post=reply)
    with pytest.raises(NotAllowed):
        services.undo_delete_post(actor=member, post=reply)
    services.undo_delete_post(actor=other, post=reply)
    reply.refresh_from_db()
    assert (reply.body, reply.held_body, reply.deleted_at) == ("Trykkede forkert igen", None, None)
    assert (reply.recognised_count, reply.thanks_count) == (1, 0)
    assert reply.revisions.count() == 1
    from ligesind.community.views.search import find

    assert [hit.post.pk for hit in find(third, "trykkede")[1] if hit.post] == [reply.pk]


def test_undo_time_runs_out(make_thread, other):
    reply = services.reply_to_thread(actor=other, thread=make_thread(), body="Væk nu")
    services.delete_post(actor=other, post=reply)
    Post.objects.filter(pk=reply.pk).update(deleted_at=timezone.now() - timedelta(minutes=11))
    reply.refresh_from_db()
    assert not permissions.can_undo_delete_post(other, reply)
    with pytest.raises(NotAllowed, match="slettet for altid|deleted for good"):
        services.undo_delete_post(actor=other, post=reply)
    # the next deletion anywhere forgets what is past its time
    services.delete_post(
        actor=other, post=services.reply_to_thread(actor=other, thread=reply.thread, body="Også")
    )
    reply.refresh_from_db()
    assert reply.held_body is None and reply.body == ""


def test_one_post_is_shown_by_the_same_rule_as_a_list(make_thread, member, other, third, moderator):
    """``is_post_shown`` (thread pages) and ``shown_posts_q`` (lists, search) agree."""
    thread = make_thread(author=third)
    services.reply_to_thread(actor=other, thread=thread, body="Fra en blokeret")
    hidden = services.reply_to_thread(actor=member, thread=thread, body="Skjult af moderator")
    Post.objects.filter(pk=hidden.pk).update(hidden_at=timezone.now())
    accounts.block_user(actor=member, target=third)
    for viewer in (member, other, third, moderator):
        viewer = User.objects.get(pk=viewer.pk)
        posts = Post.objects.filter(thread=thread)
        listed = set(posts.filter(permissions.shown_posts_q(viewer)).values_list("pk", flat=True))
        assert {p.pk for p in posts if permissions.is_post_shown(viewer, p)} == listed
