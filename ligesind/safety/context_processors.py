from django.conf import settings
from django.http import HttpRequest

from ligesind.core.helplines import is_open
from ligesind.core.memo import plain

from . import permissions, services


def safety(request: HttpRequest) -> dict[str, object]:
    """The help panel for an author who just wrote crisis language (once), the hidden panel the
    chat can reveal at once, and the moderators' count of new alerts."""
    user = plain(getattr(request, "user", None))
    if user is None or not user.is_authenticated:
        return {}
    hours = settings.LIVSLINIEN_HOURS
    context: dict[str, object] = {
        # Loaded with the user (accounts.backends): the UPDATE runs only when a panel waits.
        "crisis_panel": getattr(user, "ligesind_crisis_pending", True)
        and services.take_pending_panel(user),
        "livslinien_hours": hours,
        "livslinien_open": is_open(hours),
    }
    if permissions.can_handle_alerts(user):
        context["crisis_alerts_new"] = services.new_alert_count()
        context["reports_new"] = services.new_report_count()
        context["is_moderator"] = True
    return context
