"""The matching statements: which, how many under each filter, and in what order.

The database answers only "which documents match" (ids, through its full-text index); the rest is
array work on this process's copy of the documents' filter columns (table.py):
- a statement matches when one of its documents matches the query compiled for that document's
  language, and none matches the excluded terms; which languages it matched in are bits;
- each filter's counts are taken with every other filter applied (facet counts), the total with
  all of them;
- ranking by relevance puts first the statements with query words in a title, scored exactly
  by `title_score` over the few titles that hold a query word; then the rest, newest first; ties
  fall to date then id, as ordinals already do.
"""

from dataclasses import dataclass, field

import numpy as np
from django.db import connection

from . import backends, table
from .analysis import GAP, LANGUAGES

# Which languages a statement matched in, as bits.
LANGUAGE_BITS = {code: 1 << n for n, code in enumerate(LANGUAGES)}


def languages_of(bits):
    return [code for code, bit in LANGUAGE_BITS.items() if bits & bit]


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

    Plain substring tests on the space-padded token stream.
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
class Found:
    total: int = 0
    page: int = 1
    num_pages: int = 1
    facets: dict = field(default_factory=dict)
    stale: bool = False
    # The page's statements, best first: (statement id, language bits, title score by language).
    rows: list = field(default_factory=list)


class _Query:
    """Every full-text match a search needs, asked together with the index's generation token
    (in one statement where the backend can), so that the matches and the token agree."""

    def __init__(self):
        self.backend = backends.for_connection(connection)
        self.branches, self.numbers = [], {}

    def add(self, queries, *, title=False):
        """One branch per distinct compiled query (English and French often stem alike):
        {language: branch number}; a language whose query is None takes every document (-2)."""
        branches = {}
        for code, query in queries.items():
            if query is None:
                branches[code] = -2
                continue
            key = (self.backend.compile(query), title)
            if key not in self.numbers:
                self.numbers[key] = len(self.branches)
                self.branches.append((query, title))
            branches[code] = self.numbers[key]
        return branches

    def run(self):
        """The generation token, and {branch: (ids, titles)}."""
        if not self.branches:
            return table.generation_read(), {}
        generation, found = self.backend.run(self.branches)
        return generation, dict(enumerate(found))


def _title_query(query):
    """Every alternative of every clause, each as its words: a superset of what title_score counts."""
    alternatives = [type(a)(a.tokens, False) for clause in query.clauses for a in clause]
    return type(query)([alternatives], [])


