"""Reports on forum posts: a member reports, a moderator hides the post (an opening post hides
its thread), the author still sees it marked, undoing brings it back."""

from django.urls import reverse

from ligesind.community import permissions, services
from ligesind.community.models import Post, Thread
from ligesind.safety import services as safety


def test_report_and_hide_a_reply(client, make_thread, member, other, moderator):
    thread = make_thread()
    reply = services.reply_to_thread(actor=other, thread=thread, body="Grimt svar")
    client.force_login(member)
    page = client.get(reverse("safety:report", args=["post", reply.pk]))
    assert page.status_code == 200
    report = safety.report_content(actor=member, kind="post", object_id=reply.pk, reason="spam")
    action = safety.take_decision(actor=moderator, report=report, kind="hide", reason="Tone")
    reply.refresh_from_db()
    assert reply.hidden_at is not None
    shown = Post.objects.filter(permissions.shown_posts_q(member), thread=thread)
    assert [p.number for p in shown] == [1]
    assert Post.objects.filter(permissions.shown_posts_q(other), pk=reply.pk).exists()
    safety.restore_decision(actor=moderator, action=action, reason="Fejl")
    reply.refresh_from_db()
    assert reply.hidden_at is None


def test_hiding_an_opening_post_hides_the_thread(make_thread, member, other, moderator):
    thread = make_thread()
    report = safety.report_content(
        actor=other, kind="post", object_id=thread.posts.get().pk, reason="spam"
    )
    safety.take_decision(actor=moderator, report=report, kind="hide", reason="Spam")
    assert not Thread.objects.filter(permissions.readable_threads_q(other), pk=thread.pk).exists()
    assert permissions.can_read_thread(member, Thread.objects.get(pk=thread.pk))
    assert permissions.can_read_thread(moderator, Thread.objects.get(pk=thread.pk))


def test_posts_in_hidden_groups_cannot_be_reported_by_outsiders(
    client, make_group, make_thread, other
):
    group = make_group(visibility="hidden")
    post = make_thread(category=None, group=group).posts.get()
    client.force_login(other)
    assert client.get(reverse("safety:report", args=["post", post.pk])).status_code == 404
