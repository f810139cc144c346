"""Django's Redis cache, kept as an accelerator: when Redis is away, the site goes on without it.

``RedisCache`` answers every call as if the cache were empty while Redis cannot be reached (a
read misses, a write is dropped, ``add`` succeeds), so sessions are read from the database and
pages, sign-in and the crisis page keep working; a warning is logged once per outage. Rate
counters (sign-in attempts, messages a minute, API requests) are kept in this process's memory
meanwhile, so the limits still hold, per process. After a failure, Redis is tried again at
most every ``RETRY_SECONDS``, so a page pays a failed connection at most that often per
process. The keys written or deleted while Redis was away are deleted from it when it returns
(before anything else is read), so no value that changed in the meantime, a session that
ended for instance, comes back stale.

``RedisCacheClient`` keeps one client per connection pool: Django's builds a new
``redis.Redis`` for every cache call, and building one fills its table of about 150 response
callbacks; with the session read on every page that was a tenth of a signed-in page's time
(bench/forum.py). A ``redis.Redis`` is safe to share between threads.
"""

import logging
import threading
import time
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from django.core.cache.backends import redis as django_redis
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

log = logging.getLogger(__name__)

UNREACHABLE = (RedisConnectionError, RedisTimeoutError, OSError)
RETRY_SECONDS = 5.0
# Beyond this many keys to forget, the oldest are dropped from the list (and logged).
MAX_MISSED_KEYS = 100_000
# Keys of rate counters: allauth's limits, messages a minute, django-ninja's API throttle. Kept
# in the process while Redis is away (nothing stale can come of them: they only count).
RATE_COUNTERS = ("allauth:rl:", "messaging:rate:", "throttle_")

T = TypeVar("T")


class RedisCacheClient(django_redis.RedisCacheClient):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._clients: dict[Any, Any] = {}  # by connection pool

    def get_client(self, key: Any = None, *, write: bool = False) -> Any:
        this: Any = self  # the stubs do not know Django's private attributes
        pool = this._get_connection_pool(write)
        client = self._clients.get(pool)
        if client is None:
            client = self._clients[pool] = this._client(connection_pool=pool)
        return client


