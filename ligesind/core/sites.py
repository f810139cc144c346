"""The site's own address, as the person reached it."""

from typing import Any

from django.conf import settings


def site_url(request: Any = None) -> str:
    """The address the person reached us at (links in e-mails, calendar files and feeds),
    else ``LIGESIND_SITE_URL`` (tasks, commands)."""
    if request is not None and hasattr(request, "build_absolute_uri"):
        return str(request.build_absolute_uri("/")).rstrip("/")
    return str(settings.LIGESIND_SITE_URL)
