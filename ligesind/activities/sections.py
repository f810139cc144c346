"""The coming activities shown on other apps' pages (see ligesind.core.sections): a group's
events, an organisation's and a municipality's coming activities."""

from typing import Any

from django.http import HttpRequest
from django.utils import timezone

from ligesind.community.models import Group
from ligesind.community.permissions import can_read_group
from ligesind.core.models import Municipality
from ligesind.core.sections import register_section
from ligesind.organisations.models import Organisation

from . import permissions
from .models import Activity

COMING = 10


def _coming(request: HttpRequest, **where: Any) -> Any:
    return Activity.objects.filter(
        permissions.visible_activities_q(request.user),
        starts_at__gte=timezone.now(),
        cancelled_at__isnull=True,
        **where,
    ).order_by("starts_at")


def group_events(request: HttpRequest, group: Group) -> dict[str, Any] | None:
    """The group's coming events this member may see; nothing when they may not read it."""
    viewer: Any = request.user
    if not can_read_group(viewer, group):
        return None
    return {
        "events": list(_coming(request, group=group)[:COMING]),
        "can_plan": permissions.can_create_group_activity(viewer, group),
    }


def organisation_activities(request: HttpRequest, item: Organisation) -> dict[str, Any]:
    rows = _coming(request, organisation=item).select_related("municipality")
    return {"activities": rows[:COMING]}


def municipality_activities(request: HttpRequest, place: Municipality) -> dict[str, Any]:
    rows = _coming(request, municipality=place).select_related("organisation")
    return {"activities": rows[:COMING]}


def register() -> None:
    register_section(
        "community:group", template="activities/_group_events.html", context=group_events
    )
    register_section(
        "organisations:detail",
        template="activities/_organisation_activities.html",
        context=organisation_activities,
        order=20,
    )
    register_section(
        "organisations:municipality",
        template="activities/_municipality_activities.html",
        context=municipality_activities,
        order=20,
    )
