"""The site header (``core/_header.html``), kept per language and kind of page (``core.kept``).

Every page carries the header, and as template nodes it cost about a seventh of a forum page
(bench/forum.py). What differs from visitor to visitor is a few yes-or-no facts (signed in,
may write messages, moderator, coordinator, whether each count is above zero) and a few values
(the counts, the logout form's CSRF token, this page's address in the other language).
"""

from typing import Any

from django.template import Context
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from .fast.kept import render_kept

COUNTS = ("unread_messages", "crisis_alerts_new", "reports_new", "unread_notifications")


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
        "coordinates": bool(context.get("coordinates")),
        # Suspended or banned: only what they can use (why, the appeal, help, signing out).
        "restricted": bool(signed_in and getattr(user, "is_restricted", False)),
    }
    return render_kept("core/_header.html", facts, values)
