"""The staff-access audit: one call that every view showing a member's sensitive data makes.

    record_staff_access(viewer=request.user, subject=member, what=_("profile"), purpose=...)

It writes an entry only when the viewer is staff acting on someone else's data; the member sees
every entry on "Who has looked at my data". ``what`` and ``purpose`` are stored as their English
source text and translated when shown.
"""

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.utils.functional import Promise
from django.utils.translation import override

from .models import AccessLog
from .people import staff_roles
from .privacy import alias_of

STAFF_ROLES = ("admin", "coordinator", "moderator", "researcher", "treasurer")


@transaction.atomic
def record_staff_access(
    *,
    viewer: AbstractBaseUser | AnonymousUser,
    subject: AbstractBaseUser,
    what: str | Promise,
    purpose: str | Promise,
) -> AccessLog | None:
    """Write an audit entry if ``viewer`` is staff looking at another member's data."""
    if not isinstance(viewer, AbstractBaseUser) or viewer.pk == subject.pk:
        return None
    roles = staff_roles(viewer)
    if not roles:
        return None
    alias = alias_of(viewer) or f"#{viewer.pk}"
    with override("en"):
        return AccessLog.objects.create(
            actor_id=viewer.pk,
            actor_alias=alias,
            actor_roles=",".join(roles),
            subject_id=subject.pk,
            what=str(what),
            purpose=str(purpose),
        )
