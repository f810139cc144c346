"""Crisis language: checked wherever member text is accepted, a calm panel for the author at
once, and an alert for the moderators. Nothing is deleted or blocked automatically."""

import time

from django.core.cache import cache
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ligesind.accounts.models import Role, User
from ligesind.core.errors import DomainError, NotAllowed
from ligesind.core.services import notify
from ligesind.messaging.realtime import publish

from .. import permissions
from ..detection import Pattern, find, words
from ..models import AlertStatus, CrisisAlert, CrisisTerm

CACHE_KEY = "safety:lexicon"
EXCERPT_LENGTH = 500
# Every message is checked, so each process keeps the compiled lexicon in memory; a change
# reaches the process that made it at once and the others within this many seconds.
LOCAL_SECONDS = 30.0
_local: dict[str, tuple[float, list[Pattern]]] = {}


def patterns() -> list[Pattern]:
    """The active lexicon, compiled."""
    now = time.monotonic()
    held = _local.get(CACHE_KEY)
    if held is not None and now - held[0] < LOCAL_SECONDS:
        return held[1]
    cached: list[Pattern] | None = cache.get(CACHE_KEY)
    if cached is None:
        phrases = CrisisTerm.objects.filter(active=True).values_list("phrase", flat=True)
        cached = [Pattern.of(phrase) for phrase in phrases]
        cache.set(CACHE_KEY, cached, timeout=3600)
    _local[CACHE_KEY] = (now, cached)
    return cached


def forget_patterns() -> None:
    """After a change to the lexicon: every process reads it again (this one at once)."""
    _local.clear()
    cache.delete(CACHE_KEY)


def moderator_ids() -> list[int]:
    return list(
        User.objects.filter(Q(roles__role__in=[Role.MODERATOR, Role.ADMIN]) | Q(is_superuser=True))
        .filter(is_active=True)
        .values_list("pk", flat=True)
        .distinct()
    )


def new_alert_count() -> int:
    return CrisisAlert.objects.filter(status=AlertStatus.NEW).count()


def check_text(author: User, text: str, where: str) -> CrisisAlert | None:
    """The text hook: raise an alert when crisis language is found. Called inside the
    service's transaction, so the alert and the panel exist only if the text was saved."""
    phrase = find(text, patterns())
    if phrase is None or author.pk is None:
        return None
    alert = CrisisAlert.objects.create(
        author=author, where=where[:40], phrase=phrase, excerpt=text[:EXCERPT_LENGTH]
    )
    publish([author.pk], {"event": "crisis.panel"})
    author.ligesind_crisis_pending = True  # type: ignore[attr-defined]  # shown on this page too
    moderators = moderator_ids()
    publish(moderators, {"event": "crisis.alert", "count": new_alert_count()})
    for moderator in User.objects.filter(pk__in=moderators):
        notify(moderator, "crisis_alert", url=reverse("safety:alert", args=[alert.pk]))
    return alert


def take_pending_panel(user: User) -> bool:
    """Whether to show the author the help panel now (once per alert). One UPDATE, atomic on
    its own."""
    return bool(
        CrisisAlert.objects.filter(author=user, shown_to_author_at__isnull=True).update(
            shown_to_author_at=timezone.now()
        )
    )


@transaction.atomic
def set_alert_status(*, actor: User, alert: CrisisAlert, status: str) -> CrisisAlert:
    if not permissions.can_handle_alerts(actor):
        raise NotAllowed(_("Only moderators handle crisis alerts."))
    if status not in AlertStatus.values:
        raise DomainError(_("Choose a status."))
    alert.status, alert.handled_by, alert.handled_at = status, actor, timezone.now()
    alert.save(update_fields=["status", "handled_by", "handled_at"])
    publish(moderator_ids(), {"event": "crisis.alert", "count": new_alert_count()})
    return alert


@transaction.atomic
def add_crisis_term(*, actor: User, phrase: str, language: str) -> CrisisTerm:
    if not permissions.can_edit_lexicon(actor):
        raise NotAllowed(_("Only moderators change the crisis phrases."))
    clean = " ".join(phrase.lower().split())
    if not words(clean.replace("*", "")):
        raise DomainError(_("Write a word or a phrase."))
    if CrisisTerm.objects.filter(phrase=clean).exists():
        raise DomainError(_("That phrase is already in the list."))
    term = CrisisTerm.objects.create(phrase=clean, language=language, added_by=actor)
    transaction.on_commit(forget_patterns)
    return term


@transaction.atomic
def set_term_active(*, actor: User, term: CrisisTerm, active: bool) -> CrisisTerm:
    if not permissions.can_edit_lexicon(actor):
        raise NotAllowed(_("Only moderators change the crisis phrases."))
    term.active = active
    term.save(update_fields=["active"])
    transaction.on_commit(forget_patterns)
    return term
