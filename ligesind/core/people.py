"""What core and every app ask about the signed-in person, kept here because core is below
every app. The accounts app answers (``register_people_rules`` in its ``ready``); apps add the
figures a page shows about the user (unread counts, a waiting crisis panel) with
``register_user_annotation``, and ``ligesind.accounts.backends`` loads them with the user in
one query.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class PeopleRules:
    is_member: Callable[[Any], bool]  # active, signed in, consented to the current text
    staff_roles: Callable[[Any], list[str]]  # the staff roles held (admin first), for the audit


_rules: list[PeopleRules] = []
_annotations: dict[str, Callable[[], Any]] = {}
_on_change: list[Callable[[], None]] = []


def register_people_rules(rules: PeopleRules) -> None:
    _rules[:] = [rules]


def _answered() -> PeopleRules:
    if not _rules:
        raise RuntimeError("ligesind.accounts registers the people rules; is it installed?")
    return _rules[0]


def is_member(user: Any) -> bool:
    return _answered().is_member(user)


def staff_roles(user: Any) -> list[str]:
    return _answered().staff_roles(user)


def register_user_annotation(name: str, expression: Callable[[], Any]) -> None:
    """``name`` must start with ``ligesind_``; ``expression`` builds it (OuterRef("pk") is
    the user)."""
    if not name.startswith("ligesind_"):
        raise ValueError(f"{name}: a user annotation's name starts with ligesind_")
    _annotations[name] = expression
    for changed in _on_change:
        changed()


def user_annotations() -> dict[str, Callable[[], Any]]:
    return dict(_annotations)


def on_annotations_changed(listener: Callable[[], None]) -> None:
    """``listener`` forgets what it built from the annotations (the user query)."""
    if listener not in _on_change:
        _on_change.append(listener)
