"""The member directory: filters that only match what the viewer is allowed to see."""

from typing import Any

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from ligesind.core.paging import MappedRows

from .models import ContactPreference, Profile, ProfileExperience, SupportRole, User
from .permissions import ViewerContext


def directory_profiles(viewer: User, filters: dict[str, Any]) -> "ShownRows":
    """Listed, complete profiles of other members, each with ``shown`` = its visible fields.

    A filter on a field only matches members who let this viewer see that field, so a filter
    never reveals a hidden value.
    """
    # The directory is a peer tool: staff see here what they would see as members. Staff-level
    # data is only shown on a profile page, where opening it is audited.
    context = ViewerContext.of(viewer, as_peer=True)
    rows: QuerySet[Profile] = (
        Profile.objects.exclude(alias="")
        .filter(listed_in_directory=True, user__is_active=True, user__banned_at__isnull=True)
        .exclude(user__suspended_until__gt=timezone.now())
        .exclude(user_id=viewer.pk)
        .exclude(user_id__in=context.blocked)
        .select_related("municipality")
    )
    if filters.get("category") or filters.get("perspective"):
        rows = rows.filter(context.field_visible_q("experiences"))
        experience: dict[str, Any] = {}
        if filters.get("category"):
            experience["experiences__category"] = filters["category"]
        if filters.get("perspective"):
            experience["experiences__perspective__in"] = [filters["perspective"], "both"]
        rows = rows.filter(**experience)
    if filters.get("municipality"):
        rows = rows.filter(
            context.field_visible_q("municipality"), municipality=filters["municipality"]
        )
    if filters.get("interest"):
        rows = rows.filter(context.field_visible_q("interests"), interests=filters["interest"])
    if filters.get("contact"):
        wanted = filters["contact"]
        rows = rows.filter(context.field_visible_q("contact_preference"))
        if wanted == ContactPreference.IN_PERSON:
            rows = rows.filter(contact_preference=ContactPreference.IN_PERSON)
    if filters.get("offers_support"):
        rows = rows.filter(
            context.field_visible_q("support_role"),
            support_role__in=[SupportRole.OFFERS, SupportRole.BOTH],
        )
    rows = (
        rows.distinct()
        .order_by("alias")
        .prefetch_related(
            Prefetch("experiences", ProfileExperience.objects.select_related("category")),
            "interests",
        )
    )
    return ShownRows(context, rows)


class ShownRows(MappedRows):
    """The paginator's rows, each page's profiles marked with ``shown`` (their visible fields)."""

    def __init__(self, context: ViewerContext, rows: QuerySet[Profile]) -> None:
        super().__init__(rows, self.mark)
        self.context = context

    def mark(self, profile: Profile) -> Profile:
        profile.shown = self.context.visible_fields(profile)  # type: ignore[attr-defined]
        return profile
