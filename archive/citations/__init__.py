"""Citations of a statement: the reference (`reference`), its exports (`exports`: BibTeX, RIS,
CSL-JSON), formatted styles (`styles`, citeproc-py with the official CSL files), the page's
embedded metadata (`metadata`) and the download views (`views`)."""

from dataclasses import dataclass

from django.db.models import Max
from django.utils import timezone

from ..languages import current_language
from ..models import Statement
from . import metadata, styles
from .reference import CSL_LOCALES, Reference, archive_item, reference

__all__ = ["Citing", "Reference", "archive_citation", "citing", "reference"]


@dataclass
class Citing:
    """Everything a statement page shows and embeds about citing it."""

    reference: Reference
    formatted: list
    highwire: list
    dublin_core: list
    json_ld: str


def citing(statement, language_code, *, sources, topics, parent=None):
    ref = reference(statement, language_code, sources=sources, topics=topics, parent=parent)
    return Citing(
        reference=ref,
        formatted=styles.formatted(ref),
        highwire=metadata.highwire_tags(ref),
        dublin_core=metadata.dublin_core_tags(ref),
        json_ld=metadata.json_ld_html(metadata.json_ld(ref, statement=statement)),
    )


def archive_citation(language_code=None):
    """The archive itself in every style, in the reader's language, dated by its last change (1 query)."""
    code = language_code or current_language()
    last_change = Statement.objects.published().aggregate(last=Max("updated_at"))["last"]
    updated = timezone.localdate(last_change) if last_change else None
    return styles.formatted_item(archive_item(code, updated=updated), CSL_LOCALES.get(code, "en-US"))
