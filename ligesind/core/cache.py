"""Django's Redis cache, keeping one client per connection pool.

Django's ``RedisCacheClient.get_client`` builds a new ``redis.Redis`` for every cache call,
and building one fills its table of about 150 response callbacks: with the session read on
every page that was a tenth of a signed-in page's time (bench/forum.py). A ``redis.Redis`` is
safe to share between threads (it takes a connection from its pool per command), so one per
pool is enough.
"""

from typing import Any

from django.core.cache.backends import redis as django_redis


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
        super().__init__(server, params)
        self._class = RedisCacheClient
