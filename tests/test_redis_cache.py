"""The Redis cache the portal runs on with CACHE_URL=redis://... (portal.pagecache.redis): Django's own, with one
Redis client per connection pool instead of one per operation. Against the machine's real Redis."""

import threading
import uuid

import pytest

from portal.pagecache.redis import PooledClientRedisCache

REDIS = "redis://127.0.0.1:6379/11"


@pytest.fixture
def cache():
    cache = PooledClientRedisCache(REDIS, {"KEY_PREFIX": f"test-{uuid.uuid4().hex}"})
    yield cache
    cache.clear()


def test_it_reads_and_writes_as_djangos_redis_cache(cache):
    cache.set("entry", {"html": "<p>kept</p>", "tags": ["page:1"]})
    assert cache.get("entry") == {"html": "<p>kept</p>", "tags": ["page:1"]}
    cache.set_many({"a": 1, "b": 2})
    assert cache.get_many(["entry", "a", "b", "missing"]) == {
        "entry": {"html": "<p>kept</p>", "tags": ["page:1"]},
        "a": 1,
        "b": 2,
    }
    assert cache.incr("a") == 2
    assert cache.add("a", 99) is False and cache.get("a") == 2
    cache.delete("entry")
    assert cache.get("entry") is None
    cache.set("short", "x", timeout=0)  # Django's meaning: expire at once
    assert cache.get("short") is None


def test_every_operation_shares_one_client(cache):
    client = cache._cache.get_client()
    cache.set("a", 1)
    cache.get("a")
    assert cache._cache.get_client("a") is client
    assert cache._cache.get_client("a", write=True) is client  # one server: reads and writes share its pool


def test_threads_share_the_client_without_mixing_answers(cache):
    cache.set_many({f"key{n}": n for n in range(8)})
    wrong = []

    def read(n):
        for _ in range(200):
            if (value := cache.get(f"key{n}")) != n:
                wrong.append((n, value))

    threads = [threading.Thread(target=read, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert wrong == []
