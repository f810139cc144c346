"""core.header: the header kept per language and kind of page is exactly what its template
gives for each visitor, with their own counts, token and link, escaped."""

from types import SimpleNamespace

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template import Context, Template
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.functional import SimpleLazyObject

from ligesind.core.remembered import forget_all

MEMBER = SimpleNamespace(is_authenticated=True)
ZERO = {"unread_messages": 0, "crisis_alerts_new": 0, "reports_new": 0, "unread_notifications": 0}

KINDS: list[dict[str, object]] = [
    {"user": AnonymousUser()},
    {"user": MEMBER, "csrf_token": "tok1"},
    {"user": MEMBER, "csrf_token": "tok2", "can_message": True, "unread_messages": 3},
    {"user": MEMBER, "csrf_token": "tok3", "can_message": True, "unread_notifications": 12},
    {
        "user": MEMBER,
        "csrf_token": "tok4",
        "can_message": True,
        "is_moderator": True,
        "crisis_alerts_new": 2,
        "reports_new": 5,
        "unread_messages": 1,
        "unread_notifications": 1,
    },
]


def _tag(values: dict[str, object]) -> str:
    return Template("{% load ligesind %}{% site_header %}").render(Context(values))


def _template(values: dict[str, object], link: str) -> str:
    signed_in = values["user"].is_authenticated  # type: ignore[attr-defined]
    return render_to_string(
        "core/_header.html",
        {
            **ZERO,
            **values,
            "signed_in": signed_in,
            "csrf_token": values.get("csrf_token") if signed_in else None,
            "other_language_link": link,
        },
    )


@pytest.mark.parametrize("language", ["da", "en"])
@pytest.mark.parametrize("kind", range(len(KINDS)))
def test_the_kept_header_is_the_template(language, kind):
    forget_all()
    other = "en" if language == "da" else "da"
    links = {other: f"/{other}/page/?q=a&b=<c>"}
    with translation.override(language):
        for _ in range(2):  # made, then kept
            values = {**KINDS[kind], "language_links": links}
            assert _tag(values) == _template(KINDS[kind], links[other])


def test_each_visitor_gets_their_own_values_escaped():
    forget_all()
    with translation.override("da"):
        first = _tag({**KINDS[2], "language_links": {"en": "/en/a/"}})
        second = _tag(
            {**KINDS[2], "unread_messages": 8, "csrf_token": "t2", "language_links": {"en": '/"x'}}
        )
    assert 'class="badge">3<' in first and 'value="tok2"' in first and 'href="/en/a/"' in first
    assert 'class="badge">8<' in second and 'value="t2"' in second
    assert 'href="/&quot;x"' in second and "tok2" not in second and ">3<" not in second


def test_a_visitors_header_does_not_make_a_csrf_token():
    forget_all()
    asked: list[int] = []

    def make_token() -> str:
        asked.append(1)
        return "tok"

    token = SimpleLazyObject(make_token)
    with translation.override("da"):
        links = {"en": "/en/"}
        page = _tag({"user": AnonymousUser(), "csrf_token": token, "language_links": links})
    assert not asked and "csrfmiddlewaretoken" not in page
