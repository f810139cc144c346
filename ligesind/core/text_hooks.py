"""The one place where text that members write is handed to checks (crisis language, later).

Every service that accepts member text calls ``text_accepted(author=, text=, where=)`` after it is
saved. The safety app registers its checker here; until it exists, nothing is registered.
"""

from collections.abc import Callable

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
