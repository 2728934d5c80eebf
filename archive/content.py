"""The archive's content files (see content/README.md): read, checked, and described for reviewers."""

import datetime
import json
from dataclasses import dataclass, field
from pathlib import Path

from .models import LANGUAGE_CODES, Language, Provenance, Statement

PROVENANCES = set(Provenance.values)
SOURCE_LANGUAGES = set(Language.values)


class ContentError(ValueError):
    """A content file that cannot be loaded as it is; the message says which file and entry."""


@dataclass
class Content:
    topics: list = field(default_factory=list)
    sources: dict = field(default_factory=dict)  # key -> source entry
    sessions: list = field(default_factory=list)
    statements: list = field(default_factory=list)  # parents before their quotes
    years: dict = field(default_factory=dict)  # year -> {"search_log": [...], "file": name}


def _date(value, where):
    if value in (None, ""):
        return None
    try:
        return datetime.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise ContentError(f"{where}: {value!r} is not a date (YYYY-MM-DD).") from None


def _texts(entry, name, where, required=True):
    """A {language: text} mapping, '' for a language left out."""
    value = entry.get(name) or {}
    if isinstance(value, str):
        value = {"en": value}
    if not isinstance(value, dict):
        raise ContentError(f"{where}: {name} must map en, fr and zh-hans to text.")
    unknown = set(value) - set(LANGUAGE_CODES)
    if unknown:
        raise ContentError(f"{where}: {name} has unknown languages {sorted(unknown)}.")
    texts = {code: (value.get(code) or "").strip() for code in LANGUAGE_CODES}
    if required and not texts["en"]:
        raise ContentError(f"{where}: {name} needs at least the English text.")
    return texts


def _read_json(path):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise ContentError(f"{path.name}: not valid JSON ({error}).") from None


def _topic(entry, where):
    if not entry.get("slug"):
        raise ContentError(f"{where}: a topic needs a slug.")
    return {
        "slug": entry["slug"],
        "name": _texts(entry, "name", f"{where} topic {entry['slug']}"),
        "description": _texts(entry, "description", f"{where} topic {entry['slug']}", required=False),
    }


def _source(entry, where):
    key = entry.get("key")
    if not key:
        raise ContentError(f"{where}: a source needs a key.")
    where = f"{where} source {key}"
    for name in ("publisher", "language"):
        if not entry.get(name):
            raise ContentError(f"{where}: {name} is missing.")
    if not entry.get("title") and not entry.get("url"):
        raise ContentError(f"{where}: give its title, its address, or both.")
    if entry["language"] not in SOURCE_LANGUAGES:
        raise ContentError(
            f"{where}: language {entry['language']!r} is not one of {sorted(SOURCE_LANGUAGES)}."
        )
    return {
        "key": key,
        "publisher": entry["publisher"].strip(),
        "title": (entry.get("title") or "").strip(),
        "language": entry["language"],
        "published_on": _date(entry.get("published_on"), where),
        "url": (entry.get("url") or "").strip(),
        "consulted_on": _date(entry.get("consulted_on"), where),
        "notes": (entry.get("notes") or "").strip(),
    }


def _statement(entry, where, parent=None):
    slug = entry.get("slug")
    if not slug:
        raise ContentError(f"{where}: a statement needs a slug.")
    where = f"{where} statement {slug}"
    kind = entry.get("kind", Statement.Kind.QUOTE) if parent else entry.get("kind")
    if kind not in Statement.Kind.values:
        raise ContentError(f"{where}: kind {kind!r} is not one of {Statement.Kind.values}.")
    if parent and kind not in Statement.PART_KINDS:
        raise ContentError(f"{where}: what hangs under a statement is a quote or a reported point.")
    if not parent and kind in Statement.PART_KINDS:
        raise ContentError(f"{where}: a {kind} belongs under the statement it comes from.")
    official_title = (entry.get("official_title") or "").strip()
    if official_title.startswith("《") or official_title.endswith("》"):
        raise ContentError(f"{where}: official_title is stored without 《》; the pages add them.")
    inherited = parent or {}
    provenance = entry.get("provenance") or {}
    bad = {code: value for code, value in provenance.items() if value and value not in PROVENANCES}
    if bad:
        raise ContentError(f"{where}: unknown provenance {bad}; use one of {sorted(PROVENANCES)}.")
    statement = {
        "slug": slug,
        "kind": kind,
        "date": _date(entry.get("date"), where) or inherited.get("date"),
        "session": entry.get("session", inherited.get("session")),
        "spoken_language": entry.get("spoken_language") or inherited.get("spoken_language") or "zh-hans",
        "topics": entry.get("topics") or inherited.get("topics") or [],
        "sources": entry.get("sources") or inherited.get("sources") or [],
        "title": _texts(entry, "title", where),
        "official_title": official_title,
        "summary": _texts(entry, "summary", where),
        "text": _texts(entry, "text", where, required=False),
        "notes": _texts(entry, "notes", where, required=False),
        "provenance": {code: provenance.get(code, "") for code in LANGUAGE_CODES},
        "parent": parent["slug"] if parent else None,
    }
    his_words = [
        code
        for code in LANGUAGE_CODES
        if statement["provenance"][code] == Provenance.ORIGINAL and statement["text"][code]
    ]
    if kind == Statement.Kind.QUOTE and not his_words:
        raise ContentError(
            f"{where}: a quote needs his own words: a text whose provenance is 'original' in at least one "
            'language; without them, make it a reported point ("kind": "reported").'
        )
    if statement["date"] is None:
        raise ContentError(f"{where}: date is missing.")
    if not statement["sources"]:
        raise ContentError(f"{where}: every statement cites at least one source.")
    if entry.get("quotes") and kind not in Statement.QUOTABLE_KINDS:
        raise ContentError(f"{where}: a quote can only come from a proposal, a speech or remarks.")
    return statement


