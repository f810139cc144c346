"""API endpoint for the national calendar: the activities a member may see, with the page's
filters (organisation, municipality, kind, online or in person, interest)."""

from datetime import date, datetime, time
from typing import Any, Literal

from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from ninja import Query, Router, Schema
from ninja.pagination import paginate

from ligesind.core.api_paging import Pages
from ligesind.core.paging import MappedRows

from . import permissions
from .models import Activity, ActivityKind, not_over
from .services.times import local_zone

router = Router(tags=["activities"])


class ActivityOut(Schema):
    id: int
    title: str
    kind: str
    starts_at: str
    ends_at: str
    online: bool
    municipality: str | None
    organisation: str | None
    interests: list[str]
    url: str


class CalendarFilter(Schema):
    organisation: str | None = None  # the organisation's slug
    municipality: str | None = None  # the municipality's slug
    kind: ActivityKind | None = None
    mode: Literal["online", "place"] | None = None
    interest: str | None = None  # the interest's slug
    after: date | None = None


@router.get(
    "/activities",
    response=list[ActivityOut],
    summary="Coming activities I may see (the national calendar)",
)
@paginate(Pages, page_size=30)
def activities(request: HttpRequest, filters: Query[CalendarFilter]) -> Any:
    since = timezone.now()
    if filters.after:
        since = max(since, datetime.combine(filters.after, time()).replace(tzinfo=local_zone()))
    rows = (
        Activity.objects.filter(
            permissions.visible_activities_q(request.auth),  # type: ignore[attr-defined]
            not_over(since),
            cancelled_at__isnull=True,
        )
        .select_related("municipality", "organisation")
        .prefetch_related("interests")
    )
    if filters.organisation:
        rows = rows.filter(organisation__slug=filters.organisation)
    if filters.municipality:
        rows = rows.filter(municipality__slug=filters.municipality)
    if filters.kind:
        rows = rows.filter(kind=filters.kind)
    if filters.mode:
        rows = rows.filter(online=filters.mode == "online")
    if filters.interest:
        rows = rows.filter(interests__slug=filters.interest)
    return MappedRows(rows.order_by("starts_at", "pk"), activity_out)


def activity_out(activity: Activity) -> dict[str, Any]:
    return {
        "id": activity.pk,
        "title": activity.title,
        "kind": activity.kind,
        "starts_at": activity.starts_at.isoformat(),
        "ends_at": activity.ends_at.isoformat(),
        "online": activity.online,
        "municipality": activity.municipality.slug if activity.municipality else None,
        "organisation": activity.organisation.slug if activity.organisation else None,
        "interests": [interest.slug for interest in activity.interests.all()],
        "url": reverse("activities:detail", args=[activity.pk]),
    }
