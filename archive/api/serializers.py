"""What each resource looks like: every translated field as {"en": …, "fr": …, "zh-hans": …}."""

from django.urls import reverse
from django.utils import translation
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field, inline_serializer
from rest_framework import serializers

from ..models import LANGUAGE_CODES, Provenance, ReviewState, Session, Source, Statement, Topic, field_suffix
from ..origin import absolute_url


def page_urls(view_name, **kwargs):
    """The public page of one object in each language, as absolute addresses."""
    urls = {}
    for code in LANGUAGE_CODES:
        with translation.override(code):
            urls[code] = absolute_url(reverse(view_name, kwargs=kwargs))
    return urls


def _per_language(child):
    return inline_serializer(
        name=f"PerLanguage{type(child).__name__.replace('Field', '')}",
        fields={code: child for code in LANGUAGE_CODES},
    )


_URLS = _per_language(serializers.URLField())
_STRINGS = _per_language(serializers.CharField(allow_blank=True))


def _translated(obj, field):
    return {code: getattr(obj, f"{field}_{field_suffix(code)}") or "" for code in LANGUAGE_CODES}


class TranslatedField(serializers.Field):
    """One translated model field in every language, without modeltranslation's fallback."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        kwargs.setdefault("source", "*")
        super().__init__(**kwargs)

    def bind(self, field_name, parent):
        super().bind(field_name, parent)
        self.model_field = field_name

    def to_representation(self, obj):
        return _translated(obj, self.model_field)


extend_schema_field(_STRINGS)(TranslatedField)


class SourceSerializer(serializers.ModelSerializer):
    class Meta:
        model = Source
        fields = ["id", "publisher", "title", "language", "published_on", "url", "consulted_on", "notes"]


class TopicBriefSerializer(serializers.ModelSerializer):
    name = TranslatedField()

    class Meta:
        model = Topic
        fields = ["id", "slug", "name"]


class TopicSerializer(TopicBriefSerializer):
    description = TranslatedField()
    urls = serializers.SerializerMethodField(help_text="The topic's page in each language.")
    statement_count = serializers.IntegerField(
        read_only=True, help_text="Published statements about this topic, quotes included."
    )

    class Meta(TopicBriefSerializer.Meta):
        fields = [*TopicBriefSerializer.Meta.fields, "description", "statement_count", "urls"]

    @extend_schema_field(_URLS)
    def get_urls(self, topic):
        return page_urls("archive:topic", slug=topic.slug)


class SessionBriefSerializer(serializers.ModelSerializer):
    key = serializers.CharField(read_only=True, help_text="`13-3`: the third session of the 13th NPC.")
    name = TranslatedField()

    class Meta:
        model = Session
        fields = ["id", "key", "congress", "number", "year", "name"]


class SessionSerializer(SessionBriefSerializer):
    urls = serializers.SerializerMethodField(help_text="The session's page in each language.")
    sources = SourceSerializer(many=True, read_only=True)
    statement_count = serializers.IntegerField(read_only=True, help_text="Published statements dated in it.")

    class Meta(SessionBriefSerializer.Meta):
        fields = [
            *SessionBriefSerializer.Meta.fields,
            "opened_on",
            "closed_on",
            "notes",
            "sources",
            "statement_count",
            "urls",
        ]

    @extend_schema_field(_URLS)
    def get_urls(self, session):
        return page_urls("archive:session", congress=session.congress, number=session.number)


class StatementBriefSerializer(serializers.ModelSerializer):
    """A statement named from another one: its parent, or one of its parts."""

    api_url = serializers.SerializerMethodField()

    class Meta:
        model = Statement
        fields = ["id", "slug", "kind", "date", "api_url"]

    @extend_schema_field(OpenApiTypes.URI)
    def get_api_url(self, statement):
        return absolute_url(reverse("api:statement-detail", kwargs={"pk": statement.pk}))


_TEXT = inline_serializer(
    name="StatementText",
    fields={
        "title": serializers.CharField(allow_blank=True),
        "summary": serializers.CharField(allow_blank=True),
        "text": serializers.CharField(
            allow_blank=True, help_text="Plain text; a blank line between paragraphs."
        ),
        "notes": serializers.CharField(allow_blank=True),
        "provenance": serializers.ChoiceField(
            choices=[*Provenance.values, ""],
            help_text="original: his own words; report: a source's report of them; translation: the "
            "archive's translation; machine: an unreviewed machine translation; empty: no text.",
        ),
        "translated_from": serializers.ChoiceField(
            choices=[*LANGUAGE_CODES, ""],
            help_text="For a translation: the language of the text it was translated from.",
        ),
        "review": serializers.ChoiceField(
            choices=[*ReviewState.values, ""],
            help_text="awaiting: no second editor has reviewed this text yet; reviewed; source-changed: "
            "reviewed, but the text it was translated from has changed since.",
        ),
    },
)


class StatementSerializer(StatementBriefSerializer):
    texts = serializers.SerializerMethodField(
        help_text="Title, summary, text, notes and provenance in each language, without fallback: "
        "an empty string where a language has no text yet."
    )
    urls = serializers.SerializerMethodField(help_text="The statement's page in each language.")
    session = SessionBriefSerializer(read_only=True, allow_null=True)
    topics = TopicBriefSerializer(many=True, read_only=True)
    sources = SourceSerializer(many=True, read_only=True)
    parent = StatementBriefSerializer(
        read_only=True, allow_null=True, help_text="The statement a quote is part of."
    )
    parts = StatementBriefSerializer(
        many=True,
        read_only=True,
        source="public_parts",
        help_text="Its published quotes and reported points.",
    )
    created = serializers.DateTimeField(source="created_at", read_only=True)
    updated = serializers.DateTimeField(source="updated_at", read_only=True)
    published = serializers.DateTimeField(
        source="published_at", read_only=True, allow_null=True, help_text="When it first appeared."
    )

    class Meta(StatementBriefSerializer.Meta):
        fields = [
            *StatementBriefSerializer.Meta.fields,
            "official_title",
            "spoken_language",
            "session",
            "topics",
            "texts",
            "sources",
            "parent",
            "parts",
            "urls",
            "created",
            "updated",
            "published",
        ]

    @extend_schema_field(
        inline_serializer(name="PerLanguageStatementText", fields={code: _TEXT for code in LANGUAGE_CODES})
    )
    def get_texts(self, statement):
        texts = {}
        for code in LANGUAGE_CODES:
            text = statement.text_in(code)
            del text["language"]
            texts[code] = {key: value or "" for key, value in text.items()}
        return texts

    @extend_schema_field(_URLS)
    def get_urls(self, statement):
        return page_urls("archive:statement", slug=statement.slug)


class WithdrawalSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="statement_id", help_text="The statement's id while it was public.")
    slug = serializers.SlugField(help_text="Its last public slug.")
    withdrawn_at = serializers.DateTimeField()
    reason = serializers.ChoiceField(choices=["unpublished", "deleted"])


class SearchHitSerializer(serializers.Serializer):
    statement = StatementSerializer()
    language = serializers.ChoiceField(
        choices=LANGUAGE_CODES, help_text="The language it matched in, which the snippet is from."
    )
    snippet_html = serializers.CharField(
        source="snippet", help_text="An excerpt, HTML-escaped, with the matched words in <mark>."
    )
