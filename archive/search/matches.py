"""The matching statements: which, how many under each filter, and in what order.

The database answers only "which documents match" (ids, through its full-text index); the rest is
array work on this process's copy of the documents' filter columns (table.py):
- a statement matches when one of its documents matches the query compiled for that document's
  language, and none matches the excluded terms; which languages it matched in are bits;
- each filter's counts are taken with every other filter applied (facet counts), the total with
  all of them;
- ranking by relevance puts first the statements with query words in a title or in one of
  their topics' names, scored exactly by `title_score` over the few titles that hold a query
  word (a topic counts as one more title); then the rest of the exact matches, newest first;
  then what only the concept groups' terms found (statements of a topic they name first); ties
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
    generation: str | None = None  # the index's token the matches were read under
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


# Relevance tiers: exact matches above what only the concept groups found; within a tier, a
# title or topic match above the rest, by score.
EXACT, BY_TOPIC_EXPANSION, SCORE = 1_000_000, 1_000, 10


def find(compiled_by_language, filters, *, sort="relevance", page=1, per_page=20, expanded=None, topics=None):
    """`compiled_by_language` maps each language to its CompiledQuery, or every language to None
    for a search with no words (every statement passing the filters). `expanded`: the same with
    the concept groups' terms added; `topics`: {topic id: True if the words as typed named it,
    False if only a group's term did}, whose statements match too."""
    has_words = any(q is not None for q in compiled_by_language.values())
    query = _Query()

    def positive_of(queries):
        return {code: (type(q)(q.clauses, []) if q is not None else None) for code, q in queries.items()}

    positive = query.add(positive_of(compiled_by_language))
    wider = query.add(positive_of(expanded)) if expanded else {}
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
    exact = bits != 0
    for code, positions in documents(wider).items():
        bits[rows.document_statements[positions]] |= LANGUAGE_BITS[code]
    typed_topics = np.zeros(n, dtype=np.int32)  # topics the words as typed named
    wider_topic = np.zeros(n, dtype=bool)  # in a topic only a group's term named
    for topic_id, by_typed_words in (topics or {}).items():
        ordinals = rows.topic_statements[rows.topic_ids == topic_id]
        # A topic's statements match in every language they have text in.
        bits[ordinals] |= rows.statement_languages[ordinals]
        if by_typed_words:
            typed_topics[ordinals] += 1
        else:
            wider_topic[ordinals] = True
    exact |= typed_topics > 0
    for positions in documents(negative).values():
        bits[rows.document_statements[positions]] = 0
    matched = bits != 0

    passes = _filters(rows, filters, bits)
    found = Found(stale=bool(rows.stale[matched].any()), generation=generation)
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

        value = np.where(exact, EXACT + typed_topics * SCORE, np.where(wider_topic, BY_TOPIC_EXPANSION, 0))
        for ordinal in scores:
            if exact[ordinal]:
                value[ordinal] += score(ordinal) * SCORE
        # A stable sort keeps newest first (or the ordinals' order) within equal values.
        ordinals = ordinals[np.argsort(-value[ordinals], kind="stable")][:limit]
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
        # One clause of single words (a word, a prefix's words): every title the database found
        # holds one of them, so scores 1, without reading the thousand titles of a common word.
        (clause, *more) = needles[code] or [[]]
        single = not more and all(not phrase and len(strings) == 1 for strings, phrase in clause)
        for position, ordinal in zip(positions[keep].tolist(), statements[keep].tolist(), strict=True):
            if single:
                scores.setdefault(ordinal, {})[code] = 1
                continue
            title = titles[int(rows.document_ids[position])]
            scores.setdefault(ordinal, {})[code] = title_score(needles[code], title)
    return scores
