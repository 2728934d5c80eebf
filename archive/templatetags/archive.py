"""Template tags that hand templates what `archive.languages` decides; no logic of their own."""

from django import template

from archive.languages import shown_in, version_in

register = template.Library()


@register.simple_tag
def version_of(statement, language_code=None):
    """`{% version_of statement as version %}`: its texts in the reader's language, or a fallback."""
    return version_in(statement, language_code)


@register.simple_tag
def shown(obj, field):
    """`{% shown session "name" as name %}`: a field in the reader's language, or a fallback."""
    return shown_in(obj, field)
