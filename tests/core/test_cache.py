"""ligesind.core.fast.cache: one Redis client per pool, and the cache still works (Redis pass)."""

import pytest
from django.conf import settings
from django.core.cache import cache

pytestmark = pytest.mark.skipif(not settings.REDIS_URL, reason="needs Redis (the second CI pass)")


def test_one_client_is_kept_and_the_cache_works():
    backend = cache._cache  # type: ignore[attr-defined]
    assert backend.get_client() is backend.get_client(write=True)
    cache.set("ligesind-test-key", {"a": 1}, 30)
    assert cache.get("ligesind-test-key") == {"a": 1}
    cache.delete("ligesind-test-key")
    assert cache.get("ligesind-test-key") is None
