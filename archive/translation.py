"""Which fields exist in English, French and Chinese; and, registered after them, the change history.

django-simple-history copies a model's fields when it is registered, so it must come after
modeltranslation has added `title_en`, `title_fr`, `title_zh_hans` and the rest: then every
language's text is kept in each historical version and comes back when one is restored.
"""

from modeltranslation.translator import TranslationOptions, register
from simple_history import register as register_history

from .history.versions import OneVersionPerSave
from .models import Session, Source, Statement, Topic


@register(Statement)
class StatementTranslation(TranslationOptions):
    fields = ("title", "summary", "text", "provenance", "notes", "translated_from", "review")
    required_languages = {"en": ("title", "summary")}
    # An unwritten text stays '' (not NULL) so "missing in French" is one simple filter.
    empty_values = ""


@register(Topic)
class TopicTranslation(TranslationOptions):
    fields = ("name", "description")
    required_languages = {"en": ("name",)}
    empty_values = ""


@register(Session)
class SessionTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = {"en": ("name",)}
    empty_values = ""


# One version per save, topics and sources included (archive/history/versions.py).
register_history(Statement, m2m_fields=["topics", "sources"], records_class=OneVersionPerSave)
register_history(Topic)
register_history(Session, m2m_fields=["sources"], records_class=OneVersionPerSave)
register_history(Source)
