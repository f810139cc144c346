"""Writing to an organisation from its page, and its staff reading what came in.

Anyone may write, visitors too. The organisation's local contacts' staff accounts are told (in
the platform, by e-mail without content); without any, the administrators are. Text written
with crisis words shows the writer where to get help at once, as everywhere else."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ligesind.accounts.models import Role, User
from ligesind.core.errors import DomainError, NotAllowed
from ligesind.core.models import Municipality
from ligesind.core.services import notify
from ligesind.core.text_hooks import text_accepted
from ligesind.safety.services import current_lexicon

from . import permissions
from .models import ContactRequest, ContactStatus, LocalContact, Organisation

MAX_TEXT = 4000
PER_HOUR = 5
KEPT_AFTER_ANSWER = timedelta(days=365)
KEPT_UNANSWERED = timedelta(days=2 * 365)


@dataclass(frozen=True)
class ContactData:
    topic: str
    text: str
    municipality: Municipality | None = None
    name: str = ""
    reach: str = ""


@dataclass(frozen=True)
class Sent:
    request: ContactRequest
    crisis: bool  # the writer is shown where to get help now


def check_reach(reach: str, required: bool) -> str:
    reach = reach.strip()
    if not reach:
        if required:
            raise DomainError(_("Write an e-mail address or a phone number, so we can answer."))
        return ""
    if "@" in reach:
        try:
            validate_email(reach)
        except ValidationError:
            raise DomainError(_("That e-mail address does not look right.")) from None
        return reach
    digits = [c for c in reach if c.isdigit()]
    if len(digits) < 8 or any(not (c.isdigit() or c in " +-()") for c in reach):
        raise DomainError(_("Write a phone number with at least 8 digits, or an e-mail address."))
    return reach


def take_rate(key: str) -> None:
    """At most PER_HOUR requests an hour from one address or account."""
    name = f"throttle_contact:{key}"
    cache.add(name, 0, timeout=3600)
    try:
        count = cache.incr(name)
    except ValueError:  # expired between add and incr
        cache.set(name, 1, timeout=3600)
        count = 1
    if count > PER_HOUR:
        raise DomainError(_("You have written several times in a short while. Try again later."))


def recipients(organisation: Organisation, municipality: Municipality | None) -> list[User]:
    contacts = LocalContact.objects.filter(organisation=organisation, user__is_active=True)
    local = contacts.filter(municipality=municipality) if municipality else contacts.none()
    scope = Q(roles__role=Role.COORDINATOR, roles__organisations=organisation)
    if municipality is not None:  # the same role must cover the municipality too
        scope &= Q(roles__municipalities=municipality)
    staff = User.objects.filter(scope, is_active=True)
    ids = (
        set(local.values_list("user_id", flat=True))
        or set(staff.values_list("pk", flat=True))
        or set(contacts.values_list("user_id", flat=True))
    )
    if not ids:
        admins = Q(is_superuser=True) | Q(roles__role=Role.ADMIN)
        return list(User.objects.filter(admins, is_active=True).distinct())
    return list(User.objects.filter(pk__in=ids))


@transaction.atomic
def send_contact_request(
    *,
    actor: AbstractBaseUser | AnonymousUser,
    organisation: Organisation,
    data: ContactData,
    address: str,
) -> Sent:
    if not permissions.can_write_to(actor, organisation):
        raise NotAllowed(_("This account cannot write to the organisation."))
    text = data.text.strip()
    if not text:
        raise DomainError(_("Write what you would like to tell or ask."))
    if len(text) > MAX_TEXT:
        raise DomainError(_("Write at most %(n)s characters.") % {"n": MAX_TEXT})
    place = data.municipality
    if place is not None and not organisation.municipalities.filter(pk=place.pk).exists():
        raise DomainError(_("The organisation does not work in that municipality."))
    sender = actor if isinstance(actor, User) else None
    reach = check_reach(data.reach, required=sender is None)
    take_rate(f"user:{sender.pk}" if sender else f"address:{address}")
    request = ContactRequest.objects.create(
        organisation=organisation,
        municipality=place,
        topic=data.topic,
        sender=sender,
        name=data.name.strip()[:120],
        reach=reach,
        text=text,
    )
    if sender is not None:
        crisis = text_accepted(author=sender, text=text, where="contact")
    else:  # no account to alert about: the writer still sees where to get help
        crisis = current_lexicon().find(text) is not None
    url = reverse("organisations:requests", args=[organisation.slug])
    for person in recipients(organisation, place):
        notify(person, "contact_request", params={"organisation": organisation.name}, url=url)
    return Sent(request, crisis)


@transaction.atomic
def mark_contact_answered(*, actor: User, request: ContactRequest) -> ContactRequest:
    if not permissions.can_read_contact_requests(actor, request.organisation):
        raise NotAllowed(_("Only the organisation's staff handle what is written to it."))
    request.status, request.handled_by = ContactStatus.ANSWERED, actor
    request.handled_at = timezone.now()
    request.save(update_fields=["status", "handled_by", "handled_at"])
    return request


def purge_contact_requests(now: datetime) -> dict[str, int]:
    """Answered requests go a year after the answer, unanswered ones after two years."""
    old = Q(status=ContactStatus.ANSWERED, handled_at__lt=now - KEPT_AFTER_ANSWER) | Q(
        created_at__lt=now - KEPT_UNANSWERED
    )
    deleted, _by_model = ContactRequest.objects.filter(old).delete()
    return {"contact_requests": deleted}
