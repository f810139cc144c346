from typing import TYPE_CHECKING

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django.contrib.auth.base_user import AbstractBaseUser


class CoreConfig(AppConfig):
    name = "ligesind.core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from django.db.backends.signals import connection_created

        from ligesind.core.people import register_user_annotation

        from .fast.db import use_compiled_timestamps
        from .privacy import register_export

        connection_created.connect(use_compiled_timestamps, dispatch_uid="compiled_timestamps")
        register_user_annotation("ligesind_unread_notifications", unread_notifications)

        register_export(
            "notifications",
            label=_("Notifications"),
            models=["core.Notification"],
            collect=export_notifications,
        )
        register_export(
            "notification_email",
            label=_("E-mails about notifications"),
            models=["core.NotificationPreference"],
            collect=export_preferences,
        )


def unread_notifications() -> object:
    """The navigation's unread count, loaded with the signed-in user."""
    from django.db.models import Count, OuterRef, Subquery
    from django.db.models.functions import Coalesce

    from .models import Notification

    unread = (
        Notification.objects.filter(recipient=OuterRef("pk"), read_at__isnull=True)
        .values("recipient")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(unread), 0)


def export_notifications(user: "AbstractBaseUser") -> list[dict[str, object]]:
    from .models import Notification
    from .notifications import render

    return [
        {
            "text": render(n),
            "created": n.created_at.isoformat(),
            "read": n.read_at.isoformat() if n.read_at else None,
        }
        for n in Notification.objects.filter(recipient_id=user.pk)
    ]


def export_preferences(user: "AbstractBaseUser") -> dict[str, str]:
    from .models import NotificationPreference

    return {
        p.kind: p.get_email_display()
        for p in NotificationPreference.objects.filter(user_id=user.pk)
    }
