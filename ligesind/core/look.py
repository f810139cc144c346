"""The design system's two small pieces of markup made in Python: icons and avatars.

Icons come from heroicons (Tailwind Labs' outline set, MIT), inlined as SVG so there is no
request, no font and nothing for the content security policy to allow. An icon is decoration:
the text beside it says what it means, so it is hidden from screen readers.

An avatar is a person's initials in a circle of one of six calm colours (white text at 4.5:1 or
more on each), chosen from the name so a person keeps their colour everywhere. Pictures are only
shown where their owner's visibility rule is checked (the profile page).
"""

import zlib
from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from heroicons.templatetags.heroicons import heroicon_outline

TONES = 6  # .avatar-0 … .avatar-5 in site.css
AVATAR_SIZES = ("s", "m", "l")


@lru_cache(maxsize=256)
def icon_html(name: str, size: int = 20) -> SafeString:
    """``name`` from heroicons' outline set (https://heroicons.com), decorative."""
    svg = heroicon_outline(
        name, size=size, **{"class": "icon", "aria-hidden": "true", "focusable": "false"}
    )
    return mark_safe(" ".join(svg.split()))  # noqa: S308 - the icon set's own SVG


def initials(name: str) -> str:
    """The first letter of the first two words: "Skovhjerte" → "S", "Anna Lise" → "AL"."""
    words = [word for word in name.replace("-", " ").split() if word[:1].isalnum()]
    return "".join(word[0] for word in words[:2]).upper() or "?"


def tone(name: str) -> int:
    return zlib.crc32(name.casefold().encode()) % TONES


def avatar_html(name: str | None, size: str = "s") -> SafeString:
    """Initials for a named person; a plain figure for someone anonymous or deleted (``None``)."""
    size = size if size in AVATAR_SIZES else "s"
    if not name:
        inner, kind = icon_html("user", 20), "avatar-none"
    else:
        inner, kind = escape(initials(name)), f"avatar-{tone(name)}"
    return mark_safe(  # noqa: S308 - escaped initials or the icon set's SVG
        f'<span class="avatar avatar-{size} {kind}" aria-hidden="true">{inner}</span>'
    )
