"""Queries: parsing what a researcher typed, matching it in every language, ranking, facets.

Syntax: words (all must match), "an exact phrase", -excluded, and OR between two terms. Anything
else (parentheses, *, NEAR, a lone -) is read as plain text, never handed to the database: the
backends only ever receive tokens from the analyser, quoted.
"""

import re
from dataclasses import dataclass, field

from ..models import Statement, field_suffix
from . import matches
from .analysis import LANGUAGES, query_tokens
from .highlight import snippet

MAX_QUERY_LENGTH = 200
# « », “ ”, 「 」 and the like all mean a phrase.
QUOTES = re.compile(r"[\"«»“”„‟「」『』＂]")
TERM = re.compile(r'(-?)"([^"]*)"?|(\S+)')


@dataclass(frozen=True)
class Term:
    text: str
    phrase: bool = False


@dataclass
class ParsedQuery:
    """Clauses that must all match (each a list of OR-ed terms) and terms that must not."""

    clauses: list = field(default_factory=list)
    negatives: list = field(default_factory=list)


@dataclass(frozen=True)
class Alternative:
    tokens: tuple
    phrase: bool


@dataclass
class CompiledQuery:
    """A ParsedQuery as tokens of one language; what a backend compiles to its own syntax."""

    clauses: list
    negatives: list


def parse(text):
    text = QUOTES.sub('"', text.replace("\x00", " "))[:MAX_QUERY_LENGTH]
    text = re.sub(r"[()\[\]{}]", " ", text)
    parsed = ParsedQuery()
    join_next = False
    for match in TERM.finditer(text):
        negated, phrase, word = match.group(1), match.group(2), match.group(3)
        if phrase is not None:
            term = Term(phrase, phrase=True)
        elif word == "OR":
            join_next = bool(parsed.clauses)
            continue
        elif word in ("AND", "&&", "+", "-"):
            continue
        else:
            negated = "-" if word.startswith("-") else ""
            term = Term(word.lstrip("-+"))
        if negated:
            parsed.negatives.append(term)
        elif join_next:
            parsed.clauses[-1].append(term)
        else:
            parsed.clauses.append([term])
        join_next = False
    return parsed


def compile_for(parsed, language):
    """Tokens for documents in `language`; terms with no tokens (punctuation, emoji) drop out."""

    def alternative(term):
        tokens = tuple(query_tokens(term.text, language))
        return Alternative(tokens, term.phrase and len(tokens) > 1) if tokens else None

    clauses = []
    for clause in parsed.clauses:
        alternatives = [a for a in map(alternative, clause) if a]
        if alternatives:
            clauses.append(alternatives)
    negatives = [a for a in map(alternative, parsed.negatives) if a]
    return CompiledQuery(clauses, negatives) if clauses else None


@dataclass
class Filters:
    year_from: int | None = None
    year_to: int | None = None
    session_id: int | None = None
    kind: str | None = None
    topic_id: int | None = None
    language: str | None = None


SORTS = ("relevance", "newest", "oldest")


def compile_all(parsed):
    compiled = {code: compile_for(parsed, code) for code in LANGUAGES}
    return {code: query for code, query in compiled.items() if query is not None}


def best_language(scores, filters, reader_language):
    """The best-ranked language a statement matched in, the reader's first on ties, for the snippet."""
    if filters.language is not None:
        return filters.language
    order = [reader_language] + [code for code in LANGUAGES if code != reader_language]
    return max(scores, key=lambda code: (scores[code], -order.index(code)))


@dataclass
class Hit:
    statement: Statement
    language: str  # the language it matched in, which the snippet is taken from
    snippet: str


@dataclass
class SearchResults:
    hits: list = field(default_factory=list)
    total: int = 0
    page: int = 1
    num_pages: int = 1
    facets: dict = field(default_factory=dict)
    understood: bool = False  # the query had at least one word to look for
    stale: bool = False  # some documents come from another analyser version


def _hit(statement, language, query):
    tokens = {t for clause in query.clauses for a in clause for t in a.tokens} if query else set()
    suffix = field_suffix(language)
    summary = getattr(statement, f"summary_{suffix}") or ""
    text = getattr(statement, f"text_{suffix}") or ""
    html, found = snippet(summary, language, tokens)
    if not found and text:
        in_text, found_in_text = snippet(text, language, tokens)
        if found_in_text:
            html = in_text
    return Hit(statement, language, html)


def search(*, text, filters=None, sort="relevance", page=1, reader_language="en", per_page=20):
    """One page of statements matching `text` in any language, with facet counts for the filters.

    With no text at all, every published statement passing the filters, newest first.
    """
    filters = filters or Filters()
    if text.strip():
        compiled = compile_all(parse(text))
        if not compiled:
            return SearchResults()
    else:
        compiled = dict.fromkeys(LANGUAGES)
    found = matches.find(compiled, filters, sort=sort, page=page, per_page=per_page)
    # By primary key, then is_public (published()'s rule): filtering by status in SQL let SQLite
    # walk the status index rather than look up the twenty keys.
    ids = [row[0] for row in found.rows]
    statements = Statement.objects.select_related("session", "parent").in_bulk(ids)
    hits = []
    for statement_id, bits, scores in found.rows:
        statement = statements.get(statement_id)
        if statement is not None and statement.is_public:  # else unpublished since it was indexed
            by_language = {code: scores.get(code, 0) for code in matches.languages_of(bits)}
            language = best_language(by_language, filters, reader_language)
            hits.append(_hit(statement, language, compiled.get(language)))
    return SearchResults(
        hits=hits,
        total=found.total,
        page=found.page,
        num_pages=found.num_pages,
        facets=found.facets,
        understood=True,
        stale=found.stale,
    )
