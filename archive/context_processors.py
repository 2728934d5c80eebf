from functools import lru_cache

from django.conf import settings
from django.urls import Resolver404, resolve, reverse, translate_url
from django.utils import translation
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language_info

# Open Graph wants a territory with each language.
OPEN_GRAPH_LOCALES = {"en": "en_GB", "fr": "fr_FR", "zh-hans": "zh_CN"}


@lru_cache(maxsize=4096)
def _page_in(path, code, active):
    """This page's address in another language; that language's home page if the path is unknown.

    Kept per process (bounded): resolving and reversing each address three times took a tenth of
    a first view. `active` is part of the key because resolving the path depends on it."""
    try:
        resolve(path)
    except Resolver404:
        with translation.override(code):
            return reverse("archive:home")
    return translate_url(path, code)


def alternates(request):
    """The current page in every language: for the language switcher, hreflang and Open Graph."""
    query = request.META.get("QUERY_STRING", "")
    links = []
    for code, _name in settings.LANGUAGES:
        path = _page_in(request.path, code, translation.get_language())
        info = get_language_info(code)
        links.append(
            {
                "code": code,
                "name": info["name_local"][:1].upper() + info["name_local"][1:],
                # The switcher keeps the query (?compare=…); hreflang points to the canonical page.
                "url": f"{path}?{query}" if query else path,
                "path": path,
                "og_locale": OPEN_GRAPH_LOCALES.get(code, code),
            }
        )
    current = translation.get_language()
    return {
        "alternates": links,
        "og_locale": OPEN_GRAPH_LOCALES.get(current, current),
        # One card per language (static/archive/og/, made by scripts/make-images).
        "og_image": f"archive/og/{current if current in OPEN_GRAPH_LOCALES else settings.LANGUAGE_CODE}.png",
    }


def site(request):
    """The configured public origin, for every absolute address a template writes; and the
    fragments' generation, read from the cache once per page, and only by a page that caches a
    fragment."""
    from .caching import fragments_generation

    return {
        "site_url": settings.ARCHIVE_SITE_URL,
        "fragments_generation": SimpleLazyObject(lambda: str(fragments_generation())),
    }
