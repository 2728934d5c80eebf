"""Every reader-facing text of the content files and of the interface catalogues, as (where,
language, text) items that the glossary and typography rules read and the typesetter rewrites.

Only running text is touched: statement titles, summaries, texts and notes, topic names and
descriptions, session names. Source titles are exact headlines, keys and URLs are identifiers,
search logs are the researchers' notes in English: none of them is visited. Chinese texts whose
provenance is "original" are his words as a source prints them and are never rewritten."""

import ast
import json
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

TEXT_FIELDS = ("title", "summary", "text", "notes", "name", "description")
LANGUAGES = ("en", "fr", "zh-hans")
CATALOGUE_LANGUAGES = {"fr": "fr", "zh_Hans": "zh-hans"}


def content_dir():
    return Path(settings.BASE_DIR) / "archive" / "content"


def catalogue_paths():
    base = Path(settings.BASE_DIR) / "locale"
    return {lang: base / folder / "LC_MESSAGES" / "django.po" for folder, lang in CATALOGUE_LANGUAGES.items()}


@dataclass
class Text:
    where: str  # file and entry, for messages
    language: str
    field: str  # title, summary, text, notes, name, description, or msgstr
    value: str
    is_quote: bool = False  # a quote's own text (kind quote, or under "quotes")
    is_original: bool = False  # his words as a source prints them: never rewritten
    python_format: bool = False  # a catalogue string with %(name)s placeholders


# ---- content files ---------------------------------------------------------------------------


def _json_files():
    directory = content_dir()
    return [
        directory / "topics.json",
        directory / "sessions.json",
        *sorted((directory / "statements").glob("*.json")),
    ]


def _entry_texts(entry):
    provenance = entry.get("provenance") or {}
    for field in TEXT_FIELDS:
        values = entry.get(field)
        if not isinstance(values, dict):
            continue
        for language in LANGUAGES:
            if isinstance(values.get(language), str):
                original = provenance.get(language) == "original" and field in ("text", "summary")
                yield field, language, original


def _walk(data, name):
    """(container dict, field, language, Text) for every running text of one content file."""
    if isinstance(data, list):  # topics.json
        entries = [(entry, f"{name}: topic {entry.get('slug')}", False) for entry in data]
    elif "sessions" in data:
        entries = [
            (entry, f"{name}: session {entry.get('congress')}-{entry.get('number')}", False)
            for entry in data["sessions"]
        ]
    else:
        entries = [(entry, f"{name}: topic {entry.get('slug')}", False) for entry in data.get("topics", [])]
        stack = [(entry, False) for entry in data.get("statements", [])]
        while stack:
            entry, under_parent = stack.pop(0)
            is_quote = under_parent or entry.get("kind") in ("quote", "reported")
            entries.append((entry, f"{name}: {entry.get('slug')}", is_quote))
            stack.extend((child, True) for child in entry.get("quotes", []) or [])
    for entry, where, is_quote in entries:
        for field, language, original in _entry_texts(entry):
            text = Text(
                where, language, field, entry[field][language], is_quote=is_quote, is_original=original
            )
            yield entry[field], language, text


def content_texts():
    for path in _json_files():
        data = json.loads(path.read_text(encoding="utf-8"))
        for _container, _language, text in _walk(data, path.name):
            yield text


def rewrite_content(transform):
    """Apply transform(Text) -> str to every running text; return the names of the files changed."""
    changed = []
    for path in _json_files():
        raw = path.read_text(encoding="utf-8")
        data = json.loads(raw)
        dirty = False
        for container, language, text in _walk(data, path.name):
            new = transform(text)
            if new != text.value:
                container[language] = new
                dirty = True
        if dirty:
            ending = "\n" if raw.endswith("\n") else ""
            path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + ending, encoding="utf-8")
            changed.append(path.name)
    return changed


# ---- catalogues ------------------------------------------------------------------------------


def _po_unquote(lines):
    return "".join(ast.literal_eval(line.strip()) if line.strip().startswith('"') else "" for line in lines)


def _po_quote(value):
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
    return f'"{escaped}"'


def _po_blocks(lines):
    """(start, end, keyword, flags, msgid) for each msgstr / msgstr[n] of a catalogue."""
    flags = ""
    msgid_lines = []
    current = None
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("#,"):
            flags = line
        if line.startswith("msgid "):
            msgid_lines = [line[len("msgid ") :]]
            j = i + 1
            while j < len(lines) and lines[j].startswith('"'):
                msgid_lines.append(lines[j])
                j += 1
            current = _po_unquote(msgid_lines)
        if line.startswith("msgstr"):
            keyword, _, first = line.partition(" ")
            j = i + 1
            while j < len(lines) and lines[j].startswith('"'):
                j += 1
            yield i, j, keyword, flags, current, [first, *lines[i + 1 : j]]
            i = j
            if not (i < len(lines) and lines[i].startswith("msgstr")):
                flags = ""
            continue
        i += 1


def catalogue_texts():
    for language, path in catalogue_paths().items():
        lines = path.read_text(encoding="utf-8").splitlines()
        for _start, _end, _keyword, flags, msgid, value_lines in _po_blocks(lines):
            if not msgid:  # the header
                continue
            value = _po_unquote(value_lines)
            yield Text(
                f"{path.parent.parent.name}/django.po: {msgid[:50]!r}",
                language,
                "msgstr",
                value,
                python_format="python-format" in flags,
            )


def rewrite_catalogues(transform):
    changed = []
    for language, path in catalogue_paths().items():
        raw = path.read_text(encoding="utf-8")
        lines = raw.splitlines()
        out = []
        last = 0
        dirty = False
        for start, end, keyword, flags, msgid, value_lines in _po_blocks(lines):
            if not msgid:
                continue
            value = _po_unquote(value_lines)
            text = Text(path.name, language, "msgstr", value, python_format="python-format" in flags)
            new = transform(text)
            if new != value:
                out.extend(lines[last:start])
                out.append(f"{keyword} {_po_quote(new)}")
                last = end
                dirty = True
        if dirty:
            out.extend(lines[last:])
            path.write_text("\n".join(out) + ("\n" if raw.endswith("\n") else ""), encoding="utf-8")
            changed.append(str(path.relative_to(Path(settings.BASE_DIR))))
    return changed


def all_texts():
    yield from content_texts()
    yield from catalogue_texts()
