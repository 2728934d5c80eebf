"""What a citation of a statement says, in one reader's language: the data every format is built from.

One `Reference` feeds BibTeX, RIS, CSL-JSON, the formatted styles and the page's metadata, so they
can never disagree. The author is a literal name: split into family and given names, citeproc
renders 雷军 as "雷, . 军 ." and abbreviates "Lei, J.".
"""

import datetime
from dataclasses import dataclass, field

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from ..languages import provenance_label, shown_in, version_in
from ..models import Provenance, Statement
from ..origin import absolute_url
from ..timeline import consulted_today

AUTHOR = {"en": "Lei Jun", "fr": "Lei Jun", "zh-hans": "雷军"}
# The archive's language codes as BCP 47 tags, and as the CSL locales citeproc-py ships.
LANGUAGE_TAGS = {"en": "en", "fr": "fr", "zh-hans": "zh-Hans"}
CSL_LOCALES = {"en": "en-US", "fr": "fr-FR", "zh-hans": "zh-CN"}

# A title that is itself a quotation or a document name already has its marks; a style adds its own
# ("…", « … » or 《…》), so the title's are taken off rather than doubled.
ENCLOSING_MARKS = "“”\"'‘’《》「」«» "

# CSL item types: a proposal is a document; speeches and remarks are speeches; a quote or a
# reported point is cited as the kind of statement it comes from.
CSL_TYPES = {
    Statement.Kind.PROPOSAL: "document",
    Statement.Kind.SPEECH: "speech",
    Statement.Kind.REMARKS: "speech",
}


@dataclass(frozen=True)
class Source:
    publisher: str
    title: str
    url: str
    language: str
    published_on: datetime.date | None


@dataclass(frozen=True)
class Reference:
    key: str  # stable: the statement's permanent id, never its slug
    kind: str
    csl_type: str
    language: str  # the archive's code of the language the citation is written in
    author: str
    title: str  # as cited: a proposal's official Chinese title, the reader's title in brackets
    reader_title: str
    official_title: str
    text_language: str  # the language the title and summary are actually in (after fallback)
    provenance: str
    abstract: str
    genre: str
    date: datetime.date
    session: str
    archive: str
    url: str
    accessed: datetime.date
    note: str
    topics: list = field(default_factory=list)
    sources: list = field(default_factory=list)
    parent_title: str = ""
    parent_url: str = ""
    spoken_language: str = ""

    @property
    def language_tag(self):
        return LANGUAGE_TAGS.get(self.language, self.language)

    @property
    def csl_locale(self):
        return CSL_LOCALES.get(self.language, "en-US")

    @property
    def is_translation(self):
        return self.provenance in (Provenance.TRANSLATION, Provenance.MACHINE)


def cited_title(official_title, reader_title):
    """`关于…的建议 [Proposal on …]`: the official title first, the reader's in brackets."""
    reader_title = reader_title.strip(ENCLOSING_MARKS)
    official_title = official_title.strip(ENCLOSING_MARKS)
    if not official_title:
        return reader_title
    if not reader_title or reader_title == official_title:
        return official_title
    return f"{official_title} [{reader_title}]"


def _outlets_note(sources, provenance):
    parts = []
    label = provenance_label(provenance)
    if label:
        parts.append(_("Text: %(provenance)s.") % {"provenance": label})
    publishers = list(dict.fromkeys(source.publisher for source in sources if source.publisher))
    if publishers:
        parts.append(_("Reported by %(outlets)s.") % {"outlets": "; ".join(publishers)})
    return " ".join(parts)


def reference(statement, language_code, *, sources, topics, parent=None):
    """The citation of `statement` in one language. `sources`, `topics` and `parent` are passed in,
    already fetched by the page or the download, so building a reference costs no query."""
    with translation.override(language_code):
        version = version_in(statement, language_code)
        kind = statement.kind
        if parent is not None and kind in Statement.PART_KINDS:
            csl_type = CSL_TYPES.get(parent.kind, "document")
        else:
            csl_type = CSL_TYPES.get(kind, "document")
        official = statement.official_title if kind == Statement.Kind.PROPOSAL else ""
        cited_sources = [Source(s.publisher, s.title, s.url, s.language, s.published_on) for s in sources]
        parent_title = parent_url = ""
        if parent is not None:
            parent_title = version_in(parent, language_code).title.value.strip(ENCLOSING_MARKS)
            parent_url = absolute_url(parent.get_absolute_url())
        return Reference(
            key=f"leijun-npc-{statement.pk}",
            kind=kind,
            csl_type=csl_type,
            language=language_code,
            author=AUTHOR.get(language_code, AUTHOR["en"]),
            title=cited_title(official, version.title.value),
            reader_title=version.title.value.strip(ENCLOSING_MARKS),
            official_title=official,
            text_language=version.language,
            provenance=version.provenance,
            abstract=version.summary.value,
            genre=str(statement.get_kind_display()),
            date=statement.date,
            session=shown_in(statement.session, "name", language_code).value if statement.session_id else "",
            archive=_("Lei Jun at the National People's Congress"),
            url=absolute_url(reverse("archive:statement", kwargs={"slug": statement.slug})),
            accessed=consulted_today(),
            note=_outlets_note(cited_sources, version.provenance),
            topics=[shown_in(topic, "name", language_code).value for topic in topics],
            sources=cited_sources,
            parent_title=parent_title,
            parent_url=parent_url,
            spoken_language=statement.spoken_language,
        )


def archive_item(language_code, *, updated=None):
    """The archive as a whole, as a CSL-JSON web page: what to cite when citing more than one entry.

    Its author is the site itself (without one, styles repeat the title in the author's place), its
    date the last change to its published content (`updated`), and the access date today's.
    """
    today = consulted_today()
    with translation.override(language_code):
        item = {
            "id": "leijun-npc-archive",
            "type": "webpage",
            "language": LANGUAGE_TAGS.get(language_code, language_code),
            "author": [{"literal": _("Lei Jun at the NPC")}],
            "title": _("Lei Jun at the National People's Congress"),
            "genre": _("Online archive"),
            "URL": absolute_url(reverse("archive:home")),
            "accessed": {"date-parts": [[today.year, today.month, today.day]]},
        }
    if updated is not None:
        item["issued"] = {"date-parts": [[updated.year, updated.month, updated.day]]}
    return item
