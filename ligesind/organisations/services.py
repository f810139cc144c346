"""Joining and leaving organisations (the account, its contacts and everything written stay
when a member leaves; only the link to the organisation goes), and the site notice."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ligesind.accounts.models import User
from ligesind.core.errors import DomainError, NotAllowed
from ligesind.core.memo import forget
from ligesind.core.models import Municipality
from ligesind.core.remembered import Shared

from . import permissions
from .models import Organisation, OrganisationMembership, SiteNotice

NOTICE_KEY = "site:notice"
NOTICE_SECONDS = 300
NOTICE_LOCAL_SECONDS = 10.0


def join_organisation(*, actor: User, organisation: Organisation) -> OrganisationMembership:
    if permissions.has_joined(actor, organisation):
        raise DomainError(_("You are already a member of %(name)s.") % {"name": organisation})
    if not permissions.can_join(actor, organisation):
        raise NotAllowed(_("Only members can join an organisation."))
    try:
        with transaction.atomic():
            joined = OrganisationMembership.objects.create(user=actor, organisation=organisation)
            forget(actor, permissions.JOINED)
            return joined
    except IntegrityError:  # joined twice at once: the first one counts
        raise DomainError(
            _("You are already a member of %(name)s.") % {"name": organisation}
        ) from None


@transaction.atomic
def leave_organisation(*, actor: User, organisation: Organisation) -> None:
    if not permissions.can_leave(actor, organisation):
        raise DomainError(_("You are not a member of %(name)s.") % {"name": organisation})
    OrganisationMembership.objects.filter(user=actor, organisation=organisation).delete()
    forget(actor, permissions.JOINED)


def organisations_of(user: User) -> list[Organisation]:
    if user.pk is None:
        return []
    return list(Organisation.objects.filter(memberships__user=user))


def works_in(organisation: Organisation, municipality: Municipality) -> bool:
    """Whether the organisation works in the municipality (one working nowhere in particular,
    such as a national online association, works everywhere)."""
    places = organisation.municipalities.all()
    return not places.exists() or places.filter(pk=municipality.pk).exists()


def site_notice() -> SiteNotice:
    notice, _created = SiteNotice.objects.get_or_create(pk=1)
    return notice


def _notice_texts() -> dict[str, str]:
    notice = SiteNotice.objects.filter(pk=1, active=True).first()
    return {"da": notice.text, "en": notice.text_en or notice.text} if notice else {}


# Every page shows it: read from the database at most once per process in NOTICE_LOCAL_SECONDS.
notice_texts: Shared[dict[str, str]] = Shared(
    NOTICE_KEY, _notice_texts, seconds=NOTICE_SECONDS, local_seconds=NOTICE_LOCAL_SECONDS
)


def shown_notice(language: str) -> str:
    """The notice every page shows now, in the language (Danish when there is no English), or
    ""."""
    texts = notice_texts.get()
    return texts.get(language, texts.get("da", ""))


def forget_notice() -> None:
    """After a change: this process reads the notice again at once, the others within
    NOTICE_LOCAL_SECONDS."""
    notice_texts.forget()


@transaction.atomic
def set_site_notice(*, actor: User, text: str, text_en: str, active: bool) -> SiteNotice:
    if not permissions.can_edit_site_notice(actor):
        raise NotAllowed(_("Only administrators change the site notice."))
    text, text_en = " ".join(text.split()), " ".join(text_en.split())
    if active and not text:
        raise DomainError(_("Write the notice before you show it."))
    notice = site_notice()
    notice.text, notice.text_en, notice.active = text, text_en, active
    notice.updated_by, notice.updated_at = actor, timezone.now()
    notice.save()
    transaction.on_commit(forget_notice)
    return notice
