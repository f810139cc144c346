from typing import Any

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from ligesind.core.per_language import language_key

register = template.Library()

_made: dict[tuple[object, ...], SafeString] = {}


@register.simple_tag(takes_context=True)
def help_panel(context: template.Context, hidden: bool = False) -> SafeString:
    """The crisis help panel (``safety/_panel.html``). It holds nothing about the visitor: the
    words, the help lines and whether Livslinien is open now, so it is rendered once per
    language, opening hours, open-or-closed and hidden-or-shown, and kept."""
    values: dict[str, Any] = {
        "hidden": bool(hidden),
        "livslinien_hours": context.get("livslinien_hours"),
        "livslinien_open": context.get("livslinien_open"),
    }
    key = (*language_key(), *values.values())
    if key not in _made:
        _made[key] = SafeString(render_to_string("safety/_panel.html", values))
    return _made[key]
