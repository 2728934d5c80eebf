"""The API's query parameters, validated: a bad one is a 400 naming the field and the reason.

Unknown parameters are refused too, so that a typo (`yaer=2020`) is not silently ignored.
"""

from django.conf import settings
from rest_framework import serializers

from ..models import LANGUAGE_CODES, Session, Statement, Topic
from ..search.forms import YEAR_BOUNDS

MAX_PAGE_SIZE = 100
DEFAULT_PAGE_SIZE = 20
MAX_PAGE = 100_000

STATEMENT_ORDERINGS = {
    "date": ("date", "id"),
    "-date": ("-date", "-id"),
    "updated": ("updated_at", "id"),
    "-updated": ("-updated_at", "-id"),
    "id": ("id",),
    "-id": ("-id",),
}


class StrictParams(serializers.Serializer):
    """Refuses parameters it does not know."""

    def to_internal_value(self, data):
        errors = {name: ["Unknown parameter."] for name in data if name not in self.fields}
        # A parameter given twice is ambiguous: say so rather than pick one.
        if hasattr(data, "getlist"):
            errors |= {name: ["Give this parameter once."] for name in data if len(data.getlist(name)) > 1}
        if errors:
            raise serializers.ValidationError(errors)
        return super().to_internal_value(data)


class PageParams(StrictParams):
    page = serializers.IntegerField(required=False, min_value=1, max_value=MAX_PAGE, help_text="From 1.")
    page_size = serializers.IntegerField(
        required=False,
        min_value=1,
        max_value=MAX_PAGE_SIZE,
        help_text=f"Results per page, {DEFAULT_PAGE_SIZE} unless given, at most {MAX_PAGE_SIZE}.",
    )


def _year(**kwargs):
    return serializers.IntegerField(
        required=False, min_value=YEAR_BOUNDS["min_value"], max_value=YEAR_BOUNDS["max_value"], **kwargs
    )


def session_by_key(key):
    congress, _sep, number = key.partition("-")
    session = None
    if congress.isdigit() and number.isdigit() and len(congress) < 4 and len(number) < 4:
        session = Session.objects.filter(congress=int(congress), number=int(number)).first()
    if session is None:
        raise serializers.ValidationError("There is no such session in the archive.")
    return session


def topic_by_slug(slug):
    topic = Topic.objects.filter(slug=slug).first()
    if topic is None:
        raise serializers.ValidationError("There is no such topic in the archive.")
    return topic


class StatementParams(PageParams):
    year = _year(help_text="Statements of this year.")
    year_from = _year(help_text="Statements of this year or later.")
    year_to = _year(help_text="Statements of this year or earlier.")
    session = serializers.CharField(
        required=False, max_length=10, help_text="`13-3`: the third session of the 13th NPC."
    )
    kind = serializers.ChoiceField(required=False, choices=Statement.Kind.values)
    topic = serializers.SlugField(required=False, max_length=80, help_text="A topic's slug.")
    language = serializers.ChoiceField(
        required=False,
        choices=LANGUAGE_CODES,
        help_text="Only statements with a title, summary or text written in this language.",
    )
    updated_since = serializers.DateTimeField(
        required=False,
        help_text="Only statements changed at or after this time (ISO 8601, e.g. 2025-03-01T00:00:00Z): "
        "for harvesting changes; see also /api/v1/withdrawals/.",
    )
    ordering = serializers.ChoiceField(
        required=False,
        choices=list(STATEMENT_ORDERINGS),
        help_text="`date` (the default: oldest first), `-date`, `updated`, `-updated`, `id` or `-id`; "
        "ties are broken by id, so pages never overlap.",
    )

    def validate_session(self, key):
        return session_by_key(key)

    def validate_topic(self, slug):
        return topic_by_slug(slug)

    def validate(self, attrs):
        attrs = super().validate(attrs)
        low, high = attrs.get("year_from"), attrs.get("year_to")
        if low and high and low > high:
            raise serializers.ValidationError({"year_to": ["Must not be before year_from."]})
        return attrs


class WithdrawalParams(PageParams):
    since = serializers.DateTimeField(
        required=False, help_text="Only what left the public archive at or after this time (ISO 8601)."
    )


class SearchParams(StrictParams):
    """Documentation of the search's parameters; the search page's own form validates them."""

    q = serializers.CharField(
        required=False,
        allow_blank=True,
        help_text='Words (all must match, in any language), "an exact phrase", -excluded, a OR b. '
        "With no words, the filters alone list statements newest first.",
    )
    year = _year()
    year_from = _year()
    year_to = _year()
    session = serializers.CharField(required=False, help_text="`13-3`: the third session of the 13th NPC.")
    kind = serializers.ChoiceField(required=False, choices=Statement.Kind.values)
    topic = serializers.SlugField(required=False)
    language = serializers.ChoiceField(required=False, choices=[code for code, _name in settings.LANGUAGES])
    sort = serializers.ChoiceField(required=False, choices=["relevance", "newest", "oldest"])
    page = serializers.IntegerField(required=False, min_value=1, max_value=MAX_PAGE)
