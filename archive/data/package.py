"""The files of one dataset, and datapackage.json: a Frictionless Data Package describing each
CSV file field by field, with the licence and how to cite the dataset."""

import datetime
import hashlib
import io
import zipfile
from dataclasses import dataclass

from django.utils import timezone

from ..models import LANGUAGE_CODES, Provenance, Statement, field_suffix
from ..origin import absolute_url
from . import export

NAME = "leijun-npc-archive"
TITLE = "Lei Jun at the National People's Congress"
LICENCE = {
    "name": "CC-BY-4.0",
    "title": "Creative Commons Attribution 4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
}
RIGHTS = (
    "The archive's own texts (titles, summaries, translations, notes) and the data's selection and "
    "structure are under CC BY 4.0. Quoted words and the sources' own texts keep their rights: they "
    "are cited, not relicensed."
)
LANGUAGE_NAMES = {"en": "English", "fr": "French", "zh-hans": "Simplified Chinese"}
TEXT_DESCRIPTIONS = {
    "title": "Title in {language}; empty where not written yet (no fallback).",
    "summary": "Summary in {language}.",
    "text": "Full text in {language}, plain text, a blank line between paragraphs.",
    "notes": "Editorial notes in {language}, e.g. where two sources disagree.",
    "provenance": "Where the {language} text comes from: original (his own words), report (a source's "
    "report of them), translation (the archive's translation), machine (unreviewed machine "
    "translation); empty where there is no text.",
}
ZIP_NAME = f"{NAME}.zip"


@dataclass
class File:
    name: str
    content: bytes
    media_type: str

    @property
    def sha256(self):
        return hashlib.sha256(self.content).hexdigest()


def _field(name, type_, description, **extra):
    return {"name": name, "type": type_, "description": description, **extra}


def _string(name, description, **extra):
    return _field(name, "string", description, **extra)


def statements_schema():
    fields = [
        _field("id", "integer", "The statement's permanent id (the API's statements/<id>/).",
               constraints={"required": True, "unique": True}),
        _string("slug", "Its address on the site: /<language>/statements/<slug>/."),
        _string("kind", "proposal, speech, remarks, quote, or reported (a point the sources report).",
                constraints={"enum": list(Statement.Kind.values)}),
        _field("date", "date", "When he said or submitted it."),
        _string("official_title", "A proposal's official Chinese title as a source prints it, without 《》."),
        _string("spoken_language", "The language he spoke or wrote in."),
        _string("session", "The NPC session, e.g. 13-3 (sessions.csv key); empty if none."),
        _string("topics", "Topic slugs (topics.csv), separated by semicolons."),
        _field("parent_id", "integer", "For a quote or a reported point, the id of the statement it is in."),
    ]  # fmt: skip
    for code in LANGUAGE_CODES:
        for field, description in TEXT_DESCRIPTIONS.items():
            extra = {"constraints": {"enum": [*Provenance.values, ""]}} if field == "provenance" else {}
            fields.append(
                _string(
                    f"{field}_{field_suffix(code)}",
                    description.format(language=LANGUAGE_NAMES[code]),
                    **extra,
                )
            )
    for code in LANGUAGE_CODES:
        fields.append(
            _string(f"url_{field_suffix(code)}", f"Its page in {LANGUAGE_NAMES[code]}.", format="uri")
        )
    fields += [
        _string("source_ids", "Ids of its sources (sources.csv), separated by semicolons."),
        _field("created", "datetime", "When it was entered in the archive."),
        _field("updated", "datetime", "When it was last changed."),
        _field("published", "datetime", "When it first appeared in the public archive."),
    ]
    return {
        "fields": fields,
        "primaryKey": ["id"],
        "foreignKeys": [{"fields": ["parent_id"], "reference": {"resource": "", "fields": ["id"]}}],
        "missingValues": [""],
    }


def sources_schema():
    return {
        "fields": [
            _field("id", "integer", "The source's id.", constraints={"required": True, "unique": True}),
            _string("publisher", "Who published it."),
            _string("title", "Its headline as published."),
            _string("language", "The language it is written in."),
            _field("published_on", "date", "When it was published."),
            _string("url", "Its address.", format="uri"),
            _field("consulted_on", "date", "When the archive consulted it."),
            _string("notes", "Editorial notes."),
        ],
        "primaryKey": ["id"],
        "missingValues": [""],
    }


def topics_schema():
    fields = [
        _field("id", "integer", "The topic's id.", constraints={"required": True, "unique": True}),
        _string("slug", "Its address on the site: /<language>/topics/<slug>/."),
    ]
    fields += [
        _string(f"name_{field_suffix(c)}", f"Its name in {LANGUAGE_NAMES[c]}.") for c in LANGUAGE_CODES
    ]
    fields += [
        _string(f"description_{field_suffix(c)}", f"Its description in {LANGUAGE_NAMES[c]}.")
        for c in LANGUAGE_CODES
    ]
    fields.append(_field("statement_count", "integer", "Published statements about it, quotes included."))
    return {"fields": fields, "primaryKey": ["id"], "missingValues": [""]}


