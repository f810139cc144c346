"""A national-size message history for the site benchmark (bench/site.py): two-person
conversations between generated members, their messages spread over three years."""

import random
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from ligesind.accounts.models import User
from ligesind.demo.bench_forum import WORDS
from ligesind.demo.bench_members import DOMAIN
from ligesind.messaging.models import Conversation, Message, Participant

PER_CONVERSATION = 20
BATCH = 1000  # conversations per transaction
YEARS = 3


def seed_messages(total: int, seed: int = 13) -> int:
    """Add conversations of ``PER_CONVERSATION`` messages until about ``total`` messages are
    stored. Returns how many were added."""
    rng = random.Random(seed)
    members = list(User.objects.filter(email__endswith=f"@{DOMAIN}").values_list("pk", flat=True))
    start = Message.objects.count()
    wanted = max(0, total - start) // PER_CONVERSATION
    now = timezone.now()
    made = 0
    while made < wanted:
        count = min(BATCH, wanted - made)
        _batch(rng, members, count, now)
        made += count
    return made * PER_CONVERSATION


@transaction.atomic
def _batch(rng: random.Random, members: list[int], count: int, now: datetime) -> None:
    began = [now - timedelta(days=rng.uniform(1, 365 * YEARS)) for _ in range(count)]
    conversations = Conversation.objects.bulk_create(
        [Conversation(kind="direct", created_at=when) for when in began]
    )
    participants, messages = [], []
    for conversation, when in zip(conversations, began, strict=True):
        pair = rng.sample(members, 2)
        participants += [
            Participant(conversation=conversation, user_id=pk, joined_at=when) for pk in pair
        ]
        for n in range(PER_CONVERSATION):
            words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 30)))
            messages.append(
                Message(
                    conversation=conversation,
                    sender_id=pair[n % 2],
                    body=words.capitalize() + ".",
                    created_at=when + timedelta(minutes=5 * n),
                )
            )
    Participant.objects.bulk_create(participants)
    Message.objects.bulk_create(messages, batch_size=5000)
