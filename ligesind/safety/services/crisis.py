"""Crisis language: checked wherever member text is accepted, a calm panel for the author at
once, and an alert for the moderators. Nothing is deleted or blocked automatically."""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ligesind.accounts.models import Role, User
from ligesind.core.errors import DomainError, NotAllowed
from ligesind.core.remembered import Shared
from ligesind.core.services import notify
from ligesind.messaging.models import Conversation, ConversationKind
from ligesind.messaging.realtime import publish
from ligesind.messaging.services import conversation_between, open_conversation, send_message

from .. import permissions
from ..detection import Lexicon, Pattern, PhraseError
from ..labelled import labelled
from ..lexicon import compile_lexicon, idioms
from ..models import AlertStatus, CrisisAlert, CrisisTerm, RiskFamily, TermLanguage

CACHE_KEY = "safety:lexicon"
EXCERPT_LENGTH = 500
EXAMPLES = 5
# Every message is checked, so each process keeps the compiled lexicon in memory; a change
# reaches the process that made it at once and the others within this many seconds.
LOCAL_SECONDS = 30.0


def _phrases() -> list[tuple[str, str, str]]:
    return list(
        CrisisTerm.objects.filter(active=True)
        .order_by("pk")
        .values_list("phrase", "language", "family")
    )


lexicon = Shared(
    CACHE_KEY, _phrases, seconds=3600, local_seconds=LOCAL_SECONDS, make=compile_lexicon
)


def current_lexicon() -> Lexicon:
    """The phrases in use, compiled."""
    return lexicon.get()


def forget_patterns() -> None:
    """After a change to the lexicon: every process reads it again (this one at once)."""
    lexicon.forget()


def moderator_ids() -> list[int]:
    return list(
        User.objects.filter(Q(roles__role__in=[Role.MODERATOR, Role.ADMIN]) | Q(is_superuser=True))
        .filter(is_active=True)
        .values_list("pk", flat=True)
        .distinct()
    )


def new_alert_count() -> int:
    return CrisisAlert.objects.filter(status=AlertStatus.NEW).count()


def check_text(author: User, text: str, where: str, about: str = "") -> CrisisAlert | None:
    """The text hook: raise an alert when crisis language is found. Called inside the
    service's transaction, so the alert and the panel exist only if the text was saved."""
    finding = current_lexicon().find(text)
    if finding is None or author.pk is None:
        return None
    alert = CrisisAlert.objects.create(
        author=author,
        where=where[:40],
        about=about[:60],
        phrase=finding.phrase[:200],
        family=finding.family,
        excerpt=text[:EXCERPT_LENGTH],
    )
    publish([author.pk], {"event": "crisis.panel"})
    author.ligesind_crisis_pending = True  # type: ignore[attr-defined]  # shown on this page too
    moderators = moderator_ids()
    url = reverse("safety:alert", args=[alert.pk])
    profile = getattr(author, "profile", None)
    shown = {
        "url": url,
        "alias": getattr(profile, "alias", ""),
        "family": alert.family,
        "at": alert.created_at.isoformat(),
    }
    publish(moderators, {"event": "crisis.alert", "count": new_alert_count(), "alert": shown})
    for moderator in User.objects.filter(pk__in=moderators):
        notify(moderator, "crisis_alert", url=url)
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
def write_to_alert_author(*, actor: User, alert: CrisisAlert, body: str) -> Conversation:
    """A moderator writes to the member the alert is about, straight into a conversation of
    the two (not as a request to be accepted); the alert is then in progress."""
    if not permissions.can_handle_alerts(actor):
        raise NotAllowed(_("Only moderators handle crisis alerts."))
    if alert.author_id == actor.pk:
        raise DomainError(_("This alert is about you; another moderator will write."))
    conversation = conversation_between(actor, alert.author) or open_conversation(
        people=[actor, alert.author], kind=ConversationKind.DIRECT
    )
    send_message(actor=actor, conversation=conversation, body=body)
    if alert.status == AlertStatus.NEW:
        set_alert_status(actor=actor, alert=alert, status=AlertStatus.IN_PROGRESS)
    return conversation


@dataclass(frozen=True)
class PhraseCheck:
    """A phrase tried on the labelled sentences before it is saved."""

    newly_found: int  # crisis sentences the lexicon in use misses and the phrase finds
    missed_before: int
    false_alarms: int  # near-misses the phrase would flag that the lexicon in use does not
    near_misses: int
    found_examples: list[str]
    false_alarm_examples: list[str]


def compile_phrase(phrase: str, language: str, family: str) -> Pattern:
    clean = " ".join(phrase.lower().split())
    if family not in RiskFamily.values:
        raise DomainError(_("Choose what kind of risk the phrase is about."))
    if language not in TermLanguage.values:
        raise DomainError(_("Choose a language."))
    try:
        return Pattern.of(clean, family, language)
    except PhraseError:
        raise DomainError(
            _("Write one or more words. Use | only between single words, and $ only after a word.")
        ) from None


def check_crisis_term(*, actor: User, phrase: str, language: str, family: str) -> PhraseCheck:
    """What the phrase would add on the labelled sentences (both parts)."""
    if not permissions.can_edit_lexicon(actor):
        raise NotAllowed(_("Only moderators change the crisis phrases."))
    alone = Lexicon([compile_phrase(phrase, language, family)], idioms())
    in_use = current_lexicon()
    found: list[str] = []
    false_alarms: list[str] = []
    missed_before = near_misses = 0
    for sentence in labelled("dev") + labelled("test"):
        if in_use.find(sentence.text) is not None:
            continue
        flagged = alone.find(sentence.text) is not None
        if sentence.crisis:
            missed_before += 1
            if flagged:
                found.append(sentence.text)
        else:
            near_misses += 1
            if flagged:
                false_alarms.append(sentence.text)
    return PhraseCheck(
        len(found), missed_before, len(false_alarms), near_misses,
        found[:EXAMPLES], false_alarms[:EXAMPLES],
    )  # fmt: skip


@transaction.atomic
def add_crisis_term(*, actor: User, phrase: str, language: str, family: str) -> CrisisTerm:
    if not permissions.can_edit_lexicon(actor):
        raise NotAllowed(_("Only moderators change the crisis phrases."))
    pattern = compile_phrase(phrase, language, family)
    if CrisisTerm.objects.filter(phrase=pattern.phrase).exists():
        raise DomainError(_("That phrase is already in the list."))
    term = CrisisTerm.objects.create(
        phrase=pattern.phrase, language=language, family=family, added_by=actor
    )
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
