"""core.sections: parts of a page that other apps fill, in order, rendered in the page's own
context; a part that returns None shows nothing."""

import pytest
from django.template import Context, Template
from django.test import RequestFactory

from ligesind.core import sections


@pytest.fixture
def page(monkeypatch):
    monkeypatch.setattr(sections, "_sections", {})
    return "test:page"


def render(page: str, item: object, **outer: object) -> str:
    template = Template("{% load ligesind %}{% page_sections page item %}")
    request = RequestFactory().get("/")
    return template.render(Context({"request": request, "page": page, "item": item, **outer}))


def test_parts_come_in_order_with_their_own_and_the_pages_context(page, tmp_path, settings):
    (tmp_path / "first.html").write_text("[1 {{ word }} {{ outer }}]")
    (tmp_path / "second.html").write_text("[2 {{ word }}]")
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [tmp_path, *settings.TEMPLATES[0].get("DIRS", [])]}
    ]
    sections.register_section(
        page, template="second.html", context=lambda r, i: {"word": i}, order=2
    )
    sections.register_section(
        page, template="first.html", context=lambda r, i: {"word": i}, order=1
    )
    sections.register_section(page, template="first.html", context=lambda r, i: {}, order=3)
    assert render(page, "hej", outer="side") == "[1 hej side][2 hej]"


def test_a_part_that_returns_none_is_left_out_and_an_unknown_page_is_empty(
    page, tmp_path, settings
):
    (tmp_path / "hidden.html").write_text("never")
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [tmp_path, *settings.TEMPLATES[0].get("DIRS", [])]}
    ]
    sections.register_section(page, template="hidden.html", context=lambda r, i: None)
    assert render(page, "x") == ""
    assert render("no:such-page", "x") == ""


def test_the_apps_register_their_parts():
    pages = {
        p: [s.template for s in sections.sections_for(p)]
        for p in ("community:group", "organisations:detail", "organisations:municipality")
    }
    assert pages == {
        "community:group": ["activities/_group_events.html"],
        "organisations:detail": [
            "pages/_testimonials.html",
            "activities/_organisation_activities.html",
        ],
        "organisations:municipality": ["activities/_municipality_activities.html"],
    }
