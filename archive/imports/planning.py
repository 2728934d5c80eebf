"""Every row of an import checked against the archive before anything is written: what it would
create or change, column by column (old -> new), or why it cannot be imported (row, column,
message). The model's own rules decide: `full_clean()`, and for a statement that will be public
`check_publishable()` with the topics and sources the row gives."""

import datetime
import hashlib
import json
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _

from ..data.export import TEXT_FIELDS, statement_columns
from ..models import LANGUAGE_CODES, Session, Source, Statement, Topic, field_suffix
from .reading import ImportFileError

SUFFIXES = [field_suffix(code) for code in LANGUAGE_CODES]
# The archive's own columns in the downloads: read back, never imported (ids and addresses are
# the archive's; it keeps the times of creation, change and first publication itself).
IGNORED_COLUMNS = {"id", "created", "updated", *(f"url_{suffix}" for suffix in SUFFIXES)}
COLUMNS = [name for name in statement_columns() if name not in IGNORED_COLUMNS]
REQUIRED_COLUMNS = ("slug", "kind", "date")
TEXT_COLUMNS = ["official_title", *(f"{name}_{suffix}" for suffix in SUFFIXES for name in TEXT_FIELDS)]
CODE_COLUMNS = ("slug", "kind", "spoken_language")
# Where the model's errors are reported: the column the editor can correct.
ERROR_COLUMNS = {"sources": "source_ids", "parent": "parent_id", "status": "published", NON_FIELD_ERRORS: ""}
# modeltranslation's untranslated field follows the active language; its rules are the default
# language's (English title and summary are required).
UNTRANSLATED = {
    name: f"{name}_{field_suffix(settings.MODELTRANSLATION_DEFAULT_LANGUAGE)}" for name in TEXT_FIELDS
}
ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


@dataclass
class Change:
    column: str
    old: str
    new: str


@dataclass
class RowPlan:
    number: int
    slug: str
    action: str = ""  # "create", "update", "unchanged" or "error"
    changes: list = field(default_factory=list)
    errors: list = field(default_factory=list)  # [(column, message)]
    statement: Statement | None = None
    relations: dict = field(default_factory=dict)  # "topics"/"sources" -> the objects to set

    def error(self, column, message):
        self.errors.append((column, str(message)))


@dataclass
class ImportPlan:
    rows: list

    def _count(self, action):
        return sum(1 for row in self.rows if row.action == action)

    @property
    def created(self):
        return self._count("create")

    @property
    def updated(self):
        return self._count("update")

    @property
    def unchanged(self):
        return self._count("unchanged")

    @property
    def errors(self):
        return [(row.number, column, message) for row in self.rows for column, message in row.errors]

    @property
    def valid(self):
        return not self.errors

    @property
    def writes(self):
        return [row for row in self.rows if row.action in ("create", "update")]

    def digest(self):
        """What this plan would write: the confirmation applies exactly what the editor saw."""
        summary = [(row.number, row.slug, row.action, [vars(c) for c in row.changes]) for row in self.rows]
        return hashlib.sha256(json.dumps(summary, sort_keys=True).encode()).hexdigest()


def columns_check(columns):
    """The file's columns must be the downloads' (some may be left out, none unknown)."""
    unknown = [name for name in columns if name not in COLUMNS and name not in IGNORED_COLUMNS]
    if unknown:
        hint = ""
        if set(unknown) & {"title", "summary", "text", "notes", "provenance"}:
            hint = " " + _("Give each language its own column: title_en, title_fr, title_zh_hans…")
        raise ImportFileError(
            _("Unknown columns: %(columns)s. The columns are those of the archive's statements.csv.")
            % {"columns": ", ".join(unknown)}
            + hint
        )
    missing = [name for name in REQUIRED_COLUMNS if name not in columns]
    if missing:
        raise ImportFileError(_("Missing columns: %(columns)s.") % {"columns": ", ".join(missing)})


class _Parser:
    """The row's texts as the model's values, with an error for each column that cannot be read."""

    def date(self, text):
        try:
            value = parse_date(text) if ISO_DATE.fullmatch(text) else None
        except ValueError:  # well formed, but no such day (2020-02-30)
            value = None
        if value is None:
            raise ValueError(
                _("“%(value)s” is not a date: write it YYYY-MM-DD (year, month and day in digits).")
                % {"value": text}
            )
        return value

    def published(self, text):
        if not text:
            return False
        try:
            if parse_datetime(text) or parse_date(text):
                return True
        except ValueError:
            pass
        raise ValueError(
            _(
                "“%(value)s” is not a date: give when it was first published (as in the downloads) "
                "to publish it, or leave it empty for a draft."
            )
            % {"value": text}
        )

    def session(self, text):
        if not text:
            return None
        session = Session.objects.by_key(text)
        if session is None:
            raise ValueError(
                _("There is no NPC session “%(value)s” (write it congress-number, e.g. 13-3).")
                % {"value": text}
            )
        return session

    def parent(self, text):
        if not text:
            return None
        parent = (
            Statement.objects.filter(pk=int(text)).first()
            if text.isascii() and text.isdigit() and len(text) < 19
            else None
        )
        if parent is None:
            raise ValueError(_("There is no statement with the id %(value)s.") % {"value": text})
        return parent

    @staticmethod
    def _keys(text):
        return sorted({key.strip() for key in text.split(";") if key.strip()})

    def topics(self, text):
        slugs = self._keys(text)
        found = {topic.slug: topic for topic in Topic.objects.filter(slug__in=slugs)}
        unknown = [slug for slug in slugs if slug not in found]
        if unknown:
            raise ValueError(_("Unknown topics: %(values)s.") % {"values": ", ".join(unknown)})
        return [found[slug] for slug in slugs]

    def sources(self, text):
        keys = self._keys(text)
        bad = [key for key in keys if not (key.isascii() and key.isdigit() and len(key) < 19)]
        found = {
            str(source.pk): source
            for source in Source.objects.filter(pk__in=[k for k in keys if k not in bad])
        }
        unknown = bad + [key for key in keys if key not in bad and key not in found]
        if unknown:
            raise ValueError(_("Unknown sources (by id): %(values)s.") % {"values": ", ".join(unknown)})
        return sorted(found.values(), key=lambda source: source.pk)


