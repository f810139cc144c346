"""Addresses of named URLs, worked out once per language and then filled in.

``reverse()`` walks the URL configuration each time (about 27 µs here), and a forum page asked
for half a dozen addresses. ``link(name, *args)`` reverses each name once per language (and
URL configuration) with stand-in arguments of the same kinds, keeps the address split where
they went, and puts each page's arguments in their place. For URLs whose arguments are whole
numbers (``<int:…>``) and slugs (``<slug:…>``): ``reverse`` leaves such values as they are.
Other values, and addresses the stand-ins do not fit, go through ``reverse`` itself.
"""

import re

from django.urls import NoReverseMatch, reverse

from .per_language import language_key
from .remembered import Memory

SLUG = re.compile(r"[-a-zA-Z0-9_]+")

_made: Memory[tuple[object, ...], tuple[str, ...] | None] = Memory(2048)


def link(name: str, *args: int | str) -> str:
    if not all(type(arg) is int or (type(arg) is str and SLUG.fullmatch(arg)) for arg in args):
        return reverse(name, args=args)
    kinds = tuple(type(arg) is int for arg in args)
    key = (*language_key(), name, kinds)
    if key not in _made:
        _made[key] = _split(name, kinds)
    pieces = _made[key]
    if pieces is None:
        return reverse(name, args=args)
    filled = [pieces[0]]
    for arg, piece in zip(args, pieces[1:], strict=True):
        filled += (str(arg), piece)
    return "".join(filled)


def _split(name: str, kinds: tuple[bool, ...]) -> tuple[str, ...] | None:
    """The address reversed with stand-ins (digits for a number, letters for a slug, so a
    number-only URL refuses a slug), split at them; ``None`` when that does not work."""
    stand_ins = [f"98765{i}4321" if number else f"ligesindx{i}x" for i, number in enumerate(kinds)]
    try:
        address = reverse(name, args=stand_ins)
    except NoReverseMatch:
        return None
    pieces = []
    for stand_in in stand_ins:
        before, found, address = address.partition(stand_in)
        if not found or stand_in in address:
            return None
        pieces.append(before)
    return (*pieces, address)
