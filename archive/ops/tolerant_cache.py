"""Django's Redis cache, except that a Redis it cannot reach is a cache that holds nothing.

The shared cache only saves work: with it down, pages are rendered afresh (slower, never wrong)
rather than answered with a 500, and an editor's save is kept. After a failure the process does
not ask Redis again for a few seconds (a page asks the cache several times, and an unreachable
host makes each ask wait for its timeout). Failures are logged, at most once a minute per
process, so that the operator hears of them; /healthz reports the cache as failing meanwhile (its
probe finds nothing kept).
"""

import logging
import time

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger("archive.cache")

UNREACHABLE = (RedisConnectionError, RedisTimeoutError, OSError)
LOG_EVERY_SECONDS = 60
RETRY_AFTER_SECONDS = 5

# What each operation answers while Redis cannot be reached: what an empty cache would.
_MISSES = {
    "get": lambda *args, **kwargs: kwargs.get("default", args[1] if len(args) > 1 else None),
    "get_many": lambda *args, **kwargs: {},
    "has_key": lambda *args, **kwargs: False,
    "add": lambda *args, **kwargs: False,
    "set": lambda *args, **kwargs: None,
    "set_many": lambda *args, **kwargs: [],
    "touch": lambda *args, **kwargs: False,
    "delete": lambda *args, **kwargs: False,
    "delete_many": lambda *args, **kwargs: None,
    "clear": lambda *args, **kwargs: None,
}


class TolerantRedisCache(RedisCache):
    _last_logged = 0.0
    _down_until = 0.0

    def _unreachable(self, operation, error):
        now = time.monotonic()
        TolerantRedisCache._down_until = now + RETRY_AFTER_SECONDS
        if now - TolerantRedisCache._last_logged >= LOG_EVERY_SECONDS:
            TolerantRedisCache._last_logged = now
            logger.error(
                "cache unreachable: %s answered as a miss (%s: %s)", operation, type(error).__name__, error
            )


def _tolerant(name):
    method = getattr(RedisCache, name)
    miss = _MISSES[name]

    def tolerant(self, *args, **kwargs):
        if time.monotonic() < TolerantRedisCache._down_until:
            return miss(*args, **kwargs)
        try:
            return method(self, *args, **kwargs)
        except UNREACHABLE as error:
            self._unreachable(name, error)
            return miss(*args, **kwargs)

    tolerant.__name__ = name
    tolerant.__doc__ = method.__doc__
    return tolerant


for _name in _MISSES:
    setattr(TolerantRedisCache, _name, _tolerant(_name))
