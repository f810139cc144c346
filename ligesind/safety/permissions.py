"""Who may report, work the queues, decide, appeal and edit the lexicon: one function per rule."""

from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser

from ligesind.accounts.models import Role, User
from ligesind.accounts.permissions import has_role, is_admin, is_member, is_restricted
from ligesind.core.moderation import Reportable

from .models import ActionKind, Appeal, ModerationAction

AnyUser = AbstractBaseUser | AnonymousUser


def is_moderator(user: AnyUser) -> bool:
    return is_member(user) and (has_role(user, Role.MODERATOR) or is_admin(user))


def can_handle_alerts(user: AnyUser) -> bool:
    return is_moderator(user)


def can_edit_lexicon(user: AnyUser) -> bool:
    return is_moderator(user)


def can_report(user: AnyUser, reportable: Reportable, target: Any) -> bool:
    """Members report what they can see and did not write themselves."""
    return (
        is_member(user)
        and reportable.author_id(target) != user.pk
        and reportable.visible_to(user, target)
    )


def can_handle_reports(user: AnyUser) -> bool:
    return is_moderator(user)


def can_decide_about(user: AnyUser, member: User) -> bool:
    """Moderators decide about other members; only an admin decides about an admin."""
    return (
        is_moderator(user)
        and user.pk != member.pk
        and (is_admin(user) or not (member.is_superuser or has_role(member, Role.ADMIN)))
    )


def can_restore(user: AnyUser, action: ModerationAction) -> bool:
    return (
        action.kind != ActionKind.RESTORE
        and not action.undone_by.exists()
        and can_decide_about(user, action.member)
    )


def can_see_own_standing(user: AnyUser) -> bool:
    """A member's decisions page opens even while suspended or banned (to read why, appeal)."""
    return is_member(user) or is_restricted(user)


def can_appeal(user: AnyUser, action: ModerationAction) -> bool:
    return (
        can_see_own_standing(user)
        and action.member_id == user.pk
        and action.kind != ActionKind.RESTORE
        and not Appeal.objects.filter(action=action).exists()
        and not action.undone_by.exists()
    )


def can_answer_appeal(user: AnyUser, appeal: Appeal) -> bool:
    return appeal.answered_at is None and can_decide_about(user, appeal.action.member)
