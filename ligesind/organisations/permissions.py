"""Who may do what with organisations: every rule one function."""

from ligesind.accounts.permissions import AnyUser, is_admin, is_member

from .models import Organisation, OrganisationMembership


def can_join(user: AnyUser, organisation: Organisation) -> bool:
    return is_member(user) and not has_joined(user, organisation)


def can_leave(user: AnyUser, organisation: Organisation) -> bool:
    return is_member(user) and has_joined(user, organisation)


def has_joined(user: AnyUser, organisation: Organisation) -> bool:
    if user.pk is None:
        return False
    return OrganisationMembership.objects.filter(
        user_id=user.pk, organisation=organisation
    ).exists()


def can_edit_site_notice(user: AnyUser) -> bool:
    return is_admin(user)
