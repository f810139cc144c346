"""ligesind.core.fast.channel_layer: batched sends and reads keep every message, once, in order.
Runs wherever Redis answers (tests/services.py); each test uses a layer of its own prefix."""

import asyncio
import uuid

import pytest

from ligesind.core.fast.channel_layer import FETCH, RedisChannelLayer
from tests.asyncio_helpers import run_coroutine
from tests.services import NO_REDIS, redis_url

pytestmark = pytest.mark.skipif(redis_url() is None, reason=NO_REDIS)


def new_layer() -> RedisChannelLayer:
    return RedisChannelLayer(
        hosts=[{"address": redis_url(), "socket_timeout": None}],
        prefix=f"test-{uuid.uuid4().hex[:8]}",
        capacity=1000,
    )


async def receive_all(layer: RedisChannelLayer, channel: str, count: int) -> list[dict]:
    return [await asyncio.wait_for(layer.receive(channel), 5) for _ in range(count)]


async def nothing_more(layer: RedisChannelLayer, channel: str) -> bool:
    try:
        await asyncio.wait_for(layer.receive(channel), 0.3)
    except TimeoutError:
        return True
    return False


def test_many_sends_arrive_once_each_and_in_order():
    async def scenario():
        layer = new_layer()
        alice, bob = await layer.new_channel(), await layer.new_channel()
        await layer.group_add("user.1", alice)
        await layer.group_add("user.2", bob)
        await layer.group_add("user.2", alice)  # alice's socket also follows user 2
        sends = []
        for n in range(50):
            message = {"type": "chat.event", "n": n}
            sends += [("user.1", message), ("user.2", message)]  # one message, two groups
        await layer.group_send_many(sends)
        got_alice = await receive_all(layer, alice, 50)
        got_bob = await receive_all(layer, bob, 50)
        assert [m["n"] for m in got_alice] == list(range(50))
        assert [m["n"] for m in got_bob] == list(range(50))
        assert await nothing_more(layer, alice)  # not twice for being in both groups
        await layer.flush()

    run_coroutine(scenario())


def test_the_origin_socket_is_not_sent_its_own_message():
    async def scenario():
        layer = new_layer()
        sender, other_tab, receiver = [await layer.new_channel() for _ in range(3)]
        await layer.group_add("user.1", sender)
        await layer.group_add("user.1", other_tab)
        await layer.group_add("user.2", receiver)
        message = {"type": "chat.event", "text": "hej", "origin": sender}
        await layer.group_send_many([("user.1", message), ("user.2", message)])
        assert (await receive_all(layer, other_tab, 1))[0]["text"] == "hej"
        assert (await receive_all(layer, receiver, 1))[0]["text"] == "hej"
        assert await nothing_more(layer, sender)
        await layer.flush()

    run_coroutine(scenario())


def test_a_read_interrupted_half_way_loses_nothing():
    """A read whose answer never arrived (the task was cancelled) left its messages in the
    backup list: the next read puts them back first, in their order."""

    async def scenario():
        layer = new_layer()
        channel = await layer.new_channel()
        await layer.group_add("g", channel)
        await layer.group_send_many([("g", {"type": "x", "n": n}) for n in range(10)])
        key = layer.prefix + layer.non_local_name(channel)
        index = layer.consistent_hash(layer.non_local_name(channel))
        backup = layer._backup_channel_name(key)
        await layer.connection(index).eval(FETCH, 2, key, backup, 4)  # taken, never handed out
        received = await receive_all(layer, channel, 10)
        assert [m["n"] for m in received] == list(range(10))
        assert await nothing_more(layer, channel)
        assert not await layer.connection(index).exists(backup)  # cleared once all were out
        await layer.flush()

    run_coroutine(scenario())


def test_plain_group_send_and_blocking_reads_still_work():
    async def scenario():
        layer = new_layer()
        channel = await layer.new_channel()
        await layer.group_add("g", channel)
        later = asyncio.ensure_future(receive_all(layer, channel, 1))
        await asyncio.sleep(0.2)  # the read waits for the queue to fill
        await layer.group_send("g", {"type": "x", "n": 1})
        assert (await later)[0]["n"] == 1
        await layer.flush()

    run_coroutine(scenario())
