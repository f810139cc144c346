"""Many senders at once through the socket: every message reaches the other person live."""

import asyncio

import pytest

from tests.asyncio_helpers import run_async
from tests.messaging.test_consumers import as_user

pytestmark = pytest.mark.django_db(transaction=True)


def test_everything_sent_at_once_arrives(chat, alice, bob):
    async def scenario():
        a, b = as_user(alice), as_user(bob)
        for socket in (a, b):
            assert (await socket.connect())[0]
            await socket.receive_json_from()  # unread count
        count = 15

        async def burst(socket, who):
            for n in range(count):
                await socket.send_json_to(
                    {"type": "send", "conversation": chat.pk, "body": f"{who} {n}",
                     "client_key": f"{who}-{n}"}
                )  # fmt: skip

        await asyncio.gather(burst(a, "a"), burst(b, "b"))

        async def received(socket, sender):
            keys: set[str] = set()
            while len(keys) < count:
                event = await socket.receive_json_from(timeout=10)
                if event.get("event") == "message" and event["message"]["sender"] == sender:
                    keys.add(event["message"]["client_key"])
            return keys

        got_b, got_a = await asyncio.gather(received(b, alice.pk), received(a, bob.pk))
        assert len(got_b) == len(got_a) == count
        await a.disconnect()
        await b.disconnect()

    run_async(scenario)
