"""What changed between two versions of a statement, field by field and language by language.

Latin-script text is compared word by word, Chinese character by character (it has no spaces
between words), with difflib; each side keeps its own text, marked where the other differs.
"""

import difflib
import re
from dataclasses import dataclass

from django.conf import settings

from ..models import field_suffix

WORDS = re.compile(r"\s+|\w+|[^\w\s]")
TRANSLATED_FIELDS = ("title", "summary", "text", "provenance", "notes")
SHARED_FIELDS = ("kind", "status", "slug", "date", "session", "parent", "official_title", "spoken_language")


def tokens(text, language_code):
    if language_code.startswith("zh"):
        return list(text)
    return WORDS.findall(text)


@dataclass
class FieldDifference:
    label: str
    old: list  # [(changed: bool, text)]
    new: list
    changed: bool


def compare_texts(old, new, language_code="en"):
    """Two lists of (changed, text) pieces: the old text and the new, each marked where they differ."""
    old_tokens, new_tokens = tokens(old, language_code), tokens(new, language_code)
    matcher = difflib.SequenceMatcher(a=old_tokens, b=new_tokens, autojunk=False)
    old_pieces, new_pieces = [], []
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if a2 > a1:
            old_pieces.append((op != "equal", "".join(old_tokens[a1:a2])))
        if b2 > b1:
            new_pieces.append((op != "equal", "".join(new_tokens[b1:b2])))
    return old_pieces, new_pieces


def _display(record, name):
    field = record.instance_type._meta.get_field(name)
    value = getattr(record, field.attname)
    if field.choices:
        return str(dict(field.flatchoices).get(value, value or ""))
    if field.is_relation:
        related = getattr(record, name) if value else None
        return str(related) if related is not None else ""
    return "" if value is None else str(value)


def _related(record, name):
    return ", ".join(sorted(str(getattr(row, name.rstrip("s"))) for row in getattr(record, name).all()))


def _field(record_old, record_new, label, old, new, language_code):
    old_pieces, new_pieces = compare_texts(old, new, language_code)
    return FieldDifference(str(label), old_pieces, new_pieces, old != new)


def compare_versions(old, new):
    """[(heading, [FieldDifference])]: the shared fields first, then one section per language."""
    model = old.instance_type
    shared = []
    for name in SHARED_FIELDS:
        label = model._meta.get_field(name).verbose_name
        shared.append(_field(old, new, label, _display(old, name), _display(new, name), "en"))
    for name in ("topics", "sources"):
        label = model._meta.get_field(name).verbose_name
        shared.append(_field(old, new, label, _related(old, name), _related(new, name), "en"))
    sections = [("", shared)]
    for code, language in settings.LANGUAGES:
        fields = []
        for name in TRANSLATED_FIELDS:
            attname = f"{name}_{field_suffix(code)}"
            label = model._meta.get_field(name).verbose_name
            fields.append(_field(old, new, label, _display(old, attname), _display(new, attname), code))
        sections.append((language, fields))
    return sections
