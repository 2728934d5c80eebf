"""The archive's settings as production has them, with what tests need on top."""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "tests-only-secret-key")
os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("DJANGO_SECURE_COOKIES", "0")
os.environ.setdefault("DJANGO_HSTS_SECONDS", "0")

from archive.settings import *  # noqa: E402,F403

ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Tests render templates without running collectstatic first; tests/test_static.py checks the real storage.
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}  # noqa: F405
# whitenoise scans STATIC_ROOT at start-up; tests collect nothing there, so give it an empty folder.
STATIC_ROOT = BASE_DIR / "var" / "test-static-root"  # noqa: F405
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
# One process: memory is enough, and each test starts with an empty cache (tests/conftest.py).
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "tests"},
    "fragments": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "tests-fragments"},
    "rendered": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "tests-rendered"},
}
# A public origin unlike the test client's Host (testserver), so tests see which one an address uses.
ARCHIVE_SITE_URL = "https://archive.example.org"
