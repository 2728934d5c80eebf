"""Public pages cached per address, and so per language, for readers who are not signed in.

Rather than clearing the whole cache (which other parts of the site may share), every cached page
is keyed by a *generation*, a timestamp stored in the cache and renewed whenever an editor or the
content loader saves or deletes anything a page shows: pages of an older generation are never read
again and expire on their own. The generation also gives each page its Last-Modified date; its ETag
is a hash of its content. ConditionalGetMiddleware then answers 304 Not Modified from either.
"""

import datetime
import hashlib
import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.http import http_date, urlencode

GENERATION_KEY = "archive:pages:generation"


def pages_generation():
    """The current generation: when published content last changed (or when first asked)."""
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, time.time(), timeout=None)
        generation = cache.get(GENERATION_KEY, time.time())
    return generation


def _new_generation():
    # Always later than the last one, even if the clock has not moved on since.
    previous = cache.get(GENERATION_KEY) or 0
    cache.set(GENERATION_KEY, max(time.time(), previous + 0.001), timeout=None)


def pages_changed(**kwargs):
    """Start a new generation: every page cached so far is out of date.

    Once now, and again when the transaction commits: a reader's page rendered in between, from
    the data as it was before the commit, would otherwise be cached under the new generation.
    """
    _new_generation()
    transaction.on_commit(_new_generation)


def connect_signals():
    """Renew the generation on every save, deletion or change of topics and sources."""
    from .models import Session, Source, Statement, Topic

    for model in (Statement, Topic, Session, Source):
        post_save.connect(pages_changed, sender=model, dispatch_uid=f"pages-changed-save-{model.__name__}")
        post_delete.connect(
            pages_changed, sender=model, dispatch_uid=f"pages-changed-delete-{model.__name__}"
        )
    for through in (Statement.topics.through, Statement.sources.through, Session.sources.through):
        m2m_changed.connect(
            pages_changed, sender=through, dispatch_uid=f"pages-changed-m2m-{through.__name__}"
        )


def page_key(request, generation, parameters=()):
    # The address carries the language (/fr/...) and the query (?compare=zh-hans); the date appears
    # in citations ("consulted on"). Absolute links come from ARCHIVE_SITE_URL, never from the Host
    # header, so the host is not part of the key: a client cannot fill the cache by varying it.
    # The query enters the key as the view reads it (each parameter's last value, in a fixed
    # order): repeating or reordering parameters makes no new page.
    query = urlencode([(name, request.GET[name]) for name in sorted(parameters) if name in request.GET])
    address = request.path + (f"?{query}" if query else "")
    digest = hashlib.sha256(address.encode()).hexdigest()
    return f"archive:page:{generation}:{timezone.localdate().isoformat()}:{digest}"


def last_modified(generation):
    """The later of the last change and midnight today (after which citations show a new date)."""
    midnight = datetime.datetime.combine(timezone.localdate(), datetime.time.min)
    return max(generation, timezone.make_aware(midnight).timestamp())


def _cacheable(response):
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "no-cache" not in response.get("Cache-Control", "")
    )


def public_page(view=None, *, parameters=()):
    """Serve a public page from the cache to readers; editors always get a fresh, uncached page.

    `parameters`: the query parameters the page answers to (the view must accept a bounded set of
    values for each and redirect or refuse the rest). A request with any other parameter is
    answered but not cached: otherwise anyone could fill the cache with variants.
    """
    if view is None:
        return lambda view: public_page(view, parameters=parameters)
    parameters = frozenset(parameters)

    @wraps(view)
    def cached_view(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            return view(request, *args, **kwargs)
        if request.user.is_authenticated:
            # Editors may see drafts: their pages are neither read from nor written to the cache.
            response = view(request, *args, **kwargs)
            add_never_cache_headers(response)
            patch_cache_control(response, private=True)
            return response
        if set(request.GET) - parameters:
            # Unknown parameters change nothing on the page; caching them would let anyone fill the cache.
            return view(request, *args, **kwargs)
        generation = pages_generation()
        key = page_key(request, generation, parameters)
        response = cache.get(key)
        if response is not None:
            return response
        response = view(request, *args, **kwargs)
        if getattr(response, "is_rendered", True) is False:
            response.render()  # the sitemap's TemplateResponse: its content is hashed and cached
        if _cacheable(response):
            response["ETag"] = f'"{hashlib.sha256(response.content).hexdigest()[:32]}"'
            response["Last-Modified"] = http_date(last_modified(generation))
            # Browsers ask again each time; the answer is usually a cheap 304.
            patch_cache_control(response, public=True, max_age=0)
            cache.set(key, response, settings.CACHE_MIDDLEWARE_SECONDS)
        return response

    return cached_view
