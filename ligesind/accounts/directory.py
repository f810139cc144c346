"""The member directory: filters that only match what the viewer is allowed to see."""

from typing import Any

from django.db.models import Exists, OuterRef, Prefetch, QuerySet
from django.db.models.functions import Lower
from django.utils import timezone

from ligesind.core.paging import MappedRows

from .models import ContactPreference, Profile, ProfileExperience, SupportRole, User
from .permissions import ViewerContext


def directory_profiles(viewer: User, filters: dict[str, Any]) -> "ShownRows":
    """Listed, complete profiles of other members, each with ``shown`` = its visible fields.

    A filter on a field only matches members who let this viewer see that field, so a filter
    never reveals a hidden value. Filters on experiences and interests are ``EXISTS`` subqueries,
    so a profile is never repeated and the list needs no ``DISTINCT`` (which made the count
    compare every column of every member: bench/directory.py).
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
            experience["category"] = filters["category"]
        if filters.get("perspective"):
            experience["perspective__in"] = [filters["perspective"], "both"]
        rows = rows.filter(
            Exists(ProfileExperience.objects.filter(profile=OuterRef("pk"), **experience))
        )
    if filters.get("municipality"):
        rows = rows.filter(
            context.field_visible_q("municipality"), municipality=filters["municipality"]
        )
    if filters.get("interest"):
        chosen = Profile.interests.through.objects.filter(
            profile_id=OuterRef("pk"), interest=filters["interest"]
        )
        rows = rows.filter(context.field_visible_q("interests"), Exists(chosen))
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
    # lower(alias) is the unique alias index: a page is read from it in order, not sorted
    rows = rows.order_by(Lower("alias")).prefetch_related(
        Prefetch("experiences", ProfileExperience.objects.select_related("category")),
        "interests",
    )
    return ShownRows(context, rows)


# The list counts up to this many members and says "more than" beyond: counting every member
# of a national community on each page cost more than the page itself (bench/directory.py),
# and nobody pages through thousands of peers; the filters find the ones near you.
COUNT_LIMIT = 1000


class ShownRows(MappedRows):
    """The paginator's rows, each page's profiles marked with ``shown`` (their visible fields)."""

    def __init__(self, context: ViewerContext, rows: QuerySet[Profile]) -> None:
        super().__init__(rows, self.mark)
        self.context = context

    def count(self) -> int:
        """The number of members found, up to ``COUNT_LIMIT`` + 1 ("more than")."""
        return int(self.rows[: COUNT_LIMIT + 1].count())

    def mark(self, profile: Profile) -> Profile:
        profile.shown = self.context.visible_fields(profile)  # type: ignore[attr-defined]
        return profile
