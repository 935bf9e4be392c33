"""Django's Redis cache with one Redis client per connection pool.

Django's own client builds a `redis.Redis` for every operation, and each one fills a table of about 170 response
callbacks: on a signed-in page, with its session, fragments and tag versions, that was a fifth of the time spent on
the cache. A client holds no connection of its own (it borrows one from the pool per command), so one per pool is
safe to share between threads.
"""

from django.core.cache.backends.redis import RedisCache, RedisCacheClient


class PooledClientRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        if index not in self._clients:
            self._clients[index] = self._client(connection_pool=self._get_connection_pool(write))
        return self._clients[index]


class PooledClientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = PooledClientRedisCacheClient
