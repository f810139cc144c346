from functools import lru_cache

from django.http import HttpRequest
from django.urls import reverse, translate_url

from ligesind.core.memo import plain

from .per_language import language_key, per_language
from .services import unread_count

# The menu's addresses beside a count or a form (base.html; the rest is in its per_language
# blocks), as ``nav.<name with _ for :>``.
NAV = (
    "messaging:inbox",
    "safety:alerts",
    "safety:reports",
    "notifications",
    "account_email",
    "account_logout",
)


@per_language
def nav_urls() -> dict[str, str]:
    """A dozen ``{% url %}`` tags cost a tenth of a small page (bench/forum.py)."""
    return {name.replace(":", "_"): reverse(name) for name in NAV}


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
        "nav": nav_urls(),
        "language_links": LanguageLinks(request.get_full_path()),
        "unread_notifications": _unread(user) if user and user.is_authenticated else 0,
    }
