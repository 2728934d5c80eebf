"""PostgreSQL: the generated tsvector columns (migrations 0004, 0006), queried with tsquery literals.

The tsquery is cast from a literal, not built by to_tsquery(), so no parser or dictionary
touches the tokens: the same tokens as SQLite's, matched by the same rules.

A GIN index finds the matching rows quickly, but their ids are in the rows, and a document's row
(~1.8 kB, mostly its vector, below the 2 kB at which PostgreSQL moves values out of the row)
fills most of a page: a word in 27,000 documents reads 21,000 pages, 40-100 ms. So the rebuild
also stores, for each lexeme in at least POSTINGS_MIN_DOCUMENTS documents, the ids of those
documents packed as 4-byte integers (archive_searchposting), and SearchIndexState records the
highest document id they cover. A search then takes a common word's documents from there (a
millisecond), and asks the GIN index only for rare words, phrases (which need positions), titles,
and the documents written since the rebuild (ids above the mark: an editor's save rewrites a
statement's documents under new ids, and the ids of deleted documents are dropped by the caller).
"""

import base64
import threading

import numpy as np
from django.db import connection

from . import ids_of, part, titles_of, union_rows

# A document's date as the number YYYYMMDD, which sorts as the date does.
DAY_SQL = "CAST(to_char(d.date, 'YYYYMMDD') AS INTEGER)"
# A column of every row as one string of space-separated values.
AGGREGATE_SQL = "string_agg(({})::text, ' ')"

# Below this many documents, the GIN index answers in a few milliseconds anyway.
POSTINGS_MIN_DOCUMENTS = 1000


def _lexeme(token):
    return "'" + token.replace("\\", "\\\\").replace("'", "''") + "'"


def _alternative(alternative):
    operator = " <-> " if alternative.phrase else " & "
    if len(alternative.tokens) == 1:
        return _lexeme(alternative.tokens[0])
    return "(" + operator.join(_lexeme(t) for t in alternative.tokens) + ")"


def compile(query):  # noqa: A001 - the backend interface's name
    positive = " & ".join("(" + " | ".join(_alternative(a) for a in clause) + ")" for clause in query.clauses)
    if query.negatives:
        positive = f"({positive}) & !(" + " | ".join(_alternative(a) for a in query.negatives) + ")"
    return positive


def matching_sql(query, *, title=False, after=None):
    """One row: the ids of the documents matching `query`, space-separated, and NULL; with
    `title`, matching in titles only, the ids and their title tokens, a line each; with `after`,
    only among the documents whose id is above it (found by primary key first: OFFSET 0 keeps
    the planner from reading the GIN index instead)."""
    if title:
        return (
            "SELECT string_agg(d.id::text, ' '), string_agg(d.title_tokens, E'\\n') "
            "FROM archive_searchdocument AS d WHERE d.title_vector @@ %s::tsquery",
            [compile(query)],
        )
    if after is not None:
        return (
            "SELECT string_agg(f.id::text, ' '), NULL FROM (SELECT d.id, d.vector "
            "FROM archive_searchdocument AS d WHERE d.id > %s OFFSET 0) AS f WHERE f.vector @@ %s::tsquery",
            [after, compile(query)],
        )
    return (
        "SELECT string_agg(d.id::text, ' '), NULL FROM archive_searchdocument AS d "
        "WHERE d.vector @@ %s::tsquery",
        [compile(query)],
    )


# The generation row, with the id the postings cover up to, as text like the other columns.
GENERATION_SQL = (
    "SELECT -1, s.generation, s.postings_through::text FROM archive_searchindexstate AS s WHERE s.id = 1"
)

# This process's knowledge of the postings, by database alias: (the id they cover up to, their
# lexemes). Checked against the database in every search's own query.
_plans = {}
_lock = threading.Lock()


def _plan(connection, *, reload):
    with _lock:
        if reload or connection.alias not in _plans:
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT s.postings_through, (SELECT array_agg(p.lexeme) FROM archive_searchposting AS p) "
                    "FROM archive_searchindexstate AS s WHERE s.id = 1"
                )
                row = cursor.fetchone()
            through, lexemes = row if row else (None, None)
            _plans[connection.alias] = (
                through,
                frozenset(lexemes or ()) if through is not None else frozenset(),
            )
        return _plans[connection.alias]


class _Union:
    def __init__(self):
        self.parts, self.params, self.numbers = (
            [GENERATION_SQL],
            [],
            {},
        )

    def add(self, sql, params):
        key = (sql, tuple(map(str, params)))
        if key not in self.numbers:
            self.numbers[key] = len(self.parts) - 1
            self.parts.append(part(self.numbers[key], sql))
            self.params += params
        return self.numbers[key]