def find(compiled_by_language, filters, *, sort="relevance", page=1, per_page=20):
    """`compiled_by_language` maps each language to its CompiledQuery, or every language to None
    for a search with no words (every statement passing the filters)."""
    has_words = any(q is not None for q in compiled_by_language.values())
    query = _Query()
    positive = query.add(
        {
            code: (type(q)(q.clauses, []) if q is not None else None)
            for code, q in compiled_by_language.items()
        }
    )
    negative = query.add(
        {
            code: type(q)([q.negatives], [])
            for code, q in compiled_by_language.items()
            if q is not None and q.negatives
        }
    )
    titled = query.add(
        {code: _title_query(q) for code, q in compiled_by_language.items() if q is not None}, title=True
    )
    generation, found_by_branch = query.run()
    rows = table.current(generation)

    def documents(branches):
        """{language: positions in the table of its matching documents in that language}."""
        by_language = {}
        for code, branch in branches.items():
            if branch == -2:
                positions = np.arange(len(rows.document_ids))
            else:
                positions = rows.documents(found_by_branch[branch][0])
            in_language = rows.document_languages[positions] == table.LANGUAGE_INDEX[code]
            by_language[code] = positions[in_language]
        return by_language

    n = len(rows)
    bits = np.zeros(n, dtype=np.uint8)
    for code, positions in documents(positive).items():
        bits[rows.document_statements[positions]] |= LANGUAGE_BITS[code]
    for positions in documents(negative).values():
        bits[rows.document_statements[positions]] = 0
    matched = bits != 0

    passes = _filters(rows, filters, bits)
    found = Found(stale=bool(rows.stale[matched].any()))
    found.facets, final = _facets(rows, matched, passes, bits)
    found.total = int(np.count_nonzero(final))
    found.num_pages = max(1, -(-found.total // per_page))
    found.page = min(max(page, 1), found.num_pages)
    limit = found.page * per_page

    titles = {}
    for branch in set(titled.values()):
        ids, branch_titles = found_by_branch[branch]
        titles.update(zip(ids.tolist(), branch_titles or [], strict=True))
    scores = _title_scores(rows, compiled_by_language, documents(titled), titles, final, bits)
    ordinals = np.flatnonzero(final)
    if sort != "oldest":
        ordinals = ordinals[::-1]
    if sort == "relevance" and has_words:

        def score(ordinal):
            by_language = scores.get(ordinal, {})
            if filters.language is not None:
                return by_language.get(filters.language, 0)
            return max(by_language.values(), default=0)

        first = sorted((o for o in scores if score(o)), key=lambda o: (score(o), o), reverse=True)
        chosen = np.zeros(n, dtype=bool)
        chosen[first] = True
        rest = ordinals[~chosen[ordinals]][: max(limit - len(first), 0)]
        ordinals = np.concatenate([np.array(first, dtype=np.int64), rest])
    on_page = ordinals[(found.page - 1) * per_page : limit]
    found.rows = [(int(rows.statement_ids[o]), int(bits[o]), scores.get(int(o), {})) for o in on_page]
    return found


def _filters(rows, filters, bits):
    """For each filter chosen, which statements pass it."""
    passes = {}
    if filters.year_from is not None or filters.year_to is not None:
        low = filters.year_from if filters.year_from is not None else np.iinfo(np.int32).min
        high = filters.year_to if filters.year_to is not None else np.iinfo(np.int32).max
        passes["year"] = (rows.years >= low) & (rows.years <= high)
    if filters.session_id is not None:
        passes["session"] = rows.sessions == filters.session_id
    if filters.kind is not None:
        passes["kind"] = rows.kinds == rows.kind_code(filters.kind)
    if filters.topic_id is not None:
        has_topic = np.zeros(len(rows), dtype=bool)
        has_topic[rows.topic_statements[rows.topic_ids == filters.topic_id]] = True
        passes["topic"] = has_topic
    if filters.language is not None:
        passes["language"] = (bits & LANGUAGE_BITS[filters.language]) != 0
    return passes


def _counts(values):
    keys, counts = np.unique(values, return_counts=True)
    return {int(k): int(c) for k, c in zip(keys, counts, strict=True)}


def _facets(rows, matched, passes, bits):
    """How many statements each value of each filter would leave, the other filters applied;
    and the statements passing them all."""

    def all_but(name):
        mask = matched.copy()
        for other, passing in passes.items():
            if other != name:
                mask &= passing
        return mask

    facets = {}
    chosen = all_but("year")
    facets["year"] = _counts(rows.years[chosen])
    chosen = all_but("session")
    sessions = rows.sessions[chosen]
    facets["session"] = _counts(sessions[sessions >= 0])
    chosen = all_but("kind")
    facets["kind"] = {rows.kind_names[k]: c for k, c in _counts(rows.kinds[chosen]).items()}
    chosen = all_but("topic")
    facets["topic"] = _counts(rows.topic_ids[chosen[rows.topic_statements]])
    chosen = all_but("language")
    facets["language"] = {
        code: c for code, bit in LANGUAGE_BITS.items() if (c := int(np.count_nonzero(bits[chosen] & bit)))
    }
    return facets, all_but(None)


def _title_scores(rows, compiled_by_language, titled, titles, final, bits):
    """Title scores by language of the statements passing every filter with a query word in a
    title: {ordinal: {language: score}}. The database found the titles; title_score counts."""
    needles = {code: _needles(q) for code, q in compiled_by_language.items() if q is not None}
    scores = {}
    for code, positions in titled.items():
        statements = rows.document_statements[positions]
        keep = final[statements] & ((bits[statements] & LANGUAGE_BITS[code]) != 0)
        for position, ordinal in zip(positions[keep].tolist(), statements[keep].tolist(), strict=True):
            title = titles[int(rows.document_ids[position])]
            scores.setdefault(ordinal, {})[code] = title_score(needles[code], title)
    return scores
