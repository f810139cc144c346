"""Activities can be reported; a moderator can hide one from everyone but its organiser."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ligesind.core.moderation import AnyUser, Reportable, register_reportable

from . import permissions
from .models import Activity


def _load(pk: int) -> Activity | None:
    return Activity.objects.filter(pk=pk).first()


def _visible_to(user: AnyUser, activity: Activity) -> bool:
    return permissions.can_view_activity(user, activity)


def _set_hidden(activity: Activity, hidden: bool) -> None:
    activity.hidden_at = timezone.now() if hidden else None
    activity.save(update_fields=["hidden_at"])


def register() -> None:
    register_reportable(
        Reportable(
            "activity",
            _("an activity"),
            load=_load,
            author_id=lambda activity: activity.organiser_id,
            visible_to=_visible_to,
            text=lambda activity: f"{activity.title}\n\n{activity.description}",
            is_hidden=lambda activity: activity.hidden_at is not None,
            set_hidden=_set_hidden,
        )
    )