def _evaluate(clauses, postings, found):
    """The documents matching every clause, each clause any of its alternatives, in id order.

    As masks over the document ids rather than sorted-array unions and intersections: a common
    word's postings hold tens of thousands of ids, and sorting them took most of a search's time.
    """
    arrays = [postings[t] for clause in clauses for how, what in clause if how == "posted" for t in what]
    arrays += [found[what][0] for clause in clauses for how, what in clause if how != "posted"]
    size = 1 + max((int(ids.max()) for ids in arrays if len(ids)), default=0)
    result = None
    for clause in clauses:
        matched = np.zeros(size, dtype=bool)
        for how, what in clause:
            if how == "posted":
                every = None
                for token in what:
                    has = np.zeros(size, dtype=bool)
                    has[postings[token]] = True
                    every = has if every is None else every & has
                matched |= every
            else:
                matched[found[what][0]] = True
        result = matched if result is None else result & matched
    return np.flatnonzero(result) if result is not None else np.array([], dtype=np.int64)


def _run(connection, branches, through, posted):
    """None if the postings changed since `through` and `posted` were read."""
    union, plans, wanted = _Union(), [], set()
    for query, title in branches:
        usable = [
            [not a.phrase and all(t in posted for t in a.tokens) for a in clause] for clause in query.clauses
        ]
        if title or through is None or not any(any(row) for row in usable):
            plans.append(("whole", union.add(*matching_sql(query, title=title))))
            continue
        clauses = []
        for clause, usable_row in zip(query.clauses, usable, strict=True):
            alternatives = []
            for alternative, use in zip(clause, usable_row, strict=True):
                if use:
                    alternatives.append(("posted", alternative.tokens))
                    wanted.update(alternative.tokens)
                else:
                    alone = type(query)([[alternative]], [])
                    alternatives.append(("gin", union.add(*matching_sql(alone))))
            clauses.append(alternatives)
        plans.append(("postings", clauses, union.add(*matching_sql(query, after=through))))
    params = union.params
    parts = union.parts
    if wanted:
        parts = [
            *parts,
            "SELECT -2, p.lexeme, encode(p.document_ids, 'base64') FROM archive_searchposting AS p "
            "WHERE p.lexeme = ANY(%s)",
        ]
        params = [*params, sorted(wanted)]
    generation, now_through, found, postings = None, None, {}, {}
    for number, first, second in union_rows(parts, params):
        if number == -1:
            generation, now_through = first, second
        elif number == -2:
            postings[first] = np.frombuffer(base64.b64decode(second), dtype=">i4").astype(np.int64)
        else:
            found[number] = (ids_of(first), titles_of(second))
    if now_through != (None if through is None else str(through)) or wanted - postings.keys():
        if wanted:
            return None
        _plans.pop(connection.alias, None)  # the answer stands (no postings used); renew the plan
    results = []
    for plan in plans:
        if plan[0] == "whole":
            results.append(found[plan[1]])
        else:
            _how, clauses, fresh = plan
            ids = np.concatenate([_evaluate(clauses, postings, found), found[fresh][0]])
            results.append((ids, []))
    return generation, results


def run(branches):
    for reload in (False, True):
        done = _run(connection, branches, *_plan(connection, reload=reload))
        if done is not None:
            return done
    return _run(connection, branches, None, frozenset())  # rebuilt twice meanwhile: the GIN index alone


def rebuild_begin(connection):
    # Writers wait for the rebuild: a document committed meanwhile under a lower id than the
    # postings' mark would be missing from them.
    with connection.cursor() as cursor:
        cursor.execute("LOCK TABLE archive_searchdocument IN SHARE ROW EXCLUSIVE MODE")


def rebuild_end(connection):
    """Write the postings of the common lexemes and the id they cover up to."""
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM archive_searchposting")
        cursor.execute("SELECT max(id) FROM archive_searchdocument")
        through = cursor.fetchone()[0] or 0
        if through >= 2**31:
            cursor.execute("UPDATE archive_searchindexstate SET postings_through = NULL")
            return  # ids no longer fit in 4 bytes: the GIN index alone
        cursor.execute(
            "INSERT INTO archive_searchposting (lexeme, document_ids) "
            "SELECT t.lexeme, string_agg(int4send(t.id::int4), ''::bytea ORDER BY t.id) FROM ("
            "SELECT d.id, unnest(tsvector_to_array(d.vector)) AS lexeme FROM archive_searchdocument AS d"
            ") AS t GROUP BY t.lexeme HAVING count(*) >= %s",
            [POSTINGS_MIN_DOCUMENTS],
        )
        cursor.execute("UPDATE archive_searchindexstate SET postings_through = %s", [through])


def optimise(connection):
    # Outside a transaction (the rebuild command), VACUUM also sets every row's hint bits and marks
    # the pages all-visible, which the first searches after a rebuild would otherwise pay for.
    command = "ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)"
    with connection.cursor() as cursor:
        cursor.execute(f"{command} archive_searchdocument")
        cursor.execute(f"{command} archive_searchposting")


def size(connection):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_total_relation_size('archive_searchdocument') "
            "+ pg_total_relation_size('archive_searchposting')"
        )
        return cursor.fetchone()[0]
