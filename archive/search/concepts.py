"""Loading the starting thesaurus (archive/content/thesaurus.json) into concept groups.

Idempotent like the content: a group the file names is created once; after that it belongs to
the editors, and loading again never overwrites or deletes what they changed.
"""

import json
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from .analysis import LANGUAGES
from .models import MAX_TERM_LENGTH, ConceptGroup


class ThesaurusError(ValueError):
    pass


@dataclass
class ThesaurusReport:
    created: list = field(default_factory=list)
    kept: list = field(default_factory=list)

    def summary(self):
        created, kept = len(self.created), len(self.kept)
        return f"Concept groups: {created} created, {kept} already there (left as they are)."


def _groups(path):
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        groups = data["groups"]
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise ThesaurusError(f"{path}: not a thesaurus file ({error})") from None
    keys = set()
    for number, group in enumerate(groups, 1):
        key, terms = group.get("key") if isinstance(group, dict) else None, None
        if isinstance(group, dict) and isinstance(group.get("terms"), dict):
            terms = group["terms"]
        if not key or not terms or set(terms) - set(LANGUAGES):
            raise ThesaurusError(f"{path}: group {number} needs a key and terms in {', '.join(LANGUAGES)}")
        if key in keys:
            raise ThesaurusError(f"{path}: the key {key!r} is used twice")
        keys.add(key)
        all_terms = [t for values in terms.values() for t in values]
        if len(all_terms) < 2 or any(not isinstance(t, str) or not t.strip() for t in all_terms):
            raise ThesaurusError(f"{path}: group {key!r} needs at least two non-empty terms")
        if any(len(t) > MAX_TERM_LENGTH for t in all_terms):
            raise ThesaurusError(f"{path}: group {key!r} has a term longer than {MAX_TERM_LENGTH} characters")
    return groups


def thesaurus_load(*, path) -> ThesaurusReport:
    groups = _groups(path)
    report = ThesaurusReport()
    with transaction.atomic():
        existing = set(ConceptGroup.objects.values_list("key", flat=True))
        for group in groups:
            if group["key"] in existing:
                report.kept.append(group["key"])
                continue
            terms = group["terms"]
            ConceptGroup.objects.create(
                key=group["key"],
                terms_en="\n".join(terms.get("en", [])),
                terms_fr="\n".join(terms.get("fr", [])),
                terms_zh_hans="\n".join(terms.get("zh-hans", [])),
            )
            report.created.append(group["key"])
    return report
