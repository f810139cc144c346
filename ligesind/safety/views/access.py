"""What the moderators' pages share: who may open them, and which part of a queue is shown."""

from collections.abc import Callable
from typing import Any, cast

from django.http import Http404, HttpRequest

from ligesind.accounts.models import User

from .. import permissions
from ..models import AlertStatus


def allowed_user(request: HttpRequest, rule: Callable[[Any], bool]) -> User:
    """The signed-in user, if ``rule`` (a function from ``permissions``) lets them in."""
    if not rule(request.user):
        raise Http404
    return cast(User, request.user)


def report_moderator(request: HttpRequest) -> User:
    """For the reports queue, decisions and appeals."""
    return allowed_user(request, permissions.can_handle_reports)


def queue_status(request: HttpRequest) -> str:
    """The queue part asked for (new, in progress, resolved); new when it is not one of them."""
    status = request.GET.get("status", AlertStatus.NEW)
    return status if status in AlertStatus.values else AlertStatus.NEW
