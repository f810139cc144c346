"""Members (their profiles) can be reported; "hide" takes their story, picture and interests
away from other members until a moderator restores them."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ligesind.core.moderation import AnyUser, Reportable, register_reportable

from . import permissions
from .models import Profile


def _load(pk: int) -> Profile | None:
    return Profile.objects.select_related("user").filter(pk=pk).first()


def _visible_to(user: AnyUser, profile: Profile) -> bool:
    return permissions.can_view_profile(user, profile)


def _text(profile: Profile) -> str:
    return f"{profile.alias}\n\n{profile.story}"


def _set_hidden(profile: Profile, hidden: bool) -> None:
    profile.hidden_at = timezone.now() if hidden else None
    profile.save(update_fields=["hidden_at"])


def register() -> None:
    register_reportable(
        Reportable(
            "profile",
            _("a member's profile"),
            load=_load,
            author_id=lambda profile: profile.user_id,
            visible_to=_visible_to,
            text=_text,
            is_hidden=lambda profile: profile.hidden_at is not None,
            set_hidden=_set_hidden,
        )
    )
