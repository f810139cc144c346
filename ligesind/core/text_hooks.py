"""The one place where text that members write is handed to checks (crisis language, later).

Every service that accepts member text calls ``text_accepted(author=, text=, where=)`` after it is
saved. The safety app registers its checker here; until it exists, nothing is registered.
"""

from collections.abc import Callable
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser

# (author, text, where, about): ``where`` is the kind of place ("message"), ``about`` the place
# itself when there is one ("conversation:12"), for the moderator's context.
TextCheck = Callable[[AbstractBaseUser, str, str, str], bool]
_checks: list[TextCheck] = []


def register_text_check(check: TextCheck) -> None:
    if check not in _checks:
        _checks.append(check)


def unregister_text_check(check: TextCheck) -> None:
    if check in _checks:
        _checks.remove(check)


def text_accepted(*, author: AbstractBaseUser, text: str, where: str, about: str = "") -> bool:
    """Hand the text to every check; whether any found something (crisis language)."""
    found = False
    for check in _checks:
        found = check(author, text, where, about) or found
    return found


# What a reader chose not to meet, and the help a writer is due: the safety app registers
# both, so an app that shows member text (messaging) never imports safety.
MutedWords = Callable[[Any], list[str]]  # (reader)
MutedCheck = Callable[[str, list[str]], bool]
HelpDue = Callable[[Any], bool]  # (writer)
_reader: dict[str, Callable[..., Any]] = {}


def register_reader_hooks(*, muted_words: MutedWords, contains_muted: MutedCheck) -> None:
    _reader["muted_words"] = muted_words
    _reader["contains_muted"] = contains_muted


def register_help_due(check: HelpDue) -> None:
    _reader["help_due"] = check


def muted_words(reader: AbstractBaseUser) -> list[str]:
    """The words ``reader`` muted (none when the safety app is not installed)."""
    found = _reader.get("muted_words")
    return list(found(reader)) if found else []


def contains_muted(text: str, muted: list[str]) -> bool:
    check = _reader.get("contains_muted")
    return bool(check and muted and check(text, muted))


def help_due(writer: AbstractBaseUser) -> bool:
    """Whether ``writer`` should see the help panel now (once per crisis alert)."""
    check = _reader.get("help_due")
    return bool(check and check(writer))
