from django.http import HttpRequest

from ligesind.core.memo import plain

from .permissions import can_see_dashboard


def coordination(request: HttpRequest) -> dict[str, object]:
    """Coordinators and admins reach their overview from the header."""
    user = plain(getattr(request, "user", None))
    if user is None or not user.is_authenticated:
        return {}
    return {"coordinates": can_see_dashboard(user)}
