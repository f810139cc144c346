"""Words a member does not want to meet: messages and posts containing them are folded."""

from django.db import transaction
from django.utils.translation import gettext as _

from ligesind.accounts.models import User
from ligesind.core.errors import DomainError

from ..detection import words
from ..models import MutedWord

MAX_MUTED_WORDS = 100


def muted_words(user: User) -> list[str]:
    if user.pk is None:
        return []
    return list(MutedWord.objects.filter(user_id=user.pk).values_list("word", flat=True))


def contains_muted(text: str, muted: list[str]) -> bool:
    """A muted word matches every word that starts with it ("misbrug" also "misbruget")."""
    if not muted:
        return False
    return any(token.startswith(word) for token in words(text) for word in muted)


@transaction.atomic
def mute_word(*, actor: User, word: str) -> MutedWord:
    tokens = words(word)
    if len(tokens) != 1:
        raise DomainError(_("Write one word."))
    if MutedWord.objects.filter(user=actor).count() >= MAX_MUTED_WORDS:
        raise DomainError(_("You can mute at most 100 words."))
    muted, _created = MutedWord.objects.get_or_create(user=actor, word=tokens[0])
    return muted


@transaction.atomic
def unmute_word(*, actor: User, word: str) -> None:
    MutedWord.objects.filter(user=actor, word=word).delete()
