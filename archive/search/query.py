"""Queries: parsing what a researcher typed, matching it in every language, ranking, facets.

Syntax: words (all must match), "an exact phrase", -excluded, a prefix* and OR between two terms
(also or, OU, ou, 或, as words of their own). Anything else (parentheses, NEAR, a lone -) is read
as plain text, never handed to the database: the backends only ever receive tokens from the
analyser, quoted. expansion.py turns the parsed query into what is searched in each language.

`search()` is the one public entry: the search page, the API and the feed call it.
"""

import re
from dataclasses import dataclass, field

from .. import compiled
from ..models import Statement, field_suffix
from . import lexicon as lexicons
from . import matches
from .analysis import HAN, LANGUAGES, fold
from .expansion import Alternative, CompiledQuery, plan
from .highlight import snippet

MAX_QUERY_LENGTH = 200
# « », “ ”, 「 」 and the like all mean a phrase.
QUOTES = re.compile(r"[\"«»“”„‟「」『』＂]")
TERM = re.compile(r'(-?)"([^"]*)"?|(\S+)')


# OR in the three interface languages, only as a word of its own (或许, 不可或缺 are words).
OR_WORDS = frozenset({"OR", "or", "OU", "ou", "或", "|"})
IDEOGRAPH = re.compile(f"[{HAN}]")


@dataclass(frozen=True)
class Term:
    text: str
    phrase: bool = False
    prefix: bool = False  # written with * at the end: every word beginning with it


@dataclass
class ParsedQuery:
    """Clauses that must all match (each a list of OR-ed terms) and terms that must not."""

    clauses: list = field(default_factory=list)
    negatives: list = field(default_factory=list)


__all__ = ["Alternative", "CompiledQuery", "Filters", "SearchResults", "parse", "search"]


def parse(text):
    text = QUOTES.sub('"', text.replace("\x00", " "))[:MAX_QUERY_LENGTH]
    text = re.sub(r"[()\[\]{}]", " ", text)
    parsed = ParsedQuery()
    join_next = False
    for match in TERM.finditer(text):
        negated, phrase, word = match.group(1), match.group(2), match.group(3)
        if phrase is not None:
            term = Term(phrase, phrase=True)
        elif word in OR_WORDS:
            join_next = bool(parsed.clauses)
            continue
        elif word in ("AND", "&&", "+", "-"):
            continue
        else:
            negated = "-" if word.startswith("-") else ""
            word = word.lstrip("-+")
            prefix = word.endswith("*")
            word = word.rstrip("*")
            if not word.strip("*"):
                continue
            term = Term(word, prefix=prefix)
        if negated:
            parsed.negatives.append(term)
        elif join_next:
            parsed.clauses[-1].append(term)
        else:
            parsed.clauses.append([term])
        join_next = False
    return parsed


@dataclass
class Filters:
    year_from: int | None = None
    year_to: int | None = None
    session_id: int | None = None
    kind: str | None = None
    topic_id: int | None = None
    language: str | None = None


SORTS = ("relevance", "newest", "oldest")


def best_language(scores, filters, reader_language):
    """The best-ranked language a statement matched in, the reader's first on ties, for the snippet."""
    if filters.language is not None:
        return filters.language
    order = [reader_language] + [code for code in LANGUAGES if code != reader_language]
    return max(scores, key=lambda code: (scores[code], -order.index(code)))


class _Statements:
    """The full statements of a page of hits, fetched in one query when first asked for: the
    search page shows cached fragments and needs them only for a statement it has not shown yet."""

    def __init__(self, ids):
        self.ids, self.found = ids, None

    def __getitem__(self, pk):
        if self.found is None:
            self.found = Statement.objects.select_related("session", "parent").in_bulk(self.ids)
        return self.found[pk]


@dataclass
class Hit:
    statement_id: int
    updated_at: object  # the statement's last change: with the language, its fragments' key
    language: str  # the language it matched in, which the snippet is taken from
    snippet: str
    statements: _Statements = field(repr=False, compare=False)

    @property
    def statement(self):
        return self.statements[self.statement_id]


@dataclass
class SearchResults:
    hits: list = field(default_factory=list)
    total: int = 0
    page: int = 1
    num_pages: int = 1
    facets: dict = field(default_factory=dict)
    understood: bool = False  # the query had at least one word to look for
    stale: bool = False  # some documents come from another analyser version
    also: list = field(default_factory=list)  # terms searched besides the words typed
    exact: bool = False  # the words as typed only, nothing added
    short_prefixes: list = field(default_factory=list)  # prefixes refused as too short
    broad_prefixes: list = field(default_factory=list)  # prefixes refused: too many words begin so
    only_exclusions: bool = False  # nothing but -words: nothing to exclude them from
    suggestion: str | None = None  # "did you mean", for a search that found nothing


