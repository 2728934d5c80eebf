"""Citations of a statement: the reference (`reference`), its exports (`exports`: BibTeX, RIS,
CSL-JSON), formatted styles (`styles`, citeproc-py with the official CSL files), the page's
embedded metadata (`metadata`) and the download views (`views`)."""

from dataclasses import dataclass

from . import metadata, styles
from .reference import Reference, reference

__all__ = ["Citing", "Reference", "citing", "reference"]


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
