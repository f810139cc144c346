"""The site header (``core/_header.html``), rendered once per language and kind of page.

Every page carries the header, and as template nodes it cost about a seventh of a forum page
(bench/forum.py). What differs from visitor to visitor is a few yes-or-no facts (signed in,
may write messages, moderator, whether each count is above zero) and a few values (the counts,
the logout form's CSRF token, this page's address in the other language). So the template is
rendered once for each combination of the facts, with a hole where each value goes, and kept
split at the holes; a page fills the holes with its own values, escaped.
"""

from typing import Any

from django.template import Context
from django.template.loader import render_to_string
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from .per_language import language_key

HOLE = "\x1f"  # a control character no rendered text has
COUNTS = ("unread_messages", "crisis_alerts_new", "reports_new", "unread_notifications")

_made: dict[tuple[object, ...], tuple[str, ...]] = {}


def _hole(name: str) -> str:
    return f"{HOLE}{name}{HOLE}"


def site_header(context: Context) -> SafeString:
    user = context.get("user")
    signed_in = bool(user is not None and user.is_authenticated)
    values: dict[str, Any] = {name: context.get(name) or 0 for name in COUNTS}
    # Only a signed-in member's header has a form; a visitor's page sets no CSRF cookie.
    values["csrf_token"] = context.get("csrf_token") if signed_in else None
    other = "en" if get_language() == "da" else "da"
    links = context.get("language_links")
    values["other_language_link"] = links[other] if links is not None else ""
    facts = {
        "signed_in": signed_in,
        "can_message": bool(context.get("can_message")),
        "is_moderator": bool(context.get("is_moderator")),
    }
    key = (*language_key(), *facts.values(), *(bool(value) for value in values.values()))
    pieces = _made.get(key)
    if pieces is None:
        holes = {name: _hole(name) if value else value for name, value in values.items()}
        pieces = tuple(render_to_string("core/_header.html", {**facts, **holes}).split(HOLE))
        _made[key] = pieces
    return mark_safe(  # noqa: S308 - kept markup, and the values escaped here
        "".join(
            conditional_escape(values[piece]) if odd else piece
            for odd, piece in ((i % 2 == 1, piece) for i, piece in enumerate(pieces))
        )
    )