class RedisCache(django_redis.RedisCache):
    def __init__(self, server: str, params: dict[str, Any]) -> None:
        params = {**params, "OPTIONS": {**DEFAULT_OPTIONS, **params.get("OPTIONS", {})}}
        super().__init__(server, params)
        self._class = RedisCacheClient
        self._lock = threading.Lock()
        self._down_until = 0.0  # time.monotonic() before which Redis is not tried
        self._missed: dict[str, None] = {}  # keys written while Redis was away, in order
        self._local = LocMemCache("ligesind-rate-counters", {"OPTIONS": {"MAX_ENTRIES": 20_000}})

    # -- the guard ---------------------------------------------------------------------------

    def _call(
        self,
        keys: Iterable[str],
        fallback: T,
        action: Callable[[], T],
        local: Callable[[], T] | None = None,
    ) -> T:
        """Run ``action`` against Redis, or while it is away ``local`` (rate counters) or else
        answer ``fallback``. ``keys`` (already made) are those the action writes: remembered
        for deletion when it is away."""
        if self._down_until and time.monotonic() < self._down_until:
            self._remember(keys)
            return local() if local else fallback
        try:
            if self._down_until:
                self._recover()
            return action()
        except UNREACHABLE:
            self._went_down()
            self._remember(keys)
            return local() if local else fallback

    def _counting(self, key: Any, local: Callable[[], T]) -> Callable[[], T] | None:
        return local if str(key).startswith(RATE_COUNTERS) else None

    def _went_down(self) -> None:
        with self._lock:
            first = not self._down_until
            self._down_until = time.monotonic() + RETRY_SECONDS
        if first:
            log.warning(
                "Redis cache unreachable: going on without it (sessions from the database, "
                "rate limits in each process) and trying again every %s s",
                RETRY_SECONDS,
                exc_info=True,
            )

    def _recover(self) -> None:
        with self._lock:
            missed = list(self._missed)
        client = self._cache.get_client(None, write=True)
        for start in range(0, len(missed), 1000):
            client.delete(*missed[start : start + 1000])
        with self._lock:
            for key in missed:
                self._missed.pop(key, None)
            self._down_until = 0.0
        self._local.clear()
        log.warning("Redis cache reachable again (%d changed keys forgotten)", len(missed))

    def _remember(self, keys: Iterable[str]) -> None:
        with self._lock:
            for key in keys:
                self._missed[key] = None
            while len(self._missed) > MAX_MISSED_KEYS:
                dropped = next(iter(self._missed))
                del self._missed[dropped]
                log.error("Too many cache keys changed while Redis was away; %s kept", dropped)

    # -- Django's cache API ------------------------------------------------------------------

    def add(self, key: Any, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: Any = None) -> Any:
        made = self.make_and_validate_key(key, version=version)
        timeout = self.get_backend_timeout(timeout)
        local = self._counting(key, lambda: self._local.add(key, value, timeout, version))
        return self._call([made], True, lambda: self._cache.add(made, value, timeout), local)

    def get(self, key: Any, default: Any = None, version: Any = None) -> Any:
        made = self.make_and_validate_key(key, version=version)
        local = self._counting(key, lambda: self._local.get(key, default, version))
        return self._call((), default, lambda: self._cache.get(made, default), local)

    def set(
        self, key: Any, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: Any = None
    ) -> None:
        made = self.make_and_validate_key(key, version=version)
        timeout = self.get_backend_timeout(timeout)
        local = self._counting(key, lambda: self._local.set(key, value, timeout, version))
        self._call([made], None, lambda: self._cache.set(made, value, timeout), local)

    def touch(self, key: Any, timeout: Any = DEFAULT_TIMEOUT, version: Any = None) -> Any:
        made = self.make_and_validate_key(key, version=version)
        timeout = self.get_backend_timeout(timeout)
        return self._call((), False, lambda: self._cache.touch(made, timeout))

    def delete(self, key: Any, version: Any = None) -> Any:
        made = self.make_and_validate_key(key, version=version)
        local = self._counting(key, lambda: self._local.delete(key, version))
        return self._call([made], False, lambda: self._cache.delete(made), local)

    def get_many(self, keys: Any, version: Any = None) -> Any:
        keys = list(keys)  # read three times below: a generator would be empty the second time
        key_map = {self.make_and_validate_key(key, version=version): key for key in keys}
        local = None
        if keys and all(str(key).startswith(RATE_COUNTERS) for key in keys):
            local = lambda: self._local.get_many(keys, version)  # noqa: E731
        return self._call((), {}, lambda: self._from_redis(key_map), local)

    def _from_redis(self, key_map: dict[Any, Any]) -> dict[Any, Any]:
        found = self._cache.get_many(key_map)
        return {key_map[made]: value for made, value in found.items()}

    def has_key(self, key: Any, version: Any = None) -> Any:
        made = self.make_and_validate_key(key, version=version)
        return self._call((), False, lambda: self._cache.has_key(made))

    def incr(self, key: Any, delta: int = 1, version: Any = None) -> Any:
        made = self.make_and_validate_key(key, version=version)
        missing = object()
        value = self._call([made], missing, lambda: self._cache.incr(made, delta))
        if value is missing:
            raise ValueError(f"Key '{key}' not found.")  # as for a key not in the cache
        return value

    def set_many(self, data: Any, timeout: Any = DEFAULT_TIMEOUT, version: Any = None) -> Any:
        if not data:
            return []
        made: dict[Any, Any] = {
            self.make_and_validate_key(key, version=version): value for key, value in data.items()
        }
        backend_timeout: Any = self.get_backend_timeout(timeout)
        local = None
        if all(str(key).startswith(RATE_COUNTERS) for key in data):
            local = lambda: self._local.set_many(data, timeout, version)  # noqa: E731
        self._call(made.keys(), None, lambda: self._cache.set_many(made, backend_timeout), local)
        return []

    def delete_many(self, keys: Any, version: Any = None) -> None:
        if not keys:
            return
        made = [self.make_and_validate_key(key, version=version) for key in keys]
        self._call(made, None, lambda: self._cache.delete_many(made))

    def clear(self) -> Any:
        return self._call((), False, lambda: self._cache.clear())


# A cache answers quickly or not at all: a Redis that does not answer (a dropped network
# rather than a refused connection) costs a page at most this long before it goes on.
DEFAULT_OPTIONS = {"socket_connect_timeout": 0.5, "socket_timeout": 1.0}
