"""The Redis channel layer, with fewer round trips to Redis when it is busy.

channels-redis sends to one group at a time with four round trips to Redis each. A busy chat
publishes a batch of messages to many people at once (ligesind.messaging.realtime), so
``group_send_many`` reads every group's members in one pipeline and queues every message with
one script. Each message gets its own, rising score, so a socket receives them in the order given.
A message goes once to each channel, however many of its groups the channel is in, and never
back to the socket it came from ("origin"): fewer events for every server process to read.

Reading: channels-redis reads a server process's queue one message at a time, with four round
trips each, and one after the other; under load that queue, not the CPU, set the pace (bench/
chat.py). Here a read takes everything waiting (up to FETCH_COUNT) in one script, keeps it in a
backup list as channels-redis does (so a read cancelled half-way loses nothing), hands the
messages out one by one, and clears the backup when the last has been handed out.
"""

import collections
import logging
import time
from collections.abc import Sequence
from typing import Any

from channels_redis.core import RedisChannelLayer as BaseRedisChannelLayer

log = logging.getLogger(__name__)

# KEYS: channel keys. ARGV: expiry, then per key its capacity, its number of messages, and per
# message its score and body.
QUEUE_MESSAGES = """
local expiry = tonumber(ARGV[1])
local cutoff = tonumber(ARGV[2])
local over_capacity = 0
local at = 3
for i = 1, #KEYS do
    local capacity = tonumber(ARGV[at])
    local count = tonumber(ARGV[at + 1])
    at = at + 2
    redis.call('ZREMRANGEBYSCORE', KEYS[i], 0, cutoff)
    local size = redis.call('ZCARD', KEYS[i])
    for j = 1, count do
        if size < capacity then
            redis.call('ZADD', KEYS[i], ARGV[at], ARGV[at + 1])
            size = size + 1
        else
            over_capacity = over_capacity + 1
        end
        at = at + 2
    end
    redis.call('EXPIRE', KEYS[i], expiry)
end
return over_capacity
"""

# Put back what an interrupted read left in the backup, then take up to ARGV[1] messages and back
# them up. KEYS: the channel's queue and its backup.
FETCH = """
local backed_up = redis.call('ZRANGE', KEYS[2], 0, -1, 'WITHSCORES')
for i = #backed_up, 1, -2 do
    redis.call('ZADD', KEYS[1], backed_up[i], backed_up[i - 1])
end
redis.call('DEL', KEYS[2])
local popped = redis.call('ZPOPMIN', KEYS[1], ARGV[1])
for i = 1, #popped, 2 do
    redis.call('ZADD', KEYS[2], popped[i + 1], popped[i])
end
return popped
"""
FETCH_COUNT = 200

# Scores of one batch are this far apart (a double near the current time still tells them apart).
SCORE_STEP = 1e-6


class RedisChannelLayer(BaseRedisChannelLayer):
    last_score = 0.0

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fetched: dict[str, collections.deque[bytes]] = {}

    async def _brpop_with_clean(self, index: int, channel: str, timeout: float) -> bytes | None:
        fetched = self.fetched.setdefault(channel, collections.deque())
        if not fetched:
            backup = self._backup_channel_name(channel)
            popped = await self.connection(index).eval(FETCH, 2, channel, backup, FETCH_COUNT)
            fetched.extend(popped[0::2])
        if fetched:
            return fetched.popleft()
        # Nothing waiting: channels-redis blocks until the next message comes.
        member: bytes | None = await super()._brpop_with_clean(index, channel, timeout)
        return member

    async def _clean_receive_backup(self, index: int, channel: str) -> None:
        if self.fetched.get(channel):
            return  # the rest of this read is still to be handed out: keep its backup
        await self.connection(index).delete(self._backup_channel_name(channel))

    async def flush(self) -> None:
        self.fetched.clear()
        await super().flush()

    async def group_send_many(self, sends: Sequence[tuple[str, dict[str, Any]]]) -> None:
        """Send each (group, message), in this order, to everyone in the group. One message
        object sent to several groups reaches each channel once; a message with an "origin"
        (a channel name) is not sent back to that channel."""
        audiences: dict[int, tuple[dict[str, Any], dict[str, None]]] = {}
        for (_group, message), members in zip(sends, await self._members(sends), strict=True):
            channels = audiences.setdefault(id(message), (message, {}))[1]
            channels.update(dict.fromkeys(m for m in members if m != message.get("origin")))
        queued: dict[int, dict[str, tuple[int, list[bytes]]]] = collections.defaultdict(dict)
        for message, channels in audiences.values():
            if not channels:
                continue
            by_connection, bodies, capacities = self._map_channel_keys_to_connection(
                list(channels), message
            )
            for index, keys in by_connection.items():
                for key in keys:
                    entry = queued[index].setdefault(key, (capacities[key], []))
                    entry[1].append(bodies[key])
        for index, keys in queued.items():
            await self._queue(index, keys)

    async def _members(self, sends: Sequence[tuple[str, dict[str, Any]]]) -> list[list[str]]:
        """Every group's current channel names, one pipeline per Redis host."""
        cutoff = int(time.time()) - self.group_expiry
        by_connection: dict[int, list[int]] = collections.defaultdict(list)
        for n, (group, _message) in enumerate(sends):
            self.require_valid_group_name(group)  # raises on a bad name
            by_connection[self.consistent_hash(group)].append(n)
        members: list[list[str]] = [[] for _ in sends]
        for index, positions in by_connection.items():
            pipe = self.connection(index).pipeline(transaction=False)
            for n in positions:
                key = self._group_key(sends[n][0])
                pipe.zremrangebyscore(key, min=0, max=cutoff)
                pipe.zrange(key, 0, -1)
            replies = await pipe.execute()
            for n, names in zip(positions, replies[1::2], strict=True):
                members[n] = [name.decode("utf8") for name in names]
        return members

    async def _queue(self, index: int, keys: dict[str, tuple[int, list[bytes]]]) -> None:
        now = time.time()
        score = max(now, self.last_score + SCORE_STEP)
        args: list[Any] = [self.expiry, int(now) - int(self.expiry)]
        for capacity, bodies in keys.values():
            args += [capacity, len(bodies)]
            for body in bodies:
                args += [repr(score), body]
                score += SCORE_STEP
        self.last_score = score
        over = await self.connection(index).eval(QUEUE_MESSAGES, len(keys), *keys, *args)
        if over:
            log.info("%s messages not queued: their channels are over capacity", over)
