"""What research plugs into: a notification, the member's data export and erasure."""

import json
from datetime import datetime, timedelta
from typing import Any

from django.utils.translation import gettext_lazy as _

from ligesind.core.models import EmailMode
from ligesind.core.notifications import NotificationKind, register_kind
from ligesind.core.privacy import register_erasure, register_export, register_labels
from ligesind.core.retention import register_purge

from .models import Consent, Participant, Referral, Response


def export_research(user: Any) -> dict[str, Any]:
    rows = []
    for p in Participant.objects.filter(user_id=user.pk).select_related("study"):
        rows.append(
            {
                "study": p.study.title,
                "study_code": p.code,
                "status": p.get_status_display(),
                "enrolled": p.enrolled_at.isoformat() if p.enrolled_at else None,
                "consents": [
                    {"version": c.version.number, "given": c.given_at.isoformat()}
                    for c in Consent.objects.filter(participant=p).select_related("version")
                ],
                "answers": [
                    {
                        "timepoint": r.timepoint.name,
                        "answers": json.loads(r.answers),
                        "score": r.score,
                    }
                    for r in Response.objects.filter(participant=p).select_related("timepoint")
                ],
            }
        )
    return {"research": rows}


def erase_research(user: Any) -> None:
    """The account goes: the study keeps only the code, the status and the allocation; the
    answers, and the name typed to sign, are deleted."""
    for participant in Participant.objects.filter(user_id=user.pk):
        Response.objects.filter(participant=participant).delete()
        Consent.objects.filter(participant=participant).update(typed_name="")
        participant.keep_answers = False
        participant.status = "withdrawn"
        participant.save(update_fields=["keep_answers", "status"])


REFERRAL_DAYS = 180


def purge_referrals(now: datetime) -> dict[str, int]:
    """A referral names someone who is not (yet) a member: deleted half a year after it came."""
    old = Referral.objects.filter(created_at__lt=now - timedelta(days=REFERRAL_DAYS))
    return {"research_referrals": old.delete()[0]}


def register() -> None:
    register_kind(
        NotificationKind(
            "research_due",
            _("A questionnaire in a study I take part in is ready"),
            _("A questionnaire in a study you take part in is ready for you."),
            EmailMode.IMMEDIATE,
        )
    )
    register_kind(
        NotificationKind(
            "research_consent",
            _("A study I take part in changed its consent text"),
            _("A study you take part in has a new consent text. Read it and consent again."),
            EmailMode.IMMEDIATE,
        )
    )
    register_export(
        "research",
        label=_("Research"),
        models=["research.Participant", "research.TeamMember"],
        collect=export_research,
    )
    register_labels(
        {"study_code": _("Study code"), "consents": _("Consents"), "answers": _("Answers")}
    )
    register_erasure(erase_research)
    register_purge(purge_referrals)
