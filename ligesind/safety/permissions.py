"""Who may work the crisis queue and the lexicon: one function per rule."""

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser

from ligesind.accounts.models import Role
from ligesind.accounts.permissions import has_role, is_admin, is_member

AnyUser = AbstractBaseUser | AnonymousUser


def is_moderator(user: AnyUser) -> bool:
    return is_member(user) and (has_role(user, Role.MODERATOR) or is_admin(user))


def can_handle_alerts(user: AnyUser) -> bool:
    return is_moderator(user)


def can_edit_lexicon(user: AnyUser) -> bool:
    return is_moderator(user)
