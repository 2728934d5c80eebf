"""Template tags that hand templates what `archive.languages` decides; no logic of their own."""

from django import template

from archive.languages import provenance_explanation_url, quote_wordings, shown_in, version_in

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
