"""The API's views: DRF viewsets over the public querysets; rules live in models, params and search."""

import re

from django.conf import settings
from django.db.models import Count, Prefetch, Q, prefetch_related_objects
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.http import http_date
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view, inline_serializer
from rest_framework import serializers, viewsets
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle
from rest_framework.views import APIView

from ..caching import pages_generation
from ..models import Session, Source, Statement, Topic, Withdrawal
from ..origin import absolute_url
from ..search.forms import SearchForm
from . import params as p
from .pagination import ArchivePagination
from .serializers import (
    SearchHitSerializer,
    SessionSerializer,
    SourceSerializer,
    StatementSerializer,
    TopicSerializer,
    WithdrawalSerializer,
)

# Any path segment reaches the view, which answers a JSON 404 for one that names nothing.
ANY_SEGMENT = "[^/]+"

# How long a client or a shared cache may reuse an answer without asking again; after that a
# conditional request usually gets a cheap 304.
MAX_AGE = 60

ERROR = inline_serializer(
    name="Error",
    fields={
        "errors": serializers.DictField(
            child=serializers.ListField(child=serializers.CharField()),
            help_text="For each parameter at fault, the reasons.",
        )
    },
)
NOT_FOUND = inline_serializer(name="NotFound", fields={"detail": serializers.CharField()})
THROTTLED = OpenApiResponse(
    inline_serializer(name="Throttled", fields={"detail": serializers.CharField()}),
    description="Too many requests from this client; the Retry-After header says when to come back.",
)


class ClientRateThrottle(AnonRateThrottle):
    """Requests per client address, at settings.ARCHIVE_API_RATE (None: no limit).

    The client is REMOTE_ADDR, or with REST_FRAMEWORK["NUM_PROXIES"] set, the address that many
    trusted proxies forwarded (never a client's own X-Forwarded-For).
    """

    def get_rate(self):
        return settings.ARCHIVE_API_RATE


class ArchiveAPIMixin:
    """English answers, parameters validated before anything runs, cache headers on success."""

    params_class = None
    throttle_classes = [ClientRateThrottle]

    def dispatch(self, request, *args, **kwargs):
        with translation.override("en"):
            return super().dispatch(request, *args, **kwargs)

    def get_params_class(self):
        return self.params_class

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        params_class = self.get_params_class()
        self.params = {}
        if params_class is not None:
            serializer = params_class(data=request.query_params)
            serializer.is_valid(raise_exception=True)
            self.params = serializer.validated_data

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if response.status_code == 200:
            # ConditionalGetMiddleware adds the ETag and answers 304 from it or from this date.
            response["Last-Modified"] = http_date(pages_generation())
            patch_cache_control(response, public=True, max_age=MAX_AGE)
        return response


def public_statements():
    parts = Statement.objects.filter(status=Statement.Status.PUBLISHED).order_by("date", "id")
    return (
        Statement.objects.published()
        .select_related("session", "parent")
        .prefetch_related("topics", "sources", Prefetch("quotes", queryset=parts, to_attr="public_parts"))
    )


