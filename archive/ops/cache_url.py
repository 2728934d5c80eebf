"""CACHES from one URL (CACHE_URL), so that one setting moves the cache from one machine to several.

- unset or `file:///path`: files on this machine (the default: every worker and management
  command of one machine shares them);
- `redis://host:6379/0`, `rediss://…` or `unix:///run/redis/redis.sock?db=0`: Django's own Redis
  backend (archive/ops/tolerant_cache.py: a Redis out of reach is an empty cache, not a 500), shared
  by every app server, so that the page generation (archive/caching.py) an edit
  renews on one machine renews the pages of all of them;
- `locmem://`: one process's memory (tests).
"""

from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

REDIS_SCHEMES = {"redis", "rediss", "unix"}


def caches_from_url(url, default_folder):
    url = (url or "").strip()
    scheme = urlsplit(url).scheme if url else "file"
    if scheme == "file":
        folder = urlsplit(url).path if url else ""
        return {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": folder or str(default_folder),
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    if scheme in REDIS_SCHEMES:
        return {
            # Django's Redis backend, answering as an empty cache while Redis cannot be reached.
            "BACKEND": "archive.ops.tolerant_cache.TolerantRedisCache",
            "LOCATION": url,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
            # Several sites may share one Redis: every key of this one starts with its name.
            "KEY_PREFIX": "leijun-archive",
        }
    if scheme == "locmem":
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "archive"}
    raise ImproperlyConfigured(f"CACHE_URL: unknown scheme {scheme!r} (file, redis, rediss, unix or locmem).")