def sessions_schema():
    fields = [
        _field("id", "integer", "The session's id.", constraints={"required": True, "unique": True}),
        _string("key", "Congress and session number: 13-3 is the third session of the 13th NPC."),
        _field("congress", "integer", "The congress (13 for the 13th NPC)."),
        _field("number", "integer", "The session within its congress, 1 to 5."),
        _field("year", "integer", "Its year."),
        _field("opened_on", "date", "Its opening day."),
        _field("closed_on", "date", "Its closing day."),
    ]
    fields += [
        _string(f"name_{field_suffix(c)}", f"Its name in {LANGUAGE_NAMES[c]}.") for c in LANGUAGE_CODES
    ]
    fields += [
        _string("notes", "Editorial notes."),
        _string("source_ids", "Ids of its sources (sources.csv), separated by semicolons."),
        _field("statement_count", "integer", "Published statements dated in it."),
    ]
    return {"fields": fields, "primaryKey": ["id"], "missingValues": [""]}


def _csv_resource(file, name, title, schema):
    return {
        "name": name,
        "title": title,
        "path": file.name,
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8-sig",
        "bytes": len(file.content),
        "hash": f"sha256:{file.sha256}",
        "schema": schema,
    }


def _json_resource(file, name, title, description, type_):
    return {
        "name": name,
        # Not a table: frictionless reads it as a whole file rather than as rows.
        "type": type_,
        "title": title,
        "description": description,
        "path": file.name,
        "format": file.name.rsplit(".", 1)[1],
        "mediatype": file.media_type,
        "encoding": "utf-8",
        "bytes": len(file.content),
        "hash": f"sha256:{file.sha256}",
    }


def version_of(moment):
    """A calendar version: the moment the dataset was built, in UTC."""
    return moment.astimezone(datetime.UTC).strftime("%Y.%m.%d.%H%M%S")


def build(*, now=None):
    """Every file of the dataset, from the published archive as it is now; the zip last."""
    now = now or timezone.now()
    version = version_of(now)
    items = export.statements()
    meta = {"name": NAME, "title": TITLE, "version": version, "created": now.isoformat(), "licence": LICENCE}
    csv_files = {
        "statements": File(
            "statements.csv",
            export.csv_bytes(export.statement_columns(), map(export.statement_row, items)),
            "text/csv; charset=utf-8",
        ),
        "sources": File(
            "sources.csv",
            export.csv_bytes(export.SOURCE_COLUMNS, export.sources()),
            "text/csv; charset=utf-8",
        ),
        "topics": File(
            "topics.csv",
            export.csv_bytes(export.topic_columns(), map(export.topic_row, export.topics())),
            "text/csv; charset=utf-8",
        ),
        "sessions": File(
            "sessions.csv",
            export.csv_bytes(export.session_columns(), map(export.session_row, export.sessions())),
            "text/csv; charset=utf-8",
        ),
    }
    json_file = File("statements.json", export.json_bytes({**meta, "statements": items}), "application/json")
    lines_file = File("statements.jsonl", export.json_lines_bytes(items), "application/jsonl")
    descriptor = {
        # Not "tabular-data-package": the JSON files are described too, and they are not tables.
        "profile": "data-package",
        "name": NAME,
        "title": TITLE,
        "description": "What Lei Jun, founder of Xiaomi and an NPC deputy since 2013, has said and proposed "
        "at the National People's Congress: every published statement with its texts in English, French "
        "and Simplified Chinese, each with its provenance, and its sources, topics and session.",
        "version": version,
        "created": now.isoformat(),
        "homepage": absolute_url("/"),
        "licenses": [LICENCE],
        "rights": RIGHTS,
        "citation": f"{TITLE} (dataset), version {version}, {absolute_url('/en/data/')}, CC BY 4.0.",
        "languages": list(LANGUAGE_CODES),
        "resources": [
            _csv_resource(csv_files["statements"], "statements", "Statements", statements_schema()),
            _csv_resource(csv_files["sources"], "sources", "Sources", sources_schema()),
            _csv_resource(csv_files["topics"], "topics", "Topics", topics_schema()),
            _csv_resource(csv_files["sessions"], "sessions", "NPC sessions", sessions_schema()),
            _json_resource(
                json_file,
                "statements-json",
                "Statements (JSON)",
                "The statements as one JSON document, as the API gives them (/api/v1/statements/<id>/), "
                "with the dataset's version and licence.",
                "json",
            ),
            _json_resource(
                lines_file,
                "statements-jsonl",
                "Statements (JSON Lines)",
                "The same statements, one JSON object per line.",
                "file",
            ),
        ],
    }
    package = File("datapackage.json", export.json_bytes(descriptor), "application/json")
    files = [*csv_files.values(), json_file, lines_file, package]
    return [*files, File(ZIP_NAME, zip_bytes(files, version), "application/zip")]


def zip_bytes(files, version):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.comment = f"{TITLE}, version {version}".encode()
        for file in files:
            archive.writestr(f"{NAME}/{file.name}", file.content)
    return buffer.getvalue()
