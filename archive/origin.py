"""The site's one public origin (ARCHIVE_SITE_URL): every absolute address is built from it.

Never from the request's Host header, which a client chooses: canonical links, hreflang, Open
Graph, the sitemap, feeds and their ids, citations, API links and downloads all name the same
origin whichever address a request came in by, and a cached page cannot be poisoned by a Host.
"""

from urllib.parse import urlsplit

from django.conf import settings


def site_url():
    """`https://example.org`: scheme and host, no trailing slash."""
    return settings.ARCHIVE_SITE_URL


def site_host():
    """`example.org` (with its port, if any): for tag: URIs and the sitemap's domain."""
    return urlsplit(settings.ARCHIVE_SITE_URL).netloc


def site_scheme():
    return urlsplit(settings.ARCHIVE_SITE_URL).scheme


def absolute_url(path):
    """`/en/2020/` -> `https://example.org/en/2020/`; an address that is already absolute is kept."""
    if path.startswith(("http://", "https://")):
        return path
    return f"{settings.ARCHIVE_SITE_URL}{path if path.startswith('/') else '/' + path}"