def _coverage(entry, where):
    """How many proposals the sources say he filed that year, and which known ones are not archived."""
    if entry is None:
        return None
    where = f"{where} coverage"
    reported = entry.get("reported")
    if reported is not None and (not isinstance(reported, int) or isinstance(reported, bool) or reported < 0):
        raise ContentError(f"{where}: reported is a number of proposals, or null when no source gives it.")
    reported_by = entry.get("reported_by") or []
    if reported is not None and not reported_by:
        raise ContentError(f"{where}: name the source that reports {reported} proposals (reported_by).")
    missing = []
    for item in entry.get("missing") or []:
        if not item.get("subject") or not item.get("reason"):
            raise ContentError(
                f"{where}: each missing proposal needs its subject and the reason it is missing."
            )
        missing.append({"subject": item["subject"].strip(), "reason": item["reason"].strip()})
    return {
        "reported": reported,
        "reported_by": reported_by,
        "note": (entry.get("note") or "").strip(),
        "missing": missing,
    }


def read_content(directory):
    """Read and check every content file under `directory`; raise ContentError on the first problem."""
    directory = Path(directory)
    content = Content()
    topics_file = directory / "topics.json"
    if topics_file.exists():
        content.topics = [_topic(entry, topics_file.name) for entry in _read_json(topics_file)]

    sessions_file = directory / "sessions.json"
    if sessions_file.exists():
        data = _read_json(sessions_file)
        for entry in data.get("sources", []):
            source = _source(entry, sessions_file.name)
            content.sources[source["key"]] = source
        for entry in data.get("sessions", []):
            where = f"{sessions_file.name} session {entry.get('congress')}-{entry.get('number')}"
            try:
                session = {
                    "congress": int(entry["congress"]),
                    "number": int(entry["number"]),
                    "year": int(entry["year"]),
                    "opened_on": _date(entry["opened_on"], where),
                    "closed_on": _date(entry["closed_on"], where),
                    "name": _texts(entry, "name", where),
                    "sources": entry.get("sources", []),
                    "notes": (entry.get("notes") or "").strip(),
                }
            except (KeyError, TypeError, ValueError) as error:
                raise ContentError(f"{where}: {error!r} is missing or malformed.") from None
            session["key"] = f"{session['congress']}-{session['number']}"
            content.sessions.append(session)

    for path in sorted((directory / "statements").glob("*.json")):
        data = _read_json(path)
        year = int(data.get("year") or path.stem)
        content.years[year] = {
            "file": path.name,
            "search_log": data.get("search_log", []),
            "coverage": _coverage(data.get("coverage"), path.name),
        }
        content.topics += [_topic(entry, path.name) for entry in data.get("topics", [])]
        for entry in data.get("sources", []):
            source = _source(entry, path.name)
            if source["key"] in content.sources:
                raise ContentError(f"{path.name}: source key {source['key']!r} is used twice.")
            content.sources[source["key"]] = source
        for entry in data.get("statements", []):
            statement = _statement(entry, path.name)
            content.statements.append(statement)
            for quote in entry.get("quotes", []):
                content.statements.append(_statement(quote, path.name, parent=statement))

    _check_references(content)
    return content


