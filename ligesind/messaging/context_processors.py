from django.http import HttpRequest

from ligesind.core.memo import plain

from . import permissions
from .services import total_unread


def unread(request: HttpRequest) -> dict[str, object]:
    user = plain(getattr(request, "user", None))
    if user is None or not user.is_authenticated or not permissions.can_message(user):
        return {"can_message": False, "unread_messages": 0}
    loaded = getattr(user, "ligesind_unread_messages", None)  # see accounts.backends
    return {
        "can_message": True,
        "unread_messages": int(loaded) if loaded is not None else total_unread(user),
    }
