"""What members can report. Each app registers its kinds of content; the safety app's report
form, moderator queue and "hide" action use them, so a new app joins by registering:

    register_reportable(Reportable("message", _("a message"), load=..., author=..., ...))
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.utils.functional import Promise

AnyUser = AbstractBaseUser | AnonymousUser


@dataclass(frozen=True)
class Reportable:
    key: str
    label: str | Promise
    load: Callable[[int], Any | None]
    author_id: Callable[[Any], int | None]
    visible_to: Callable[[AnyUser, Any], bool]
    text: Callable[[Any], str]
    is_hidden: Callable[[Any], bool]
    set_hidden: Callable[[Any, bool], None]


_reportables: dict[str, Reportable] = {}


def register_reportable(kind: Reportable) -> None:
    _reportables[kind.key] = kind


def get_reportable(key: str) -> Reportable | None:
    return _reportables.get(key)


def reportable_keys() -> list[str]:
    return sorted(_reportables)


@dataclass(frozen=True)
class ContextLine:
    """One thing the member wrote near a crisis alert, for the moderator who reaches out."""

    at: Any  # a datetime
    text: str


# The place of an alert's ``about`` ("conversation:12") -> the author's recent writing there.
ContextLoader = Callable[[int, int], list[ContextLine]]  # (author id, object id)
_context_loaders: dict[str, ContextLoader] = {}


def register_alert_context(kind: str, loader: ContextLoader) -> None:
    _context_loaders[kind] = loader


def alert_context(about: str, author_id: int) -> list[ContextLine] | None:
    """The author's recent writing in the place an alert is about; None when the place is
    unknown or gone."""
    kind, _sep, object_id = about.partition(":")
    loader = _context_loaders.get(kind)
    if loader is None or not object_id.isdigit():
        return None
    return loader(author_id, int(object_id))
