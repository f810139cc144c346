"""The forum's kept templates (core.fast.kept) keep the rules: checked when first made."""

from django.template import Context, Template

from ligesind.community.models import Post
from ligesind.core.fast import kept
from ligesind.core.remembered import forget_all


def test_the_sites_kept_templates_keep_the_rules(client, member, make_thread):
    """The header, pager, help panel and thread page are checked when first made."""
    thread = make_thread()
    for number in range(2, 26):
        Post.objects.create(thread=thread, author=member, number=number, body=f"Svar {number}")
    forget_all()
    client.force_login(member)
    assert client.get(f"/community/t/{thread.pk}/?page=2").status_code == 200
    Template("{% load safety %}{% help_panel %}").render(Context({"livslinien_hours": "11–05"}))
    assert {template for template, _holes in kept._checked} >= {
        "core/_header.html",
        "core/_pager.html",
        "safety/_panel.html",
        "community/_thread_body.html",
    }
