"""What reference managers and search engines read from a statement page's <head>.

Highwire Press `citation_*` tags (Zotero, Google Scholar), Dublin Core, and schema.org JSON-LD. The
JSON-LD is data, not a script: a strict Content-Security-Policy leaves it alone.
"""

import json

from django.urls import reverse
from django.utils import translation
from django.utils.safestring import mark_safe

from ..models import Statement
from ..origin import absolute_url
from .reference import AUTHOR, LANGUAGE_TAGS

# As json_script does: nothing in the data can close the <script> element or open a comment.
JSON_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def highwire_tags(ref):
    """(name, content) pairs for <meta name=… content=…>, Highwire Press's names."""
    tags = [
        ("citation_title", ref.title),
        ("citation_author", ref.author),
        ("citation_publication_date", ref.date.strftime("%Y/%m/%d")),
        ("citation_language", ref.language_tag),
        ("citation_public_url", ref.url),
    ]
    if ref.official_title and ref.reader_title != ref.official_title:
        tags.append(("citation_translated_title", ref.reader_title))
    tags += [("citation_keywords", topic) for topic in ref.topics]
    return [(name, value) for name, value in tags if value]


def dublin_core_tags(ref):
    tags = [
        ("DC.title", ref.title),
        ("DC.creator", ref.author),
        ("DC.date", ref.date.isoformat()),
        ("DC.type", "Text"),
        ("DC.language", ref.language_tag),
        ("DC.identifier", ref.url),
        ("DC.publisher", ref.archive),
        ("DC.description", ref.abstract),
    ]
    tags += [("DC.subject", topic) for topic in ref.topics]
    tags += [("DC.source", source.url or source.title) for source in ref.sources]
    return [(name, value) for name, value in tags if value]


def _source(source):
    work = {"@type": "CreativeWork", "name": source.title or source.url}
    if source.url:
        work["url"] = source.url
    if source.publisher:
        work["publisher"] = {"@type": "Organization", "name": source.publisher}
    if source.published_on:
        work["datePublished"] = source.published_on.isoformat()
    if source.language:
        work["inLanguage"] = LANGUAGE_TAGS.get(source.language, source.language)
    return work


def json_ld(ref, *, statement):
    """schema.org: a Quotation for a quote (his words), a CreativeWork for anything else."""
    data = {
        "@context": "https://schema.org",
        "@type": "Quotation" if ref.kind == Statement.Kind.QUOTE else "CreativeWork",
        "@id": ref.url,
        "url": ref.url,
        "name": ref.reader_title,
        "headline": ref.title,
        "genre": ref.genre,
        "author": {
            "@type": "Person",
            "name": ref.author,
            "alternateName": [name for name in dict.fromkeys(AUTHOR.values()) if name != ref.author],
        },
        "datePublished": ref.date.isoformat(),
        "inLanguage": LANGUAGE_TAGS.get(ref.text_language, ref.text_language),
        "abstract": ref.abstract,
        "keywords": ref.topics,
        "isBasedOn": [_source(source) for source in ref.sources],
        "isPartOf": (
            {"@type": "CreativeWork", "name": ref.parent_title, "url": ref.parent_url}
            if ref.parent_url
            else {"@type": "WebSite", "name": ref.archive, "url": absolute_url(reverse("archive:home"))}
        ),
    }
    if ref.official_title:
        data["alternateName"] = ref.official_title
    if ref.is_translation and ref.spoken_language:
        # The text shown is a translation: of the same statement as he said it, in his language.
        spoken = ref.spoken_language
        original = {"@type": "CreativeWork", "inLanguage": LANGUAGE_TAGS.get(spoken, spoken)}
        if spoken in LANGUAGE_TAGS:
            original_title = statement.text_in(spoken)["title"]
            if original_title:
                original["name"] = original_title
            with translation.override(spoken):
                original["url"] = absolute_url(statement.get_absolute_url())
        data["translationOfWork"] = original
    return {key: value for key, value in data.items() if value}


def json_ld_html(data):
    """The JSON for a <script type="application/ld+json"> element, safe to put in the page."""
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(JSON_ESCAPES))  # noqa: S308