def _check_references(content):
    topic_slugs = [t["slug"] for t in content.topics]
    twice = {slug for slug in topic_slugs if topic_slugs.count(slug) > 1}
    if twice:
        raise ContentError(f"topics defined twice: {sorted(twice)}; define each once, in topics.json.")
    urls = [s["url"] for s in content.sources.values() if s["url"]]
    shared = {url for url in urls if urls.count(url) > 1}
    if shared:
        raise ContentError(f"several source keys share one address: {sorted(shared)}; cite one key.")
    session_keys = {s["key"] for s in content.sessions}
    slugs = set()
    for session in content.sessions:
        for key in session["sources"]:
            if key not in content.sources:
                raise ContentError(f"sessions.json session {session['key']}: unknown source {key!r}.")
    for info in content.years.values():
        for key in (info["coverage"] or {}).get("reported_by", []):
            if key not in content.sources:
                raise ContentError(f"{info['file']} coverage: unknown source {key!r}.")
    for statement in content.statements:
        where = f"statement {statement['slug']}"
        if statement["slug"] in slugs:
            raise ContentError(f"{where}: the slug is used twice.")
        slugs.add(statement["slug"])
        if statement["session"] and statement["session"] not in session_keys:
            raise ContentError(f"{where}: unknown session {statement['session']!r}.")
        for key in statement["sources"]:
            if key not in content.sources:
                raise ContentError(f"{where}: unknown source {key!r}.")
        for slug in statement["topics"]:
            if slug not in topic_slugs:
                raise ContentError(f"{where}: unknown topic {slug!r}.")


PROVENANCE_LABELS = {p.value: p.label for p in Provenance}


def sources_markdown(content):
    """docs/sources.md: every statement with its sources, and what was searched for each year."""
    lines = [
        "# Sources",
        "",
        "Every statement in the archive with the sources it cites, so that each fact can be checked",
        "against its source. Generated from `archive/content/` by `manage.py write_sources_doc`;",
        "do not edit by hand.",
        "",
        "Provenance says where each language's text comes from: `original` (his own words, verbatim, as",
        "a source in that language prints them in quotation marks), `report` (the archive's account of",
        "what the sources report), `translation` (the archive's translation of another language's text),",
        "`machine` (machine translation, not reviewed). A `quote` has his own words in at least one",
        "language; what the sources report him saying without his words is a `reported` point.",
        "",
    ]
    sessions = {s["key"]: s for s in content.sessions}
    lines += ["## NPC sessions", "", "| session | dates | sources |", "|---|---|---|"]
    for session in content.sessions:
        cited = "; ".join(source_line(content.sources[key]) for key in session["sources"]) or "not verified"
        lines.append(
            f"| {session['name']['en']} | {session['opened_on']} to {session['closed_on']} | {cited} |"
        )
    lines.append("")
    by_year = {}
    for statement in content.statements:
        by_year.setdefault(statement["date"].year, []).append(statement)
    for year in range(min(content.years, default=2013), max(content.years, default=2013) + 1):
        lines += [f"## {year}", ""]
        statements = by_year.get(year, [])
        if not statements:
            lines += ["Nothing is archived for this year yet.", ""]
        for statement in statements:
            session = sessions.get(statement["session"])
            where = f", {session['name']['en']}" if session else ""
            marker = f"  - {statement['kind']}" if statement["parent"] else "###"
            lines.append(f"{marker} {statement['title']['en']} (`{statement['slug']}`)")
            lines.append("")
            provenance = ", ".join(
                f"{code}: {value}" for code, value in statement["provenance"].items() if value
            )
            lines.append(
                f"{statement['kind']}, {statement['date']}{where}. Provenance: {provenance or 'not given'}."
            )
            lines.append("")
            if statement["official_title"]:
                lines += [f"Official title: 《{statement['official_title']}》", ""]
            for key in statement["sources"]:
                lines.append(f"- {source_line(content.sources[key])}")
            if statement["notes"]["en"]:
                lines += ["", f"Notes: {statement['notes']['en']}"]
            lines.append("")
        log = content.years.get(year, {}).get("search_log", [])
        if log:
            lines += ["<details><summary>What was searched</summary>", ""]
            lines += [f"- {entry}" for entry in log]
            lines += ["", "</details>", ""]
    return "\n".join(lines).rstrip() + "\n"


def source_line(source):
    parts = [source["publisher"]]
    if source["title"]:
        parts.append(f"“{source['title']}”")
    parts.append(str(source["published_on"]) if source["published_on"] else "undated")
    parts.append(source["language"])
    if source["url"]:
        parts.append(f"<{source['url']}>")
    line = ", ".join(parts)
    if source["notes"]:
        line += f" ({source['notes']})"
    return line
