"""Shared business operations: notifications."""

from datetime import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.mail import EmailMessage, EmailMultiAlternatives, send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .errors import DomainError
from .models import EmailMode, Notification, NotificationPreference
from .notifications import get_kind, kinds


def email_mode(user: AbstractBaseUser, kind: str) -> str:
    chosen = (
        NotificationPreference.objects.filter(user_id=user.pk, kind=kind)
        .values_list("email", flat=True)
        .first()
    )
    return chosen or get_kind(kind).default_email


def email_modes(user: AbstractBaseUser) -> dict[str, str]:
    """``email_mode`` of every kind at once (one query), by kind."""
    chosen = dict(
        NotificationPreference.objects.filter(user_id=user.pk).values_list("kind", "email")
    )
    return {kind.key: chosen.get(kind.key) or kind.default_email for kind in kinds()}


@transaction.atomic
def notify(
    recipient: AbstractBaseUser, kind: str, *, params: dict[str, str] | None = None, url: str = ""
) -> Notification:
    """Tell ``recipient`` something: in-app at once, by e-mail as they chose for this kind."""
    from .tasks import send_notification_email

    get_kind(kind)  # an unknown kind is a programming error: fail loudly
    notification = Notification.objects.create(
        recipient_id=recipient.pk, kind=kind, params=params or {}, url=url
    )
    if email_mode(recipient, kind) == EmailMode.IMMEDIATE:
        transaction.on_commit(
            lambda: send_notification_email.enqueue(recipient.pk, notification.pk)
        )
    return notification


@transaction.atomic
def mark_notification_read(*, actor: AbstractBaseUser, notification_id: int) -> None:
    updated = Notification.objects.filter(pk=notification_id, recipient_id=actor.pk).update(
        read_at=timezone.now()
    )
    if not updated:
        raise DomainError(_("That notification was not found."))


@transaction.atomic
def mark_all_notifications_read(*, actor: AbstractBaseUser) -> int:
    return Notification.objects.filter(recipient_id=actor.pk, read_at__isnull=True).update(
        read_at=timezone.now()
    )


@transaction.atomic
def set_email_preference(*, actor: AbstractBaseUser, kind: str, mode: str) -> None:
    get_kind(kind)
    if mode not in EmailMode.values:
        raise DomainError(_("Please choose how you want to be told."))
    NotificationPreference.objects.update_or_create(
        user_id=actor.pk, kind=kind, defaults={"email": mode}
    )


def unread_count(user: AbstractBaseUser) -> int:
    return Notification.objects.filter(recipient_id=user.pk, read_at__isnull=True).count()


def digest_due() -> dict[int, list[int]]:
    """Unread notifications not yet e-mailed, by recipient, where they want a daily digest."""
    pending = list(
        Notification.objects.filter(read_at__isnull=True, emailed_at__isnull=True).values_list(
            "pk", "recipient_id", "kind"
        )
    )
    chosen = {
        (p.user_id, p.kind): p.email
        for p in NotificationPreference.objects.filter(user_id__in={u for _, u, _ in pending})
    }
    due: dict[int, list[int]] = {}
    for pk, user_id, kind in pending:
        if chosen.get((user_id, kind), get_kind(kind).default_email) == EmailMode.DIGEST:
            due.setdefault(user_id, []).append(pk)
    return due


def send_digests() -> int:
    """Queue one digest e-mail per member with something new. Run daily (cron)."""
    from .tasks import send_digest_email

    due = digest_due()
    for user_id, ids in due.items():
        send_digest_email.enqueue(user_id, ids)
    return len(due)


@transaction.atomic
def email_notifications(*, user_id: int, notification_ids: list[int]) -> bool:
    """Send one e-mail about these notifications. It says only that there is something new:
    never what, never from whom (an e-mail can be read by others)."""
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    rows = Notification.objects.select_for_update().filter(
        pk__in=notification_ids, recipient_id=user_id, emailed_at__isnull=True, read_at__isnull=True
    )
    count = rows.count()
    if user is None or not count:
        return False
    with translation.override(settings.LANGUAGE_CODE):
        subject = ngettext(
            "You have %(count)d new notification on Ligesind",
            "You have %(count)d new notifications on Ligesind",
            count,
        ) % {"count": count}
        body = render_to_string(
            "core/email/notifications.txt",
            {"count": count, "url": settings.LIGESIND_SITE_URL + reverse("notifications")},
        )
    send_mail(subject, body, None, [getattr(user, "email", "")])
    rows.update(emailed_at=timezone.now())
    return True


def queue_email(message: EmailMessage) -> None:
    """Send a rendered e-mail from a background task: the page that asked for it does not wait
    for the mail server (and sign-up takes as long whether or not the address has an account)."""
    from .tasks import send_prepared_email

    html = ""
    if isinstance(message, EmailMultiAlternatives):
        html = next((str(body) for body, kind in message.alternatives if kind == "text/html"), "")
    body = str(message.body)
    if message.content_subtype == "html":
        body, html = "", body
    send_prepared_email.enqueue(
        subject=str(message.subject),
        body=body,
        html=html,
        from_email=str(message.from_email or settings.DEFAULT_FROM_EMAIL),
        to=[str(address) for address in message.to],
    )


def send_prepared_email(
    *, subject: str, body: str, html: str, from_email: str, to: list[str]
) -> int:
    message = EmailMultiAlternatives(subject, body, from_email, to)
    if html:
        message.attach_alternative(html, "text/html")
    return message.send()


def purge_old_data(now: datetime | None = None) -> dict[str, int]:
    """Delete what is past its keeping time (deleted content after
    ``LIGESIND_PURGE_DELETED_DAYS``, expired sessions), app by app. Returns counts by kind."""
    from django.contrib.sessions.models import Session

    from .retention import purges

    moment = now or timezone.now()
    counts: dict[str, int] = {}
    with transaction.atomic():
        for purge in purges():
            counts.update(purge(moment))
        counts["expired_sessions"] = Session.objects.filter(expire_date__lt=moment).delete()[0]
    return counts
