"""The crisis help panel is kept per language and opening state: the same markup the panel's
template gives, Livslinien's "open now" follows the clock, and nothing about a visitor is in it."""

from django.template import Context, Template
from django.template.loader import render_to_string
from django.utils import translation

from ligesind.core.remembered import forget_all


def _panel(**context: object) -> str:
    return Template("{% load safety %}{% help_panel hidden=hidden %}").render(Context(context))


def test_the_kept_panel_is_the_template_and_follows_open_or_closed():
    forget_all()
    with translation.override("da"):
        for opened in (True, False, None):
            values = {"hidden": True, "livslinien_hours": "11–05", "livslinien_open": opened}
            assert _panel(**values) == render_to_string("safety/_panel.html", values)
        assert "Åben nu" in _panel(hidden=False, livslinien_hours="11–05", livslinien_open=True)
        closed = _panel(hidden=False, livslinien_hours="11–05", livslinien_open=False)
        assert "Åben nu" not in closed
        assert 'aria-labelledby="crisis-panel-heading" tabindex' in closed  # shown


def test_each_language_gets_its_own_panel():
    forget_all()
    values = {"hidden": True, "livslinien_hours": "11–05", "livslinien_open": True}
    with translation.override("da"):
        danish = _panel(**values)
    with translation.override("en"):
        english = _panel(**values)
    assert "Godt, at du skrev" in danish and "We are glad you wrote" in english


def test_the_panel_never_sees_the_page():
    forget_all()
    page = Template("{% load safety %}{% help_panel hidden=True %}").render(
        Context({"alias": "Hemmelig Hest", "livslinien_open": True, "hidden": False})
    )
    assert "Hemmelig Hest" not in page
    assert 'aria-labelledby="crisis-panel-heading" hidden' in page  # the tag's own argument


def test_other_hours_make_another_panel():
    forget_all()
    with translation.override("en"):
        first = _panel(hidden=False, livslinien_hours="11–05", livslinien_open=True)
        second = _panel(hidden=False, livslinien_hours="12–02", livslinien_open=True)
    assert "11–05" in first and "12–02" in second
