"""Who counts as someone's contact (for the "my contacts" visibility level).

Contacts are matches and conversation partners. Those live in later apps (matching, messaging),
so each of them registers a source here; accounts never imports them.
"""

from collections.abc import Callable, Iterable

from django.contrib.auth.base_user import AbstractBaseUser

ContactSource = Callable[[int], Iterable[int]]
_sources: list[ContactSource] = []


def register_contact_source(source: ContactSource) -> None:
    """Register ``source(user_id) -> ids of that user's contacts``."""
    if source not in _sources:
        _sources.append(source)


def unregister_contact_source(source: ContactSource) -> None:
    if source in _sources:
        _sources.remove(source)


def contact_ids(user: AbstractBaseUser) -> set[int]:
    ids: set[int] = set()
    for source in _sources:
        ids.update(source(user.pk))
    ids.discard(user.pk)
    return ids


def are_contacts(a: AbstractBaseUser, b: AbstractBaseUser) -> bool:
    return b.pk in contact_ids(a)
