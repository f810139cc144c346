from django.http import HttpRequest
from django.urls import translate_url

from .services import unread_count


def _unread(user: object) -> int:
    loaded = getattr(user, "ligesind_unread_notifications", None)  # see accounts.backends
    return int(loaded) if loaded is not None else unread_count(user)  # type: ignore[arg-type]


def site(request: HttpRequest) -> dict[str, object]:
    """Links to this page in each language (a plain link works without JavaScript)."""
    path = request.get_full_path()
    user = getattr(request, "user", None)
    return {
        "language_links": {
            "da": translate_url(path, "da"),
            "en": translate_url(path, "en"),
        },
        "unread_notifications": _unread(user) if user and user.is_authenticated else 0,
    }
