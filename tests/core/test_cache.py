"""ligesind.core.fast.cache: one Redis client per pool, and the cache works. Runs wherever Redis
answers (tests/services.py): with the settings' cache in CI's Redis pass, else with a cache of
its own on the local Redis."""

import uuid

import pytest
from django.conf import settings
from django.core.cache import cache

from ligesind.core.fast.cache import RedisCache
from tests.services import NO_REDIS, redis_url

pytestmark = pytest.mark.skipif(redis_url() is None, reason=NO_REDIS)


@pytest.fixture
def redis_cache():
    if settings.REDIS_URL:
        return cache
    return RedisCache(str(redis_url()), {"KEY_PREFIX": f"test-{uuid.uuid4().hex[:8]}"})


def test_one_client_is_kept_and_the_cache_works(redis_cache):
    backend = redis_cache._cache  # the client behind the cache (Django keeps it there)
    assert backend.get_client() is backend.get_client(write=True)
    redis_cache.set("ligesind-test-key", {"a": 1}, 30)
    assert redis_cache.get("ligesind-test-key") == {"a": 1}
    redis_cache.delete("ligesind-test-key")
    assert redis_cache.get("ligesind-test-key") is None
