"""Moderators' decisions (hide, warn, suspend, ban, restore) and members' appeals.

Every decision is a new ``ModerationAction`` row with the reason the member reads: the audit
trail of moderation. A suspension or ban ends every session and open WebSocket at once.
"""

from datetime import timedelta

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ligesind.accounts.models import User
from ligesind.accounts.services import end_other_sessions
from ligesind.core.errors import DomainError, NotAllowed
from ligesind.core.services import notify
from ligesind.core.text_hooks import text_accepted
from ligesind.messaging.realtime import end_connections, publish

from .. import permissions
from ..models import ActionKind, AlertStatus, Appeal, ModerationAction, Report
from .crisis import moderator_ids
from .reports import mark_report, reported_content, written

MAX_SUSPENSION_DAYS = 365


def _reason(reason: str) -> str:
    return written(reason, missing=_("Write the reason the member will read."))


def end_sessions(member: User) -> None:
    """Sign the member out everywhere: every session and every open WebSocket."""
    end_other_sessions(actor=member)
    end_connections(member.pk)


def _tell_member(member: User) -> None:
    notify(member, "moderation_decision", url=reverse("safety:standing"))


@transaction.atomic
def take_decision(
    *, actor: User, report: Report, kind: str, reason: str, days: int | None = None
) -> ModerationAction:
    """Decide on a report: hide the content, warn, suspend for ``days`` or ban its author."""
    member = (
        User.objects.select_for_update().filter(pk=report.member_id).first()
        if report.member_id
        else None
    )
    if member is None:
        raise DomainError(_("The member has deleted their account."))
    if not permissions.can_decide_about(actor, member):
        raise NotAllowed(_("You cannot make decisions about this member."))
    text = _reason(reason)
    action = ModerationAction(member=member, kind=kind, reason=text, moderator=actor, report=report)
    if kind == ActionKind.HIDE:
        reportable, target = reported_content(report.kind, report.object_id)
        if reportable.is_hidden(target):
            raise DomainError(_("This is already hidden."))
        reportable.set_hidden(target, True)
        action.content_kind, action.content_id = report.kind, report.object_id
    elif kind == ActionKind.SUSPEND:
        if days is None or not 1 <= days <= MAX_SUSPENSION_DAYS:
            raise DomainError(_("Choose a suspension between 1 and 365 days."))
        action.until = timezone.now() + timedelta(days=days)
        member.suspended_until = action.until
        member.save(update_fields=["suspended_until"])
        end_sessions(member)
    elif kind == ActionKind.BAN:
        member.banned_at = timezone.now()
        member.save(update_fields=["banned_at"])
        end_sessions(member)
    elif kind != ActionKind.WARN:
        raise DomainError(_("Choose a decision."))
    action.save()
    mark_report(report, actor=actor, status=AlertStatus.RESOLVED)
    _tell_member(member)
    return action


@transaction.atomic
def restore_decision(*, actor: User, action: ModerationAction, reason: str) -> ModerationAction:
    """Undo a decision: show hidden content again, lift a suspension or a ban, withdraw a
    warning. The undoing is a decision of its own, with its reason."""
    if not permissions.can_restore(actor, action):
        raise NotAllowed(_("This decision cannot be undone (again)."))
    text = _reason(reason)
    member = User.objects.select_for_update().get(pk=action.member_id)
    if action.kind == ActionKind.HIDE and action.content_kind and action.content_id:
        try:
            reportable, target = reported_content(action.content_kind, action.content_id)
        except DomainError:
            pass  # deleted since: nothing left to show
        else:
            reportable.set_hidden(target, False)
    elif action.kind == ActionKind.SUSPEND:
        member.suspended_until = None
        member.save(update_fields=["suspended_until"])
    elif action.kind == ActionKind.BAN:
        member.banned_at = None
        member.save(update_fields=["banned_at"])
    restored = ModerationAction.objects.create(
        member=member,
        kind=ActionKind.RESTORE,
        reason=text,
        moderator=actor,
        report=action.report,
        content_kind=action.content_kind,
        content_id=action.content_id,
        undoes=action,
    )
    _tell_member(member)
    return restored


@transaction.atomic
def appeal_decision(*, actor: User, action: ModerationAction, text: str) -> Appeal:
    if not permissions.can_appeal(actor, action):
        raise NotAllowed(_("You cannot appeal this decision."))
    body = written(text, missing=_("Write why you think the decision is wrong."))
    appeal = Appeal.objects.create(action=action, text=body)
    text_accepted(author=actor, text=body, where="appeal")
    moderators = [pk for pk in moderator_ids() if pk != actor.pk]
    publish(moderators, {"event": "appeal.new"})
    url = reverse("safety:appeal", args=[appeal.pk])
    for moderator in User.objects.filter(pk__in=moderators):
        notify(moderator, "appeal_new", url=url)
    return appeal


@transaction.atomic
def answer_appeal(*, actor: User, appeal: Appeal, restore: bool, answer: str) -> Appeal:
    """Uphold the decision or restore; either way the member reads the answer."""
    if not permissions.can_answer_appeal(actor, appeal):
        raise NotAllowed(_("This appeal has been answered, or you cannot answer it."))
    text = _reason(answer)
    if restore:
        restore_decision(actor=actor, action=appeal.action, reason=text)
    else:
        _tell_member(appeal.action.member)
    appeal.answer = text
    appeal.restored = restore
    appeal.answered_by = actor
    appeal.answered_at = timezone.now()
    appeal.save(update_fields=["answer", "restored", "answered_by", "answered_at"])
    return appeal


def open_appeal_count() -> int:
    return Appeal.objects.filter(answered_at__isnull=True).count()
