"""Queries: parsing what a researcher typed, matching it in every language, ranking, facets.

Syntax: words (all must match), "an exact phrase", -excluded, and OR between two terms. Anything
else (parentheses, *, NEAR, a lone -) is read as plain text, never handed to the database: the
backends only ever receive tokens from the analyser, quoted.
"""

import math
import re
from dataclasses import dataclass, field

from django.db import connection

from ..models import Statement, field_suffix
from . import backends
from .analysis import ANALYSER_VERSION, GAP, LANGUAGES, query_tokens
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


def _needles(query):
    """Per clause, what to look for in a space-padded title: one string per token, or the phrase."""
    return [
        [
            ((" " + " ".join(a.tokens) + " ",) if a.phrase else tuple(f" {t} " for t in a.tokens), a.phrase)
            for a in clause
        ]
        for clause in query.clauses
    ]


def title_score(needles, title_tokens):
    """How many of the query's clauses match in the title: a title match outranks a body match.

    Plain substring tests on the space-padded token stream, so thousands of matches stay cheap.
    """
    padded = f" {title_tokens} "
    words = padded.split(f" {GAP} ", 1)[0] + " "  # a phrase counts in reading order only
    score = 0
    for clause in needles:
        for strings, phrase in clause:
            if all(s in (words if phrase else padded) for s in strings):
                score += 1
                break
    return score


@dataclass
class Filters:
    year_from: int | None = None
    year_to: int | None = None
    session_id: int | None = None
    kind: str | None = None
    topic_id: int | None = None
    language: str | None = None


FACETS = ("year", "session", "kind", "topic", "language")


class Match:
    """One statement that matched, with what ranking, filters and facets need."""

    __slots__ = ("statement_id", "date", "year", "kind", "session_id", "topic_ids", "scores", "failed")

    def __init__(self, statement_id, date, kind, session_id, topic_ids):
        self.statement_id = statement_id
        self.date = date  # ISO text: sorts as dates do, the same from both databases
        self.year = int(date[:4])
        self.kind = kind
        self.session_id = session_id
        self.topic_ids = topic_ids  # strings, as stored
        self.scores = {}  # language -> title score

    def judge(self, filters):
        """Note which filters it fails (by position in FACETS), once per search."""
        topic = str(filters.topic_id) if filters.topic_id is not None else None
        self.failed = [
            name
            for name, ok in (
                (
                    "year",
                    (filters.year_from is None or self.year >= filters.year_from)
                    and (filters.year_to is None or self.year <= filters.year_to),
                ),
                ("session", filters.session_id is None or self.session_id == filters.session_id),
                ("kind", filters.kind is None or self.kind == filters.kind),
                ("topic", topic is None or topic in self.topic_ids),
                ("language", filters.language is None or filters.language in self.scores),
            )
            if not ok
        ]
        return not self.failed

    def score(self, filters):
        if filters.language is not None:
            return self.scores[filters.language]
        return max(self.scores.values())

    def best_language(self, filters, reader_language):
        """The best-ranked language it matched in, the reader's first on ties, for the snippet."""
        if filters.language is not None:
            return filters.language
        order = [reader_language] + [code for code in LANGUAGES if code != reader_language]
        return max(self.scores, key=lambda code: (self.scores[code], -order.index(code)))


def compile_all(parsed):
    compiled = {code: compile_for(parsed, code) for code in LANGUAGES}
    return {code: query for code, query in compiled.items() if query is not None}


def _rows(compiled_by_language):
    backend = backends.for_connection(connection)
    sql, params = backend.matching_rows_sql(compiled_by_language)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def find_matches(compiled_by_language):
    """Every statement whose document in some language matches the words, and no document of which
    holds an excluded term: -disaster leaves out a statement whose English says "disaster" even
    where its French says "catastrophe". Also says whether any document is stale."""
    if not compiled_by_language:
        return {}, False
    excluded = set()
    negatives = {code: q.negatives for code, q in compiled_by_language.items() if q.negatives}
    if negatives:
        as_positive = {code: CompiledQuery([terms], []) for code, terms in negatives.items()}
        excluded = {row[0] for row in _rows(as_positive)}
    positives = {code: CompiledQuery(q.clauses, []) for code, q in compiled_by_language.items()}
    needles = {code: _needles(q) for code, q in positives.items()}
    matches = {}
    stale = False
    for statement_id, language, date, kind, session_id, topic_ids, title, version in _rows(positives):
        if statement_id in excluded:
            continue
        match = matches.get(statement_id)
        if match is None:
            match = matches[statement_id] = Match(statement_id, date, kind, session_id, topic_ids.split())
        match.scores[language] = title_score(needles[language], title)
        stale = stale or version != ANALYSER_VERSION
    return matches, stale


SORTS = ("relevance", "newest", "oldest")


def ranked(matches, filters, sort):
    """Matches passing the filters, in order: relevance (title matches first), then date and id."""
    kept = [m for m in matches if m.judge(filters)]
    if sort == "oldest":
        return sorted(kept, key=lambda m: (m.date, m.statement_id))
    if sort == "newest":
        return sorted(kept, key=lambda m: (m.date, m.statement_id), reverse=True)
    return sorted(kept, key=lambda m: (m.score(filters), m.date, m.statement_id), reverse=True)


def facet_counts(matches, filters):
    """For each filter, how many statements each of its values would leave, the others applied.

    A statement failing no filter counts everywhere; one failing exactly one filter counts only in
    that filter's list (choosing another value there would bring it in); the rest count nowhere.
    Needs judge() to have run, as ranked() does.
    """
    counts = {name: {} for name in FACETS}
    for match in matches:
        if len(match.failed) > 1:
            continue
        only = match.failed[0] if match.failed else None
        if only in (None, "year"):
            counts["year"][match.year] = counts["year"].get(match.year, 0) + 1
        if only in (None, "session") and match.session_id is not None:
            counts["session"][match.session_id] = counts["session"].get(match.session_id, 0) + 1
        if only in (None, "kind"):
            counts["kind"][match.kind] = counts["kind"].get(match.kind, 0) + 1
        if only in (None, "topic"):
            for topic_id in match.topic_ids:
                counts["topic"][topic_id] = counts["topic"].get(topic_id, 0) + 1
        if only in (None, "language"):
            for code in match.scores:
                counts["language"][code] = counts["language"].get(code, 0) + 1
    counts["topic"] = {int(pk): n for pk, n in counts["topic"].items()}
    return counts


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
    tokens = {t for clause in query.clauses for a in clause for t in a.tokens}
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
    """One page of statements matching `text` in any language, with facet counts for the filters."""
    filters = filters or Filters()
    compiled = compile_all(parse(text))
    if not compiled:
        return SearchResults()
    found, stale = find_matches(compiled)
    matches = list(found.values())
    ordered = ranked(matches, filters, sort)
    num_pages = max(1, math.ceil(len(ordered) / per_page))
    page = min(max(page, 1), num_pages)
    on_page = ordered[(page - 1) * per_page : page * per_page]
    statements = (
        Statement.objects.published().select_related("session").in_bulk([m.statement_id for m in on_page])
    )
    hits = []
    for match in on_page:
        statement = statements.get(match.statement_id)
        if statement is not None:  # unpublished since it was indexed, in another transaction
            language = match.best_language(filters, reader_language)
            hits.append(_hit(statement, language, compiled[language]))
    return SearchResults(
        hits=hits,
        total=len(ordered),
        page=page,
        num_pages=num_pages,
        facets=facet_counts(matches, filters),
        understood=True,
        stale=stale,
    )