@extend_schema_view(
    list=extend_schema(
        parameters=[p.StatementParams],
        responses={200: StatementSerializer(many=True), 400: ERROR, 429: THROTTLED},
        description="Published statements, oldest first unless `ordering` says otherwise.",
    ),
    retrieve=extend_schema(responses={200: StatementSerializer, 404: NOT_FOUND, 429: THROTTLED}),
)
class StatementViewSet(ArchiveAPIMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = StatementSerializer
    pagination_class = ArchivePagination
    lookup_value_regex = ANY_SEGMENT

    def get_object(self):
        if not re.fullmatch(r"[0-9]{1,18}", self.kwargs["pk"]):
            raise NotFound
        return super().get_object()

    def get_params_class(self):
        return p.StatementParams if self.action == "list" else None

    def get_queryset(self):
        return public_statements()

    def filter_queryset(self, queryset):
        if self.action != "list":
            return queryset
        params = self.params
        if "year" in params:
            queryset = queryset.in_year(params["year"])
        if "year_from" in params:
            queryset = queryset.filter(date__year__gte=params["year_from"])
        if "year_to" in params:
            queryset = queryset.filter(date__year__lte=params["year_to"])
        if "session" in params:
            queryset = queryset.filter(session=params["session"])
        if "kind" in params:
            queryset = queryset.of_kind(params["kind"])
        if "topic" in params:
            queryset = queryset.about(params["topic"])
        if "language" in params:
            queryset = queryset.with_text_in(params["language"])
        if "updated_since" in params:
            queryset = queryset.filter(updated_at__gte=params["updated_since"])
        return queryset.order_by(*p.STATEMENT_ORDERINGS[params.get("ordering", "date")])


@extend_schema_view(
    list=extend_schema(
        parameters=[p.PageParams], responses={200: TopicSerializer(many=True), 400: ERROR, 429: THROTTLED}
    ),
    retrieve=extend_schema(responses={200: TopicSerializer, 404: NOT_FOUND, 429: THROTTLED}),
)
class TopicViewSet(ArchiveAPIMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = TopicSerializer
    pagination_class = ArchivePagination
    lookup_field = "slug"
    lookup_value_regex = ANY_SEGMENT

    def get_params_class(self):
        return p.PageParams if self.action == "list" else None

    def get_queryset(self):
        public = Statement.objects.published().values("pk")
        return Topic.objects.annotate(
            statement_count=Count("statements", filter=Q(statements__in=public), distinct=True)
        ).order_by("slug")


@extend_schema_view(
    list=extend_schema(
        parameters=[p.PageParams], responses={200: SessionSerializer(many=True), 400: ERROR, 429: THROTTLED}
    ),
    retrieve=extend_schema(responses={200: SessionSerializer, 404: NOT_FOUND, 429: THROTTLED}),
)
class SessionViewSet(ArchiveAPIMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = SessionSerializer
    pagination_class = ArchivePagination
    lookup_field = "key"
    lookup_value_regex = ANY_SEGMENT

    def get_params_class(self):
        return p.PageParams if self.action == "list" else None

    def get_queryset(self):
        return (
            Session.objects.annotate(
                statement_count=Count(
                    "statements",
                    filter=Q(statements__in=Statement.objects.published().values("pk")),
                    distinct=True,
                )
            )
            .prefetch_related("sources")
            .order_by("opened_on", "id")
        )

    def get_object(self):
        key = re.fullmatch(r"([0-9]{1,3})-([0-9]{1,3})", self.kwargs["key"])
        if key is None:
            raise NotFound
        return get_object_or_404(self.get_queryset(), congress=int(key[1]), number=int(key[2]))


@extend_schema_view(
    list=extend_schema(
        parameters=[p.PageParams], responses={200: SourceSerializer(many=True), 400: ERROR, 429: THROTTLED}
    ),
    retrieve=extend_schema(responses={200: SourceSerializer, 404: NOT_FOUND, 429: THROTTLED}),
)
class SourceViewSet(ArchiveAPIMixin, viewsets.ReadOnlyModelViewSet):
    """Sources cited by a published statement or by a session; a source only a draft cites is not public."""

    serializer_class = SourceSerializer
    pagination_class = ArchivePagination
    lookup_value_regex = ANY_SEGMENT

    def get_object(self):
        if not re.fullmatch(r"[0-9]{1,18}", self.kwargs["pk"]):
            raise NotFound
        return super().get_object()

    def get_params_class(self):
        return p.PageParams if self.action == "list" else None

    def get_queryset(self):
        return Source.objects.cited_publicly().order_by("id")


@extend_schema_view(
    list=extend_schema(
        parameters=[p.WithdrawalParams],
        responses={200: WithdrawalSerializer(many=True), 400: ERROR, 429: THROTTLED},
        description="Statements that left the public archive (unpublished or deleted) and are still "
        "out, oldest first: a harvester removes these. Ids and slugs only, never a text.",
    ),
)
class WithdrawalViewSet(ArchiveAPIMixin, viewsets.GenericViewSet):
    serializer_class = WithdrawalSerializer
    pagination_class = ArchivePagination
    params_class = p.WithdrawalParams

    def get_queryset(self):
        withdrawals = Withdrawal.objects.order_by("withdrawn_at", "statement_id")
        if "since" in self.params:
            withdrawals = withdrawals.filter(withdrawn_at__gte=self.params["since"])
        return withdrawals

    def list(self, request):
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response(self.get_serializer(page, many=True).data)


_COUNTS = serializers.DictField(child=serializers.IntegerField())
SEARCH_RESPONSE = inline_serializer(
    name="SearchResults",
    fields={
        "count": serializers.IntegerField(help_text="How many statements match, on every page."),
        "page": serializers.IntegerField(),
        "num_pages": serializers.IntegerField(),
        "understood": serializers.BooleanField(
            help_text="False when the query had no word to look for (only punctuation, say): no results."
        ),
        "truncated": serializers.BooleanField(
            help_text="The query was longer than 200 characters and was cut."
        ),
        "results": SearchHitSerializer(many=True),
        "facets": inline_serializer(
            name="SearchFacets",
            fields={
                "year": _COUNTS,
                "session": _COUNTS,
                "kind": _COUNTS,
                "topic": _COUNTS,
                "language": _COUNTS,
            },
            help_text="For each filter, how many results each value would leave, with the other filters "
            "applied: years, session keys (13-3), kinds, topic slugs, languages.",
        ),
    },
)


class SearchView(ArchiveAPIMixin, APIView):
    """The search page's search, as JSON: the same parameters, the same engine, the same order."""

    @extend_schema(
        parameters=[p.SearchParams],
        responses={200: SEARCH_RESPONSE, 400: ERROR, 429: THROTTLED},
        operation_id="search",
    )
    def get(self, request):
        form = SearchForm(request.query_params)
        if not form.is_valid():
            raise ValidationError({name: list(messages) for name, messages in form.errors.items()})
        if not form.asks_something():  # no words and no filter: the page shows no list either
            return Response(
                {
                    "count": 0,
                    "page": 1,
                    "num_pages": 1,
                    "understood": False,
                    "truncated": False,
                    "results": [],
                    "facets": _empty_facets(),
                }
            )
        results = form.results(reader_language="en")
        statements = [hit.statement for hit in results.hits]
        prefetch_related_objects(statements, *public_statements()._prefetch_related_lookups)
        return Response(
            {
                "count": results.total,
                "page": results.page,
                "num_pages": results.num_pages,
                "understood": results.understood,
                "truncated": form.truncated,
                "results": SearchHitSerializer(results.hits, many=True).data,
                "facets": _named_facets(results.facets) if results.understood else _empty_facets(),
            }
        )


def _empty_facets():
    return {name: {} for name in ("year", "session", "kind", "topic", "language")}


def _named_facets(counts):
    """The engine counts by primary key; the API names sessions by key and topics by slug."""
    sessions = Session.objects.filter(pk__in=counts["session"]).only("congress", "number")
    topics = Topic.objects.filter(pk__in=counts["topic"]).values_list("pk", "slug")
    return {
        "year": {str(year): n for year, n in sorted(counts["year"].items())},
        "session": {s.key: counts["session"][s.pk] for s in sessions},
        "kind": dict(counts["kind"]),
        "topic": {slug: counts["topic"][pk] for pk, slug in topics},
        "language": dict(counts["language"]),
    }


class RootView(ArchiveAPIMixin, APIView):
    """Where everything is."""

    NAMES = (
        "statement-list",
        "topic-list",
        "session-list",
        "source-list",
        "withdrawal-list",
        "search",
        "schema",
        "docs",
    )

    @extend_schema(
        responses={
            200: inline_serializer(
                name="Root", fields={name.removesuffix("-list"): serializers.URLField() for name in NAMES}
            ),
            429: THROTTLED,
        },
        operation_id="root",
    )
    def get(self, request):
        return Response(
            {name.removesuffix("-list"): absolute_url(reverse(f"api:{name}")) for name in self.NAMES}
        )


class NotFoundView(ArchiveAPIMixin, APIView):
    """Any other address under /api/v1/: a JSON 404, like a missing id."""

    schema = None

    def get(self, request, *args, **kwargs):
        raise NotFound
