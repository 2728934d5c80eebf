"""Template tags that hand templates what `archive.languages` decides; no logic of their own."""

from django import template
from django.template.loader import render_to_string
from django.utils.html import format_html
from django.utils.safestring import SafeData, mark_safe
from django.utils.text import capfirst
from django.utils.translation import get_language

from archive.languages import (
    mark_chinese_runs,
    provenance_explanation_url,
    quote_wordings,
    shown_in,
    version_in,
)

register = template.Library()


@register.simple_tag
def version_of(statement, language_code=None):
    """`{% version_of statement as version %}`: its texts in the reader's language, or a fallback."""
    return version_in(statement, language_code)


@register.simple_tag
def wordings_of(quote, language_code=None):
    """`{% wordings_of quote as wordings %}`: his own words first, then the reader's-language text."""
    return quote_wordings(quote, language_code)


@register.simple_tag
def provenance_url(value):
    """`{% provenance_url version.provenance %}`: the about page's explanation of that label."""
    return provenance_explanation_url(value)


@register.simple_tag
def shown(obj, field):
    """`{% shown session "name" as name %}`: a field in the reader's language, or a fallback."""
    return shown_in(obj, field)


@register.filter
def lang_runs(text, language=None):
    """`{{ title|lang_runs }}`, `{{ text|linebreaks|lang_runs:version.language }}`: Chinese runs
    inside English or French text marked with their language (the page's language by default)."""
    if text is None:
        text = ""
    return mark_chinese_runs(text if isinstance(text, SafeData) else str(text), language)


@register.filter
def name_html(obj, capitalise=""):
    """`{{ topic|name_html }}`, `{{ session|name_html:"capfirst" }}`: a topic's or session's name in the
    reader's language; a name shown in another language (not yet translated) carries its `lang`.
    "capfirst" capitalises a name stored mid-sentence style ("première session…") where it begins
    a heading or a list item."""
    name = shown_in(obj, "name")
    text = capfirst(name.value) if capitalise == "capfirst" else name.value
    html = mark_chinese_runs(text, name.language)
    if name.is_fallback:
        return format_html('<span lang="{}">{}</span>', name.language, html)
    return html


# The site's header form and footer depend on nothing but the language and the deployment: each
# process renders them once per language (a tenth of every page's template work otherwise).
_CHROME = {}


@register.simple_tag(takes_context=True)
def chrome(context, template_name):
    """`{% chrome "includes/footer.html" %}`: a part of every page that only the language changes.

    Rendered with the first page's context: the template may use only what is the same on every
    page in a language (the site's address, the language's Open Graph locale and image)."""
    key = (template_name, get_language())
    if key not in _CHROME:
        _CHROME[key] = mark_safe(render_to_string(template_name, context.flatten()))  # noqa: S308
    return _CHROME[key]
