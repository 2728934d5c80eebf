"""The published archive as rows and files: the API's serializers give the content, so the
downloads and the API always agree. Drafts never enter (the public querysets choose)."""

import csv
import io
import json

from django.db.models import Count, Q

from ..api.serializers import SessionSerializer, SourceSerializer, StatementSerializer, TopicSerializer
from ..api.views import public_statements
from ..models import LANGUAGE_CODES, Session, Source, Statement, Topic, field_suffix

TEXT_FIELDS = ("title", "summary", "text", "notes", "provenance")


def _suffix(code):
    return field_suffix(code)


def statement_columns():
    columns = ["id", "slug", "kind", "date", "official_title", "spoken_language", "session", "topics"]
    columns += ["parent_id"]
    for code in LANGUAGE_CODES:
        columns += [f"{field}_{_suffix(code)}" for field in TEXT_FIELDS]
    columns += [f"url_{_suffix(code)}" for code in LANGUAGE_CODES]
    columns += ["source_ids", "created", "updated", "published"]
    return columns


def statements():
    """Every published statement as the API gives it, oldest first."""
    return StatementSerializer(public_statements().order_by("date", "id"), many=True).data


def statement_row(item):
    row = {
        "id": item["id"],
        "slug": item["slug"],
        "kind": item["kind"],
        "date": item["date"],
        "official_title": item["official_title"],
        "spoken_language": item["spoken_language"],
        "session": item["session"]["key"] if item["session"] else "",
        "topics": ";".join(topic["slug"] for topic in item["topics"]),
        "parent_id": item["parent"]["id"] if item["parent"] else "",
        "source_ids": ";".join(str(source["id"]) for source in item["sources"]),
        "created": item["created"],
        "updated": item["updated"],
        "published": item["published"] or "",
    }
    for code in LANGUAGE_CODES:
        for field in TEXT_FIELDS:
            row[f"{field}_{_suffix(code)}"] = item["texts"][code][field]
        row[f"url_{_suffix(code)}"] = item["urls"][code]
    return row


def sources():
    return SourceSerializer(Source.objects.cited_publicly().order_by("id"), many=True).data


SOURCE_COLUMNS = ["id", "publisher", "title", "language", "published_on", "url", "consulted_on", "notes"]


def topics():
    public = Statement.objects.published().values("pk")
    queryset = Topic.objects.annotate(
        statement_count=Count("statements", filter=Q(statements__in=public), distinct=True)
    ).order_by("slug")
    return TopicSerializer(queryset, many=True).data


def topic_columns():
    columns = ["id", "slug"]
    columns += [f"name_{_suffix(code)}" for code in LANGUAGE_CODES]
    columns += [f"description_{_suffix(code)}" for code in LANGUAGE_CODES]
    return [*columns, "statement_count"]


def topic_row(item):
    row = {"id": item["id"], "slug": item["slug"], "statement_count": item["statement_count"]}
    for code in LANGUAGE_CODES:
        row[f"name_{_suffix(code)}"] = item["name"][code]
        row[f"description_{_suffix(code)}"] = item["description"][code]
    return row


def sessions():
    public = Statement.objects.published().values("pk")
    queryset = (
        Session.objects.annotate(
            statement_count=Count("statements", filter=Q(statements__in=public), distinct=True)
        )
        .prefetch_related("sources")
        .order_by("opened_on", "id")
    )
    return SessionSerializer(queryset, many=True).data


def session_columns():
    columns = ["id", "key", "congress", "number", "year", "opened_on", "closed_on"]
    columns += [f"name_{_suffix(code)}" for code in LANGUAGE_CODES]
    return [*columns, "notes", "source_ids", "statement_count"]


def session_row(item):
    row = {name: item[name] for name in ("id", "key", "congress", "number", "year", "opened_on", "closed_on")}
    row |= {f"name_{_suffix(code)}": item["name"][code] for code in LANGUAGE_CODES}
    row |= {
        "notes": item["notes"],
        "source_ids": ";".join(str(source["id"]) for source in item["sources"]),
        "statement_count": item["statement_count"],
    }
    return row


def csv_bytes(columns, rows):
    """UTF-8 with a byte-order mark, so that spreadsheet programs read the Chinese correctly."""
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")


def json_bytes(document):
    return (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode()


def json_lines_bytes(items):
    return "".join(json.dumps(item, ensure_ascii=False) + "\n" for item in items).encode()
