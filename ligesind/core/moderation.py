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
