"""Reports: a member asks moderators to look at something; moderators work them as a queue."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from ligesind.accounts.models import User
from ligesind.core.errors import DomainError, NotAllowed
from ligesind.core.moderation import Reportable, get_reportable
from ligesind.core.services import notify
from ligesind.core.text_hooks import text_accepted
from ligesind.messaging.realtime import publish

from .. import permissions
from ..models import AlertStatus, Report, ReportReason
from .crisis import moderator_ids

MAX_TEXT = 2000


def written(text: str, *, missing: str | Promise | None = None) -> str:
    """What someone wrote to or for the moderators, trimmed: at most 2,000 characters, and not
    empty when ``missing`` (the message then) is given."""
    clean = (text or "").strip()
    if missing is not None and not clean:
        raise DomainError(missing)
    if len(clean) > MAX_TEXT:
        raise DomainError(_("Please keep it under 2,000 characters."))
    return clean


def mark_report(report: Report, *, actor: User, status: str) -> None:
    report.status = status
    report.handled_by = actor
    report.updated_at = timezone.now()
    report.save(update_fields=["status", "handled_by", "updated_at"])


def reported_content(kind: str, object_id: int) -> tuple[Reportable, object]:
    """The registered kind and the object, or a translated error if either is gone."""
    reportable = get_reportable(kind)
    target = reportable.load(object_id) if reportable else None
    if reportable is None or target is None:
        raise DomainError(_("What you wanted to report was not found. It may have been deleted."))
    return reportable, target


def new_report_count() -> int:
    return Report.objects.filter(status=AlertStatus.NEW).count()


def _check_report_rate(actor: User) -> None:
    since = timezone.now() - timedelta(days=1)
    if Report.objects.filter(reporter=actor, created_at__gte=since).count() >= (
        settings.LIGESIND_REPORTS_PER_DAY
    ):
        raise DomainError(
            _(
                "You have sent many reports today. Please write again tomorrow. If someone "
                "is in danger now, call 112."
            )
        )


@transaction.atomic
def report_content(
    *, actor: User, kind: str, object_id: int, reason: str, details: str = ""
) -> Report:
    """Report content or a member. Reporting the same thing twice while it is open gives the
    first report back; the reported member is never told who reported."""
    reportable, target = reported_content(kind, object_id)
    if not permissions.can_report(actor, reportable, target):
        raise NotAllowed(_("You cannot report this."))
    if reason not in ReportReason.values:
        raise DomainError(_("Choose a reason."))
    text = written(details)
    open_statuses = [AlertStatus.NEW, AlertStatus.IN_PROGRESS]
    earlier = Report.objects.filter(
        reporter=actor, kind=kind, object_id=object_id, status__in=open_statuses
    ).first()
    if earlier is not None:
        return earlier
    _check_report_rate(actor)
    report = Report.objects.create(
        reporter=actor,
        kind=kind,
        object_id=object_id,
        member_id=reportable.author_id(target),
        reason=reason,
        details=text,
    )
    if text:
        text_accepted(author=actor, text=text, where="report")
    moderators = moderator_ids()
    publish(moderators, {"event": "report.new", "count": new_report_count()})
    url = reverse("safety:report_detail", args=[report.pk])
    for moderator in User.objects.filter(pk__in=moderators):
        notify(moderator, "report_new", url=url)
    return report


@transaction.atomic
def set_report_status(*, actor: User, report: Report, status: str) -> Report:
    if not permissions.can_handle_reports(actor):
        raise NotAllowed(_("Only moderators can do this."))
    if status not in AlertStatus.values:
        raise DomainError(_("Choose a status."))
    mark_report(report, actor=actor, status=status)
    return report
