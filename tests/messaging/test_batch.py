"""The chat socket saves what arrives together in one batch: each message gets exactly the
checks of one sent alone, one failing message does not stop the others, and the number of
queries does not grow with the batch."""

from ligesind.accounts.services import block_user
from ligesind.core.errors import DomainError
from ligesind.messaging import services
from ligesind.messaging.models import Message
from ligesind.messaging.services import Outgoing
from tests.factories import UserFactory


def test_a_mixed_batch(chat, alice, bob, published, django_capture_on_commit_callbacks):
    outsider = UserFactory.create(member__alias="Udenfor")
    earlier = services.send_message(actor=alice, conversation=chat, body="Før", client_key="k0")
    batch = [
        Outgoing(alice, chat.pk, "Hej Bob", "k1"),
        Outgoing(outsider, chat.pk, "Må jeg være med?", "k2"),  # not in the conversation
        Outgoing(bob, chat.pk, "   ", "k3"),  # empty
        Outgoing(bob, chat.pk, "Hej Alice", "k4"),
        Outgoing(bob, chat.pk, "Hej Alice", "k4"),  # a retry in the same batch
        Outgoing(alice, chat.pk, "Før", "k0"),  # a retry of a saved message
        Outgoing(alice, 0, "Ingen steder", "k5"),  # no conversation
    ]
    published.clear()
    with django_capture_on_commit_callbacks(execute=True):
        results = services.send_messages(batch)
    assert [type(r).__name__ for r in results] == [
        "Message", "NotAllowed", "DomainError", "Message", "Message", "Message", "NotAllowed"
    ]  # fmt: skip
    saved = [r for r in results if isinstance(r, Message)]
    assert saved[1].pk == saved[2].pk and saved[3].pk == earlier.pk
    assert isinstance(results[2], DomainError) and "Skriv" in str(results[2].message)
    assert Message.objects.count() == 3
    assert [event["message"]["client_key"] for _ids, event in published] == ["k1", "k4"]


def test_a_block_stops_only_the_blocked_pair(chat, alice, bob):
    carl = UserFactory.create(member__alias="Carl")
    other_chat = services.open_conversation(people=[alice, carl], kind="direct")
    block_user(actor=bob, target=alice)
    results = services.send_messages(
        [Outgoing(alice, chat.pk, "Hej Bob"), Outgoing(alice, other_chat.pk, "Hej Carl")]
    )
    assert isinstance(results[0], DomainError) and not isinstance(results[1], DomainError)


def test_queries_do_not_grow_with_the_batch(django_assert_max_num_queries, alice, bob):
    people = [UserFactory.create(member__alias=f"P{n}") for n in range(20)]
    chats = [services.open_conversation(people=[p, alice], kind="direct") for p in people]
    pairs = list(zip(people, chats, strict=True))
    for p, c in pairs:  # the senders' consent and features are read once per connection
        services.send_message(actor=p, conversation=c, body="første")
    batch = [Outgoing(p, c.pk, "hej", f"q{n}") for n, (p, c) in enumerate(pairs)]
    with django_assert_max_num_queries(8):
        results = services.send_messages(batch)
    assert not any(isinstance(r, DomainError) for r in results)