def _snippet(summary, text, language, query):
    tokens = {t for clause in query.clauses for a in clause for t in a.tokens} if query else set()
    html, found = snippet(summary or "", language, tokens)
    if not found and text:
        in_text, found_in_text = snippet(text, language, tokens)
        if found_in_text:
            html = in_text
    return html


def _hit_rows(ids, languages):
    """What each hit needs of its statement: whether it is public, and its summary and text in
    the languages the snippets are taken from (plain values, those columns only: model instances
    of twenty statements, or every language's text, took a fifth of the results page)."""
    if not ids:
        return {}
    columns = [f"{name}_{field_suffix(code)}" for code in sorted(languages) for name in ("summary", "text")]

    def hits(ids):
        return Statement.objects.filter(pk__in=ids).values_list(
            "pk", "updated_at", "status", "parent_id", "parent__status", *columns
        )

    rows = compiled.rows(f"hit-rows-{'-'.join(columns)}", Statement, hits, ids=ids)
    published = Statement.Status.PUBLISHED
    found = {}
    for pk, updated_at, status, parent_id, parent_status, *texts in rows:
        # published()'s rule: published, and for a quote, its statement published too.
        if status == published and (parent_id is None or parent_status == published):
            found[pk] = (updated_at, dict(zip(columns, texts, strict=True)))
    return found


def _suggestion(text, lexicon):
    """The query with each word the archive does not have replaced by the closest one it has
    (one or two edits), or None. Latin-script words only; phrases and prefixes are left as typed."""
    changed = False

    def replace(match):
        nonlocal changed
        word = match.group(0)
        folded = fold(word)
        if IDEOGRAPH.search(word) or lexicon.knows(folded):
            return word
        better = lexicon.suggestion(folded)
        if better is None:
            return word
        changed = True
        return better

    suggested = re.sub(r'(?<![\w*"-])[^\W\d_]{4,}(?![\w*])', replace, text)
    return suggested if changed else None


def search(*, text, filters=None, sort="relevance", page=1, reader_language="en", per_page=20, exact=False):
    """One page of statements matching `text` in any language, with facet counts for the filters.

    With no text at all, every published statement passing the filters, newest first. With
    `exact`, only the words as typed: no spelling variants, regional forms, concept groups or topics.
    """
    filters = filters or Filters()
    lexicon = None
    if text.strip():
        parsed = parse(text)
        if not parsed.clauses:
            return SearchResults(only_exclusions=bool(parsed.negatives))
        lexicon = lexicons.current()
        searched = plan(parsed, lexicon, exact_only=exact)
        if not searched.exact:
            return SearchResults(
                short_prefixes=searched.short_prefixes, broad_prefixes=searched.broad_prefixes
            )
    else:
        searched = None
    for _attempt in range(2):
        if searched is None:
            found = matches.find(dict.fromkeys(LANGUAGES), filters, sort=sort, page=page, per_page=per_page)
            break
        found = matches.find(
            searched.exact,
            filters,
            sort=sort,
            page=page,
            per_page=per_page,
            expanded=searched.expanded,
            topics=searched.topics,
        )
        if found.generation is None or found.generation == lexicon.generation:
            break
        # A topic, a concept group or the vocabulary may have changed since this process read
        # them: read them again, and search again only if that changes what is searched.
        lexicon = lexicons.current(found.generation)
        replanned = plan(parsed, lexicon, exact_only=exact)
        if replanned == searched:
            break
        searched = replanned
    # By primary key, then is_public (published()'s rule): filtering by status in SQL let SQLite
    # walk the status index rather than look up the twenty keys.
    ids = [row[0] for row in found.rows]
    languages = {}
    for statement_id, bits, scores in found.rows:
        by_language = {code: scores.get(code, 0) for code in matches.languages_of(bits)}
        languages[statement_id] = best_language(by_language, filters, reader_language)
    public = _hit_rows(ids, set(languages.values()))
    statements = _Statements(ids)
    shown = (searched.expanded or searched.exact) if searched else {}
    hits = []
    for statement_id in ids:
        if statement_id in public:  # else unpublished (or deleted) since it was indexed
            updated_at, texts = public[statement_id]
            language = languages[statement_id]
            suffix = field_suffix(language)
            html = _snippet(
                texts[f"summary_{suffix}"], texts[f"text_{suffix}"], language, shown.get(language)
            )
            hits.append(Hit(statement_id, updated_at, language, html, statements))
    results = SearchResults(
        hits=hits,
        total=found.total,
        page=found.page,
        num_pages=found.num_pages,
        facets=found.facets,
        understood=True,
        stale=found.stale,
        exact=exact,
    )
    if searched is not None:
        results.also = searched.also
        results.short_prefixes = searched.short_prefixes
        results.broad_prefixes = searched.broad_prefixes
        if not found.total:
            results.suggestion = _suggestion(text, lexicon)
    return results
