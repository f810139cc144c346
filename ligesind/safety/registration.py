"""What safety plugs into: the text hook, a notification kind, export."""

from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.utils.translation import gettext_lazy as _

from ligesind.core.models import EmailMode
from ligesind.core.notifications import NotificationKind, register_kind
from ligesind.core.privacy import register_export, register_labels
from ligesind.core.text_hooks import (
    register_help_due,
    register_reader_hooks,
    register_text_check,
)

from .models import Appeal, CrisisAlert, ModerationAction, MutedWord, Report


def crisis_check(author: AbstractBaseUser, text: str, where: str, about: str) -> bool:
    from .services import check_text

    return check_text(author, text, where, about) is not None  # type: ignore[arg-type]


def crisis_pending() -> object:
    """Whether a help panel waits for the user: loaded with the signed-in user."""
    from django.db.models import Exists, OuterRef

    return Exists(
        CrisisAlert.objects.filter(author=OuterRef("pk"), shown_to_author_at__isnull=True)
    )


def export_safety(user: Any) -> dict[str, Any]:
    return {
        "crisis_alerts": [
            {"where": a.where, "when": a.created_at.isoformat(), "status": a.get_status_display()}
            for a in CrisisAlert.objects.filter(author_id=user.pk)
        ],
        "muted_words": [m.word for m in MutedWord.objects.filter(user_id=user.pk)],
        "reports_i_made": [
            {"what": r.kind, "reason": r.get_reason_display(), "when": r.created_at.isoformat()}
            for r in Report.objects.filter(reporter_id=user.pk)
        ],
        "moderation_decisions": [
            {
                "decision": a.get_kind_display(),
                "reason": a.reason,
                "when": a.created_at.isoformat(),
                "until": a.until.isoformat() if a.until else None,
            }
            for a in ModerationAction.objects.filter(member_id=user.pk)
        ],
        "appeals": [
            {"text": a.text, "answer": a.answer, "when": a.created_at.isoformat()}
            for a in Appeal.objects.filter(action__member_id=user.pk)
        ],
    }


KINDS = [
    (
        "crisis_alert",
        _("Crisis language was written (moderators)"),
        _("Someone may be in crisis. Please look at the crisis queue."),
    ),
    (
        "report_new",
        _("A new report (moderators)"),
        _("A member has reported something. Please look at the reports."),
    ),
    (
        "appeal_new",
        _("A new appeal (moderators)"),
        _("A member has appealed a decision. Please look at the appeal."),
    ),
    (
        "moderation_decision",
        _("A moderator's decision about me"),
        _("A moderator has made a decision about your account or what you wrote. Read why."),
    ),
]


def register() -> None:
    from ligesind.core.people import register_user_annotation

    from .services import contains_muted, muted_words, take_pending_panel

    register_text_check(crisis_check)
    register_reader_hooks(muted_words=muted_words, contains_muted=contains_muted)
    register_help_due(take_pending_panel)
    register_user_annotation("ligesind_crisis_pending", crisis_pending)
    for key, label, message in KINDS:
        register_kind(NotificationKind(key, label, message, EmailMode.IMMEDIATE))
    register_export(
        "safety",
        label=_("Safety"),
        models=[
            "safety.CrisisAlert",
            "safety.CrisisTerm",
            "safety.MutedWord",
            "safety.Report",
            "safety.ModerationAction",
            "safety.Appeal",
        ],
        collect=export_safety,
    )
    register_labels(
        {
            "safety": _("Safety"),
            "crisis_alerts": _("Times the site offered me help"),
            "muted_words": _("Words I muted"),
            "reports_i_made": _("Reports I made"),
            "moderation_decisions": _("Moderators' decisions about me"),
            "appeals": _("My appeals"),
        }
    )
