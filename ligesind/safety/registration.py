"""What safety plugs into: the text hook, a notification kind, export."""

from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.utils.translation import gettext_lazy as _

from ligesind.core.models import EmailMode
from ligesind.core.notifications import NotificationKind, register_kind
from ligesind.core.privacy import register_export, register_labels
from ligesind.core.text_hooks import register_text_check

from .models import CrisisAlert, MutedWord


def crisis_check(author: AbstractBaseUser, text: str, where: str) -> None:
    from .services import check_text

    check_text(author, text, where)  # type: ignore[arg-type]


def export_safety(user: Any) -> dict[str, Any]:
    return {
        "crisis_alerts": [
            {"where": a.where, "when": a.created_at.isoformat(), "status": a.get_status_display()}
            for a in CrisisAlert.objects.filter(author_id=user.pk)
        ],
        "muted_words": [m.word for m in MutedWord.objects.filter(user_id=user.pk)],
    }


def register() -> None:
    register_text_check(crisis_check)
    register_kind(
        NotificationKind(
            "crisis_alert",
            _("Crisis language was written (moderators)"),
            _("Someone may be in crisis. Please look at the crisis queue."),
            EmailMode.IMMEDIATE,
        )
    )
    register_export(
        "safety",
        label=_("Safety"),
        models=["safety.CrisisAlert", "safety.CrisisTerm", "safety.MutedWord"],
        collect=export_safety,
    )
    register_labels(
        {
            "safety": _("Safety"),
            "crisis_alerts": _("Times the site offered me help"),
            "muted_words": _("Words I muted"),
        }
    )
