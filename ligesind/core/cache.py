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
        self._clients: dict[int, Any] = {}

    def get_client(self, key: Any = None, *, write: bool = False) -> Any:
        this: Any = self  # the stubs do not know Django's private attributes
        index = this._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            if index not in this._pools:
                this._pools[index] = this._pool_class.from_url(
                    this._servers[index], **this._pool_options
                )
            client = this._client(connection_pool=this._pools[index])
            self._clients[index] = client
        return client


class RedisCache(django_redis.RedisCache):
    def __init__(self, server: str, params: dict[str, Any]) -> None:
        super().__init__(server, params)
        self._class = RedisCacheClient
