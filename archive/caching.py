"""Public pages cached per address, and so per language, for readers who are not signed in.

Rather than clearing the whole cache (which other parts of the site may share), every cached page
is keyed by a *generation*, a timestamp stored in the cache and renewed whenever an editor or the
content loader saves or deletes anything a page shows: pages of an older generation are never read
again and expire on their own. The generation also gives each page its Last-Modified date; its ETag
is a hash of its content. ConditionalGetMiddleware then answers 304 Not Modified from either.

Views mark what may be cached (`public_page`); PageCacheMiddleware, early in the stack, stores the
page with every header the inner middlewares gave it and serves it to readers without a session.
"""

import datetime
import hashlib
import time
import zlib
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import Signal
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, get_conditional_response, patch_cache_control
from django.utils.http import http_date, parse_http_date_safe, urlencode

from .batching import after_batch

GENERATION_KEY = "archive:pages:generation"
FRAGMENTS_KEY = "archive:fragments:generation"
# Every query parameter some public page answers to (each view declares its own to public_page):
# a request with any other is never looked up or stored.
KNOWN_PARAMETERS = set()

# Sent on every save or deletion of content (once per row, inside its transaction): what else is
# derived from the content (archive/data/'s downloads) listens here rather than to each model.
content_changed = Signal()


def _generation(key):
    """A generation's current value: when it was last renewed (or when first asked)."""
    generation = cache.get(key)
    if generation is None:
        cache.add(key, time.time(), timeout=None)
        generation = cache.get(key, time.time())
    return generation


def _renew(key):
    # Always later than the last one, even if the clock has not moved on since.
    previous = cache.get(key) or 0
    cache.set(key, max(time.time(), previous + 0.001), timeout=None)


def _renew_now_and_on_commit(key):
    """Once now, and again when the transaction commits: a page rendered in between, from the data
    as it was before the commit, would otherwise be cached under the new generation."""
    _renew(key)
    transaction.on_commit(lambda: _renew(key))


def pages_generation():
    """The current generation: when published content last changed (or when first asked)."""
    return _generation(GENERATION_KEY)


def _pages_renew(_items):
    _renew_now_and_on_commit(GENERATION_KEY)
    content_changed.send(sender=pages_changed)


def pages_changed(**kwargs):
    """Start a new generation: every page cached so far is out of date (once per batch of changes)."""
    after_batch("pages", _pages_renew)


def fragments_generation():
    """Part of every fragment's key (with the statement's last change and the language).

    A statement's own edits change its `updated_at`; this generation is renewed by the changes
    that alter its fragments without touching it: a topic, a session or a source renamed, its
    topics or sources changed. So an edit re-renders that statement's fragments, not every one.
    """
    return _generation(FRAGMENTS_KEY)


def _fragments_renew(_items):
    _renew_now_and_on_commit(FRAGMENTS_KEY)


def fragments_changed(**kwargs):
    """Like `pages_changed`, for what a statement's fragments show of other objects."""
    after_batch("fragments", _fragments_renew)


def cached_fragment(name, parts, build):
    """A piece of a page that is costly to build (a statement's formatted citations), kept in
    the fragments cache under `parts` (what it depends on) and the fragments' generation."""
    from django.core.cache import caches

    digest = hashlib.sha256(repr((parts, fragments_generation())).encode()).hexdigest()
    key = f"archive:fragment:{name}:{digest}"
    value = caches["fragments"].get(key)
    if value is None:
        value = build()
        caches["fragments"].set(key, value, 86400)
    return value


def rendered_for_readers(request, parts, render, parameters=()):
    """A reader's page as `render` builds it, kept in the fragments cache under what it shows.

    `parts`: everything the page depends on besides its address, the language, the day and the
    fragments' generation (which topics, sessions and sources renew): for a statement page its
    last change, its quotes' and its neighbours' (the view reads those anyway to know what to
    show). A first view after an edit elsewhere, when the page cache starts a new generation,
    then costs those reads and no rendering; an edit that touches the page changes its key.
    Signed-in editors (drafts, edit links) always get a fresh rendering, never stored.
    `parameters`: the query parameters the view answers to, each with a bounded set of values; a
    request with any other is rendered and not stored (the language links repeat the query).
    """
    if request.user.is_authenticated or set(request.GET) - set(parameters):
        return render()
    from django.core.cache import caches

    address = (
        request.path,
        [(name, request.GET[name]) for name in sorted(parameters) if name in request.GET],
    )
    today = timezone.localdate().isoformat()
    digest = hashlib.sha256(repr((address, parts, today, fragments_generation())).encode()).hexdigest()
    key = f"archive:rendered:{digest}"
    stored = caches["rendered"].get(key)
    if stored is not None:
        return HttpResponse(zlib.decompress(stored))
    response = render()
    if response.status_code == 200 and not response.streaming:
        caches["rendered"].set(key, zlib.compress(response.content, 1), 86400)
    return response


