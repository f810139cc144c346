"""Joining and leaving organisations. The account, its contacts and everything written stay
when a member leaves; only the link to the organisation goes."""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from ligesind.accounts.models import User
from ligesind.core.errors import DomainError, NotAllowed

from . import permissions
from .models import Organisation, OrganisationMembership


def join_organisation(*, actor: User, organisation: Organisation) -> OrganisationMembership:
    if permissions.has_joined(actor, organisation):
        raise DomainError(_("You are already a member of %(name)s.") % {"name": organisation})
    if not permissions.can_join(actor, organisation):
        raise NotAllowed(_("Only members can join an organisation."))
    try:
        with transaction.atomic():
            return OrganisationMembership.objects.create(user=actor, organisation=organisation)
    except IntegrityError:  # joined twice at once: the first one counts
        raise DomainError(
            _("You are already a member of %(name)s.") % {"name": organisation}
        ) from None


@transaction.atomic
def leave_organisation(*, actor: User, organisation: Organisation) -> None:
    if not permissions.can_leave(actor, organisation):
        raise DomainError(_("You are not a member of %(name)s.") % {"name": organisation})
    OrganisationMembership.objects.filter(user=actor, organisation=organisation).delete()


def organisations_of(user: User) -> list[Organisation]:
    if user.pk is None:
        return []
    return list(Organisation.objects.filter(memberships__user=user))
