"""Template tags that hand templates what `archive.languages` decides; no logic of their own."""

from django import template
from django.utils.safestring import SafeData

from archive.languages import mark_chinese_runs, version_in

register = template.Library()


@register.simple_tag
def version_of(statement, language_code=None):
    """`{% version_of statement as version %}`: its texts in the reader's language, or a fallback."""
    return version_in(statement, language_code)


@register.filter
def lang_runs(text, language=None):
    """`{{ title|lang_runs }}`, `{{ text|linebreaks|lang_runs:version.language }}`: Chinese runs
    inside English or French text marked with their language (the page's language by default)."""
    if text is None:
        text = ""
    return mark_chinese_runs(text if isinstance(text, SafeData) else str(text), language)
