"""The trilingual glossary (docs/glossary.json): one form per language for each recurring term,
and the forms each language rejects. `rejected_forms` finds them in a text; `markdown` writes
docs/glossary.md for readers of the repository."""

import json
import re
from functools import cache
from pathlib import Path

from django.conf import settings

LANGUAGE_NAMES = {"zh-hans": "中文", "en": "English", "fr": "Français"}


def path():
    return Path(settings.BASE_DIR) / "docs" / "glossary.json"


@cache
def entries():
    return json.loads(path().read_text(encoding="utf-8"))["entries"]


@cache
def _patterns(language):
    return [
        (entry["id"], re.compile(pattern))
        for entry in entries()
        for pattern in entry.get("rejected", {}).get(language, [])
    ]


def rejected_forms(value, language):
    """(entry id, form found) for every rejected form of the glossary in one text."""
    # typographic spaces and apostrophes do not make a rejected form acceptable
    plain = value.replace("\u202f", " ").replace("\u00a0", " ").replace("’", "'")
    return [
        (entry_id, match.group(0))
        for entry_id, pattern in _patterns(language)
        for match in pattern.finditer(plain)
    ]


def _code(form):
    return "`" + form.replace("|", "\\|") + "`"


def markdown():
    lines = [
        "# Glossary",
        "",
        "One form per language for each term the archive uses again and again. Generated from",
        "`docs/glossary.json` by `manage.py write_glossary`; the tests reject the forms listed as rejected",
        "in the content files and in the interface catalogues.",
        "",
        "| 中文 | English | Français | rejected | why |",
        "|---|---|---|---|---|",
    ]
    for entry in entries():
        rejected = "; ".join(
            language + ": " + ", ".join(_code(form) for form in forms)
            for language, forms in entry.get("rejected", {}).items()
            if forms
        )
        cells = [entry["zh-hans"], entry["en"], entry["fr"], rejected, entry.get("note", "")]
        lines.append("| " + " | ".join(cell.replace("\n", " ") for cell in cells) + " |")
    return "\n".join(lines) + "\n"
