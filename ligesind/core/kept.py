"""Markup kept per language and kind of page, with holes for the values of each page.

Template tags cost microseconds each, and the parts every page carries (the header, a pager)
differ from page to page only by a few yes-or-no facts and a few values. ``render_kept``
renders a template once for each language and combination of facts, with a hole where each
value goes, keeps it split at the holes, and fills the holes with the page's values, escaped
as the template would have escaped them. A value may only be printed by the template: what
the template decides on must be a fact (a value in a hole is always "true").
"""

from typing import Any

from django.template.loader import render_to_string
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

from .per_language import language_key

HOLE = "\x1f"  # a control character no rendered text has

_made: dict[tuple[object, ...], tuple[str, ...]] = {}


def render_kept(template: str, facts: dict[str, Any], values: dict[str, Any]) -> SafeString:
    """``template`` with ``facts`` (hashable) and ``values``; a value that is empty or zero
    is passed as itself (and is part of the key), any other becomes a hole."""
    key = (
        *language_key(),
        template,
        *facts.items(),
        *((name, value) for name, value in values.items() if not value),
    )
    pieces = _made.get(key)
    if pieces is None:
        holes = {name: f"{HOLE}{name}{HOLE}" if value else value for name, value in values.items()}
        pieces = tuple(render_to_string(template, {**facts, **holes}).split(HOLE))
        _made[key] = pieces
    filled = [pieces[0]]
    for i in range(1, len(pieces), 2):
        filled += (conditional_escape(values[pieces[i]]), pieces[i + 1])
    return mark_safe("".join(filled))  # noqa: S308 - kept markup, the values escaped here
