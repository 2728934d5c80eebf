"""Queries: parsing what a researcher typed, matching it in every language, ranking, facets.

Syntax: words (all must match), "an exact phrase", -excluded, and OR between two terms. Anything
else (parentheses, *, NEAR, a lone -) is read as plain text, never handed to the database: the
backends only ever receive tokens from the analyser, quoted.
"""

import math
import re
from dataclasses import dataclass, field

from ..models import Statement, field_suffix
from . import matches
from .analysis import GAP, LANGUAGES, query_tokens
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


def _languages(bits):
    return [code for code, bit in matches.LANGUAGE_BITS.items() if bits & bit]


def facet_counts(groups, topics, filters):
    """For each filter, how many statements each of its values would leave, the others applied.

    A statement failing no filter counts everywhere; one failing exactly one filter counts only in
    that filter's list (choosing another value there would bring it in); the rest count nowhere.
    `groups` are (year, session, kind, passes the topic filter, languages, statements); the topic
    counts come ready from SQL. Also returns the total: the statements failing no filter.
    """
    counts = {name: {} for name in FACETS}
    total = 0
    for year, session_id, kind, topic_ok, bits, n in groups:
        failed = [
            name
            for name, ok in (
                (
                    "year",
                    (filters.year_from is None or year >= filters.year_from)
                    and (filters.year_to is None or year <= filters.year_to),
                ),
                ("session", filters.session_id is None or session_id == filters.session_id),
                ("kind", filters.kind is None or kind == filters.kind),
                ("topic", filters.topic_id is None or topic_ok),
                ("language", filters.language is None or bits & matches.LANGUAGE_BITS[filters.language]),
            )
            if not ok
        ]
        if len(failed) > 1:
            continue
        only = failed[0] if failed else None
        total += n if only is None else 0
        for name, value in (("year", year), ("session", session_id), ("kind", kind)):
            if only in (None, name) and value is not None:
                counts[name][value] = counts[name].get(value, 0) + n
        if only in (None, "language"):
            for code in _languages(bits):
                counts["language"][code] = counts["language"].get(code, 0) + n
    counts["topic"] = {int(pk): n for pk, n in topics}
    return counts, total


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


def _scores(rows, compiled):
    """Exact title scores, by language matched in, of the statements with a query word in a title."""
    needles = {code: _needles(q) for code, q in compiled.items() if q is not None}
    scores = {}
    for _part, statement_id, _s, _date, _k, bits, _n, _stale, language, title in rows:
        if bits & matches.LANGUAGE_BITS[language]:
            scores.setdefault(statement_id, {})[language] = title_score(needles[language], title)
    return scores


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
    has_words = any(q is not None for q in compiled.values())
    ranks = sort == "relevance" and has_words
    page = max(page, 1)
    rows = matches.run(
        compiled,
        filters,
        # Title scores also choose the snippet's language, whatever the order.
        candidates=has_words,
        page_rows=matches.PageRows(limit=page * per_page, oldest_first=sort == "oldest", by_relevance=ranks),
    )
    groups = [row[1:7] for row in rows if row[0] == "g"]
    facets, total = facet_counts(groups, [row[1:7:5] for row in rows if row[0] == "t"], filters)
    stale = any(row[7] for row in rows if row[0] == "g")
    rest = [row[1:4:2] + row[5:6] for row in rows if row[0] == "p"]  # (id, date, languages)
    scores = _scores([row for row in rows if row[0] == "c"], compiled)
    if ranks:
        candidates = list({row[1]: row[1:4:2] + row[5:6] for row in rows if row[0] == "c"}.values())

        def score(statement_id):
            by_language = scores.get(statement_id, {})
            if filters.language is not None:
                return by_language.get(filters.language, 0)
            return max(by_language.values(), default=0)

        first = [c for c in candidates if score(c[0])]
        first.sort(key=lambda c: (score(c[0]), c[1], c[0]), reverse=True)
        # Candidates scoring nothing after all (a phrase's words apart) fall back among the rest.
        chosen = {c[0] for c in first}
        rest += [c for c in candidates if c[0] not in chosen]
        ordered = first
    else:
        ordered = []
    rest.sort(key=lambda r: (r[1], r[0]), reverse=sort != "oldest")
    ordered += rest
    num_pages = max(1, math.ceil(total / per_page))
    page = min(page, num_pages)
    on_page = ordered[(page - 1) * per_page : page * per_page]
    statements = Statement.objects.published().select_related("session").in_bulk([r[0] for r in on_page])
    hits = []
    for statement_id, _date, bits in on_page:
        statement = statements.get(statement_id)
        if statement is not None:  # unpublished since it was indexed, in another transaction
            by_language = {code: scores.get(statement_id, {}).get(code, 0) for code in _languages(bits)}
            language = best_language(by_language, filters, reader_language)
            hits.append(_hit(statement, language, compiled.get(language)))
    return SearchResults(
        hits=hits,
        total=total,
        page=page,
        num_pages=num_pages,
        facets=facets,
        understood=True,
        stale=stale,
    )
