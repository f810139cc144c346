from functools import lru_cache

from django.http import HttpRequest
from django.urls import translate_url

from ligesind.core.memo import plain

from .per_language import language_key
from .services import unread_count


class LanguageLinks:
    """This page in another language, worked out only for the link the page shows."""

    def __init__(self, path: str) -> None:
        self.path = path

    def __getitem__(self, language: str) -> str:
        return _translated(self.path, language, language_key())


@lru_cache(maxsize=1024)
def _translated(path: str, language: str, key: tuple[object, ...]) -> str:
    """``translate_url`` resolves the whole path each time; pages are asked for again and
    again (``key``: the language the path is in, and the URL configuration)."""
    return translate_url(path, language)


def _unread(user: object) -> int:
    loaded = getattr(user, "ligesind_unread_notifications", None)  # see accounts.backends
    return int(loaded) if loaded is not None else unread_count(user)  # type: ignore[arg-type]


def site(request: HttpRequest) -> dict[str, object]:
    """Links to this page in each language (a plain link works without JavaScript)."""
    user = plain(getattr(request, "user", None))
    return {
        "language_links": LanguageLinks(request.get_full_path()),
        "unread_notifications": _unread(user) if user and user.is_authenticated else 0,
    }
