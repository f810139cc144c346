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


def test_report_and_hide_a_group(client, make_group, make_thread, member, other, third, moderator):
    from ligesind.community.models import Group

    group = make_group(name="Grim gruppe", description="Noget ubehageligt")
    services.join_group(actor=third, group=group)
    thread = make_thread(category=None, group=group, title="I gruppen")
    client.force_login(other)
    page = client.get(reverse("community:group", args=[group.pk])).content.decode()
    assert reverse("safety:report", args=["group", group.pk]) in page
    report = safety.report_content(actor=other, kind="group", object_id=group.pk, reason="spam")
    action = safety.take_decision(actor=moderator, report=report, kind="hide", reason="Navn")
    group.refresh_from_db()
    assert group.hidden_at is not None
    assert not Group.objects.filter(permissions.visible_groups_q(other), pk=group.pk).exists()
    assert not permissions.can_read_thread(other, Thread.objects.get(pk=thread.pk))
    assert permissions.can_view_group(third, group)  # its members still find it
    safety.restore_decision(actor=moderator, action=action, reason="Fejl")
    group.refresh_from_db()
    assert permissions.can_view_group(other, group)