def everything_changed():
    """After a change the models' signals did not see (a restore, a deployment, an update in
    bulk): every cached page and every cached fragment is out of date."""
    pages_changed()
    fragments_changed()


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
        m2m_changed.connect(
            fragments_changed, sender=through, dispatch_uid=f"fragments-changed-m2m-{through.__name__}"
        )
    for model in (Topic, Session, Source):
        post_save.connect(
            fragments_changed, sender=model, dispatch_uid=f"fragments-changed-save-{model.__name__}"
        )
        post_delete.connect(
            fragments_changed, sender=model, dispatch_uid=f"fragments-changed-delete-{model.__name__}"
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
    """Mark a public page as cacheable for readers; editors always get a fresh, uncached page.

    The view decides what may be cached and gives it its validators (ETag, Last-Modified);
    PageCacheMiddleware stores and serves it, headers and all. `parameters`: the query parameters
    the page answers to (the view must accept a bounded set of values for each and redirect or
    refuse the rest). A request with any other parameter is answered but not cached: otherwise
    anyone could fill the cache with variants.
    """
    if view is None:
        return lambda view: public_page(view, parameters=parameters)
    parameters = frozenset(parameters)
    KNOWN_PARAMETERS.update(parameters)

    @wraps(view)
    def cached_view(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if request.method not in ("GET", "HEAD"):
            return response
        if request.user.is_authenticated:
            # Editors may see drafts: their pages are never cached, here or in their browser.
            add_never_cache_headers(response)
            patch_cache_control(response, private=True)
            return response
        if set(request.GET) - parameters:
            # Unknown parameters change nothing on the page; caching them would let anyone fill the cache.
            return response
        if getattr(response, "is_rendered", True) is False:
            response.render()  # the sitemap's TemplateResponse: its content is hashed and cached
        if _cacheable(response):
            # The generation the page cache read before the page was built, so a change made
            # while it was being built gives it an older date, never a newer one.
            generation = getattr(request, "pages_generation", None) or pages_generation()
            response["ETag"] = f'"{hashlib.sha256(response.content).hexdigest()[:32]}"'
            response["Last-Modified"] = http_date(last_modified(generation))
            # Browsers ask again each time; the answer is usually a cheap 304.
            patch_cache_control(response, public=True, max_age=0)
            response.archive_cacheable = True
        return response

    return cached_view


# Pages kept in each process's memory as well, so that a hit costs one read of the generation
# from the shared cache. Keys carry the generation and the date, so an entry is never stale.
MEMORY_PAGES = 500


class PageCacheMiddleware:
    """The fast path: readers without a session get a cached page before sessions, CSRF,
    authentication and locale negotiation run (they would change nothing for them: the address
    carries the language). What is stored is the page as those middlewares left it, so a hit
    answers exactly what the full stack would; the middlewares outside this one (security headers,
    CSP) add their headers to both alike. A request with a session cookie (an editor) never reads
    or writes it.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.memory = {}

    def __call__(self, request):
        if not self._eligible(request):
            return self.get_response(request)
        generation = pages_generation()
        request.pages_generation = generation
        key = page_key(request, generation, KNOWN_PARAMETERS)
        entry = self.memory.get(key)
        if entry is None:
            entry = cache.get(key)
            if entry is not None:
                self._remember(key, entry)
        if entry is not None:
            return self._answer(request, entry)
        response = self.get_response(request)
        if getattr(response, "archive_cacheable", False) and _cacheable(response):
            entry = (response.status_code, list(response.items()), response.content)
            cache.set(key, entry, settings.CACHE_MIDDLEWARE_SECONDS)
            self._remember(key, entry)
        return response

    @staticmethod
    def _eligible(request):
        return (
            settings.ARCHIVE_PAGE_CACHE
            and request.method in ("GET", "HEAD")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            # Unknown parameters change nothing on a page; caching them would let anyone fill the cache.
            and not set(request.GET) - KNOWN_PARAMETERS
        )

    def _remember(self, key, entry):
        if len(self.memory) >= MEMORY_PAGES:
            self.memory.pop(next(iter(self.memory), None), None)
        self.memory[key] = entry

    @staticmethod
    def _answer(request, entry):
        status, headers, content = entry
        response = HttpResponse(content, status=status, headers=dict(headers))
        # A 304 when the browser's copy is current, as ConditionalGetMiddleware would answer.
        return get_conditional_response(
            request,
            etag=response.get("ETag"),
            last_modified=parse_http_date_safe(response.get("Last-Modified", "")),
            response=response,
        )
