"""API endpoints for my profile and the member directory."""

from typing import Any
from uuid import UUID

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from ligesind.core.api_paging import Pages
from ligesind.core.audit import record_staff_access
from ligesind.core.paging import MappedRows

from . import permissions
from .directory import directory_profiles
from .forms import DirectoryFilterForm
from .models import Language, Profile, User

router = Router(tags=["members"])


class Experience(Schema):
    category: str
    perspective: str


class MemberOut(Schema):
    """A member as the caller may see them: hidden fields are null."""

    id: str = Field(description="The member's public id")
    alias: str
    municipality: str | None = None
    lived_experience: list[Experience] | None = None
    interests: list[str] | None = None
    languages: list[str] | None = None
    contact_preference: str | None = None
    support: str | None = None
    peer_title: str | None = None
    story: str | None = None
    real_name: str | None = None


class DirectoryFilters(Schema):
    category: int | None = Field(None, description="Lived-experience category id")
    perspective: str | None = Field(None, description="affected, relative or both")
    municipality: int | None = None
    interest: int | None = None
    contact: str | None = Field(None, description="online or in_person")
    offers_support: bool = False


def member_out(profile: Profile, fields: frozenset[str]) -> dict[str, Any]:
    def shown(field: str, value: Any) -> Any:
        return value if field in fields else None

    return {
        "id": str(profile.public_id),
        "alias": profile.alias,
        "municipality": shown("municipality", str(profile.municipality or "") or None),
        "lived_experience": shown(
            "experiences",
            [
                {"category": e.category.name, "perspective": e.perspective}
                for e in profile.experiences.all()
            ],
        ),
        "interests": shown("interests", [i.name for i in profile.interests.all()]),
        "languages": shown(
            "languages", [str(Language(c).label) for c in profile.languages if c in Language]
        ),
        "contact_preference": shown("contact_preference", profile.contact_preference),
        "support": shown("support_role", profile.support_role),
        "peer_title": shown("peer_title", profile.peer_title or None),
        "story": shown("story", profile.story),
        "real_name": shown("real_name", profile.real_name or None),
    }


def _viewer(request: HttpRequest) -> User:
    user = request.auth  # type: ignore[attr-defined]
    assert isinstance(user, User)  # noqa: S101 - guaranteed by the API's authentication
    return user


@router.get("/me/profile", response=MemberOut, summary="My own profile, all of it")
def my_profile(request: HttpRequest) -> dict[str, Any]:
    user = _viewer(request)
    return member_out(user.profile, permissions.visible_fields(user, user.profile))


@router.get("/members", response=list[MemberOut], summary="The member directory")
@paginate(Pages, page_size=24)
def members(request: HttpRequest, filters: Query[DirectoryFilters]) -> Any:
    viewer = _viewer(request)
    form = DirectoryFilterForm(filters.dict(exclude_none=True))
    rows = directory_profiles(viewer, form.cleaned_data if form.is_valid() else {})
    return MappedRows(rows, lambda profile: member_out(profile, profile.shown))


@router.get("/members/{public_id}", response=MemberOut, summary="One member's profile")
def member(request: HttpRequest, public_id: UUID) -> dict[str, Any]:
    viewer = _viewer(request)
    profile = get_object_or_404(Profile.objects.select_related("municipality"), public_id=public_id)
    if not permissions.can_view_profile(viewer, profile):
        raise Http404
    if permissions.staff_only_fields(viewer, profile):
        record_staff_access(
            viewer=viewer,
            subject=profile.user,
            what=_("profile"),
            purpose=_("Coordinator or administrator duty: member profile"),
        )
    return member_out(profile, permissions.visible_fields(viewer, profile))
