"""Multi-step writes: loading the archive's content files into the database."""

import hashlib
import json
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction

from .content import ContentError, read_content
from .history.versions import one_version
from .models import ContentRecord, Session, Source, Statement, Topic, field_suffix

LOAD_REASON = "Loaded from the archive's content files"


@dataclass
class LoadReport:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
    # Changed or deleted by an editor since the last load: the editor's version stands.
    kept_for_editor: list = field(default_factory=list)

    def summary(self):
        return (
            f"{len(self.created)} created, {len(self.updated)} updated, {len(self.unchanged)} unchanged, "
            f"{len(self.kept_for_editor)} left as editors made them"
        )


def _digest(value):
    return hashlib.sha256(json.dumps(value, sort_keys=True, default=str).encode()).hexdigest()


def _translated(name, texts):
    return {f"{name}_{field_suffix(code)}": text for code, text in texts.items()}


class _Loader:
    """Creates what is new, updates what the loader wrote and nobody touched since, keeps the rest."""

    def __init__(self, report):
        self.report = report

    @staticmethod
    def _state(obj, fields, m2m):
        values = {name: getattr(obj, name) for name in fields}
        values.update({name: sorted(getattr(obj, name).values_list("pk", flat=True)) for name in m2m})
        return _digest(values)

    def sync(self, key, model, lookup, fields, m2m=None, check_relations=None):
        """`check_relations(obj)` returns the errors that need the many-to-many rows saved first."""
        m2m = m2m or {}
        wanted = _digest({"lookup": lookup, "fields": fields, "m2m": {k: sorted(v) for k, v in m2m.items()}})
        record = ContentRecord.objects.filter(key=key).first()
        if record is None:
            obj = model.objects.filter(**lookup).first()
            if obj is not None:
                # Made by an editor before the content file had it: theirs to keep.
                self.report.kept_for_editor.append(key)
                return obj
            obj = model(**lookup)
            action = self.report.created
        else:
            obj = model.objects.filter(pk=record.object_id).first()
            if obj is None:
                self.report.kept_for_editor.append(key)  # deleted by an editor
                return None
            if record.source_hash == wanted:
                self.report.unchanged.append(key)
                return obj
            if self._state(obj, list(fields) + list(lookup), m2m) != record.loaded_hash:
                self.report.kept_for_editor.append(key)
                return obj
            action = self.report.updated

        for name, value in {**lookup, **fields}.items():
            setattr(obj, name, value)
        try:
            obj.full_clean()
        except ValidationError as error:
            raise ContentError(f"{key}: {'; '.join(error.messages)}") from None
        # One version in the history for the object with its topics and sources.
        with one_version(obj, reason=LOAD_REASON):
            obj.save()
            for name, ids in m2m.items():
                getattr(obj, name).set(ids)
        if check_relations is not None and (problems := check_relations(obj)):
            raise ContentError(f"{key}: {'; '.join(str(message) for message in problems.values())}")
        ContentRecord.objects.update_or_create(
            key=key,
            defaults={
                "object_id": obj.pk,
                "source_hash": wanted,
                "loaded_hash": self._state(obj, list(fields) + list(lookup), m2m),
            },
        )
        action.append(key)
        return obj


def content_load(*, directory) -> LoadReport:
    """Load the content files in `directory`. Running it again creates nothing twice and never
    overwrites what an editor has changed since; it raises ContentError if a file is wrong."""
    content = read_content(directory)
    report = LoadReport()
    loader = _Loader(report)
    with transaction.atomic():
        topics = {}
        for entry in content.topics:
            topics[entry["slug"]] = loader.sync(
                f"topic:{entry['slug']}",
                Topic,
                {"slug": entry["slug"]},
                {**_translated("name", entry["name"]), **_translated("description", entry["description"])},
            )

        sources = {}
        for key, entry in content.sources.items():
            lookup = (
                {"url": entry["url"]}
                if entry["url"]
                else {"publisher": entry["publisher"], "title": entry["title"]}
            )
            values = {
                name: entry[name]
                for name in ("publisher", "title", "language", "published_on", "url", "consulted_on", "notes")
            }
            for name in lookup:
                values.pop(name)
            sources[key] = loader.sync(f"source:{key}", Source, lookup, values)

        def ids(objects, keys):
            return [objects[k].pk for k in keys if objects.get(k) is not None]

        sessions = {}
        for entry in content.sessions:
            sessions[entry["key"]] = loader.sync(
                f"session:{entry['key']}",
                Session,
                {"congress": entry["congress"], "number": entry["number"]},
                {
                    "year": entry["year"],
                    "opened_on": entry["opened_on"],
                    "closed_on": entry["closed_on"],
                    "notes": entry["notes"],
                    **_translated("name", entry["name"]),
                },
                {"sources": ids(sources, entry["sources"])},
            )

        statements = {}
        for entry in content.statements:
            parent = statements.get(entry["parent"]) if entry["parent"] else None
            if entry["parent"] and parent is None:
                report.kept_for_editor.append(f"statement:{entry['slug']}")  # its parent was deleted
                continue
            session = sessions.get(entry["session"]) if entry["session"] else None
            fields = {
                "kind": entry["kind"],
                "date": entry["date"],
                "session_id": session.pk if session else None,
                "spoken_language": entry["spoken_language"],
                "official_title": entry["official_title"],
                "parent_id": parent.pk if parent else None,
                "status": Statement.Status.PUBLISHED,
            }
            for name in ("title", "summary", "text", "notes", "provenance"):
                fields.update(_translated(name, entry[name]))
            statements[entry["slug"]] = loader.sync(
                f"statement:{entry['slug']}",
                Statement,
                {"slug": entry["slug"]},
                fields,
                {"topics": ids(topics, entry["topics"]), "sources": ids(sources, entry["sources"])},
                # The same rules as the admin's: every loaded statement is published.
                check_relations=lambda statement: statement.relation_errors(),
            )
    return report
