"""Two and eight weeks into a match, both people are asked: how is it going?"""

from datetime import datetime

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ligesind.accounts.models import User
from ligesind.core.errors import DomainError, NotAllowed
from ligesind.core.services import notify
from ligesind.core.text_hooks import text_accepted

from ..models import CheckIn, MatchStatus


@transaction.atomic
def send_check_ins(*, now: datetime | None = None) -> int:
    """Ask everyone whose check-in is due, once, while the match is active."""
    now = now or timezone.now()
    due = CheckIn.objects.select_for_update(of=("self",)).filter(
        due_at__lte=now,
        notified_at__isnull=True,
        answered_at__isnull=True,
        match__status=MatchStatus.ACTIVE,
    )
    sent = 0
    for check_in in due.select_related("user"):
        notify(
            check_in.user,
            "match_check_in",
            url=reverse("matching:check_in", args=[check_in.pk]),
        )
        check_in.notified_at = now
        check_in.save(update_fields=["notified_at"])
        sent += 1
    return sent


@transaction.atomic
def answer_check_in(*, actor: User, check_in: CheckIn, rating: int, words: str = "") -> CheckIn:
    if check_in.user_id != actor.pk:
        raise NotAllowed(_("This check-in is not yours."))
    if check_in.due_at > timezone.now():
        raise DomainError(_("This check-in is not open yet."))
    if not 1 <= rating <= 5:
        raise DomainError(_("Choose from 1 to 5."))
    check_in.rating, check_in.words = rating, words.strip()[:2000]
    check_in.answered_at = timezone.now()
    check_in.save(update_fields=["rating", "words", "answered_at"])
    if check_in.words:
        text_accepted(author=actor, text=check_in.words, where="match_check_in")
    return check_in