def _display(column, value):
    if value is None or value is False:
        return ""
    if isinstance(value, datetime.date):
        return value.isoformat()
    if column == "session":
        return value.key
    if column == "parent_id":
        return f"{value.pk} ({value.slug})"
    if column == "topics":
        return "; ".join(topic.slug for topic in value)
    if column == "source_ids":
        return "; ".join(str(source.pk) for source in value)
    return str(value)


def _current(statement, column):
    """The statement's value for a column, as the parser would give it."""
    if statement is None:
        return None
    if column == "session":
        return statement.session
    if column == "parent_id":
        return statement.parent
    if column == "topics":
        return sorted(statement.topics.all(), key=lambda topic: topic.slug)
    if column == "source_ids":
        return sorted(statement.sources.all(), key=lambda source: source.pk)
    return getattr(statement, column) or ""


def _same(column, old, new):
    if column in ("topics", "source_ids"):
        return [obj.pk for obj in old or []] == [obj.pk for obj in new]
    if column in ("session", "parent_id"):
        return (old.pk if old else None) == (new.pk if new else None)
    return old == new


ATTRIBUTES = {"session": "session", "parent_id": "parent", "topics": "topics", "source_ids": "sources"}


def _row_plan(row, existing, update_existing, parser, seen):
    values = {name: value for name, value in row.values.items() if name in COLUMNS}
    slug = values.get("slug", "").strip()
    plan = RowPlan(number=row.number, slug=slug)
    if not slug:
        plan.error("slug", _("Every row needs a slug: the statement's permanent address."))
    elif slug in seen:
        plan.error("slug", _("This slug is also in row %(row)d.") % {"row": seen[slug]})
    else:
        seen[slug] = row.number

    parsed = {}
    for column, text in values.items():
        if column in CODE_COLUMNS or column not in TEXT_COLUMNS:
            text = text.strip()
        else:
            text = text.replace("\r\n", "\n").replace("\r", "\n")  # as spreadsheets may save lines
        reader = getattr(parser, {"parent_id": "parent", "source_ids": "sources"}.get(column, column), None)
        if reader is None or column in TEXT_COLUMNS or column in CODE_COLUMNS:
            parsed[column] = text
            continue
        try:
            parsed[column] = reader(text)
        except ValueError as error:
            plan.error(column, error.args[0] if error.args else error)

    statement = existing.get(slug)
    publish = parsed.pop("published", False)
    for column, value in parsed.items():
        old = _current(statement, column)
        if statement is None and not value:
            continue
        if not _same(column, old, value):
            plan.changes.append(Change(column, _display(column, old), _display(column, value)))
    if publish and (statement is None or not statement.is_published):
        old = statement.get_status_display() if statement else ""
        plan.changes.append(Change("status", str(old), str(Statement.Status.PUBLISHED.label)))

    if statement is not None and not plan.changes and not plan.errors:
        plan.action = "unchanged"
        return plan
    if statement is not None and not update_existing:
        plan.error(
            "slug",
            _(
                "A statement with this slug exists and this row would change it; choose “Update "
                "existing statements” to change it, or remove the row."
            ),
        )

    # A new statement's texts start empty, never NULL (which the published-quote constraint lets pass).
    candidate = statement if statement is not None else Statement(**dict.fromkeys(TEXT_COLUMNS, ""))
    relations = {}
    for column, value in parsed.items():
        attribute = ATTRIBUTES.get(column, column)
        if statement is None and not value:
            continue  # an empty cell of a new row: the model's default (the language he spoke: Chinese)
        if attribute in ("topics", "sources"):
            relations[attribute] = value
        else:
            setattr(candidate, attribute, value)
    if publish:
        candidate.status = Statement.Status.PUBLISHED
    plan.statement, plan.relations = candidate, relations

    failed = {column for column, _message in plan.errors}
    try:
        if candidate.is_published:
            candidate.check_publishable(topics=relations.get("topics"), sources=relations.get("sources"))
        else:
            candidate.full_clean()
    except ValidationError as error:
        for name, messages in error.message_dict.items():
            column = ERROR_COLUMNS.get(name, UNTRANSLATED.get(name, name))
            if column in failed:
                continue  # the column's own error says it already
            for message in messages:
                if (column, message) not in plan.errors:
                    plan.error(column, message)
    if plan.errors:
        plan.action = "error"
    else:
        plan.action = "update" if statement is not None else "create"
    return plan


def import_plan(*, import_file, update_existing: bool) -> ImportPlan:
    """The plan for every row; ImportFileError if the columns are not the downloads'."""
    columns_check(import_file.columns)
    slugs = {row.values.get("slug", "").strip() for row in import_file.rows}
    existing = {
        statement.slug: statement
        for statement in Statement.objects.filter(slug__in=slugs - {""})
        .select_related("session", "parent")
        .prefetch_related("topics", "sources")
    }
    parser, seen = _Parser(), {}
    return ImportPlan([_row_plan(row, existing, update_existing, parser, seen) for row in import_file.rows])
