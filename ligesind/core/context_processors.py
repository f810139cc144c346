from django.http import HttpRequest
from django.urls import translate_url


def site(request: HttpRequest) -> dict[str, object]:
    """Links to this page in each language (a plain link works without JavaScript)."""
    path = request.get_full_path()
    return {
        "language_links": {
            "da": translate_url(path, "da"),
            "en": translate_url(path, "en"),
        }
    }
