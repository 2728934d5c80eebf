"""The search documents' filter columns, held in memory by each process as arrays.

The database finds which documents match a query (FTS5 or a tsvector, see backends/) and returns
their ids; everything else a results page needs, which statement each document belongs to, its
language, year, session, kind and topics, and the order of the statements by date, is read from
here. Counting 25,000 matches by every filter then takes a millisecond or two with numpy, where
the database's grouping passes took over 100 ms (about 1 µs per row per pass).

The copy is reloaded whenever the index's generation token (SearchIndexState, rewritten in the
transaction of every write to the index) differs from the one it was read under: one small query
per search, the same query that asks for the matching documents (matches.py). The copy is then
at least as new as the matches, so a document it does not know has been deleted since: dropped.
"""

import threading
import uuid
from dataclasses import dataclass

import numpy as np
from django.db import connection

from ..models import Statement
from . import backends
from .analysis import ANALYSER_VERSION, LANGUAGES
from .backends import ids_of
from .models import SearchIndexState

LANGUAGE_INDEX = {code: n for n, code in enumerate(LANGUAGES)}


def generation_bump() -> None:
    """Mark the index changed; call inside the transaction that changes it."""
    token = uuid.uuid4().hex
    if not SearchIndexState.objects.filter(pk=1).update(generation=token):
        SearchIndexState.objects.update_or_create(pk=1, defaults={"generation": token})


def generation_read():
    return SearchIndexState.objects.filter(pk=1).values_list("generation", flat=True).first()


@dataclass(frozen=True)
class Table:
    generation: str | None
    # By document, in id order: its id, its statement (an ordinal, below) and language (an index
    # into LANGUAGES).
    document_ids: np.ndarray
    document_statements: np.ndarray
    document_languages: np.ndarray
    # By statement ordinal: ordinals follow (date, id), so newest first is simply backwards.
    statement_ids: np.ndarray
    years: np.ndarray
    sessions: np.ndarray  # session id, or -1
    kinds: np.ndarray  # index into kind_names
    kind_names: tuple
    stale: np.ndarray  # some document written by another analyser version
    statement_languages: np.ndarray  # the languages it has documents in, as matches.LANGUAGE_BITS
    # The statement-topic pairs, as two parallel arrays.
    topic_statements: np.ndarray
    topic_ids: np.ndarray

    def __len__(self):
        return len(self.statement_ids)

    def documents(self, ids):
        """Positions of these document ids in the table; ids it does not know are left out."""
        if not len(self.document_ids):
            return np.zeros(0, dtype=np.int64)
        positions = np.searchsorted(self.document_ids, ids)
        positions[positions == len(self.document_ids)] = 0
        return positions[self.document_ids[positions] == ids]

    def kind_code(self, kind):
        return self.kind_names.index(kind) if kind in self.kind_names else -1


def _empty(generation):
    nothing = np.zeros(0, dtype=np.int64)
    return Table(
        generation,
        nothing,
        nothing,
        nothing,
        nothing,
        nothing,
        nothing,
        nothing,
        (),
        nothing.astype(bool),
        nothing.astype(np.uint8),
        nothing,
        nothing,
    )


def _read(generation):
    """One aggregate row per table, each column a space-separated string of numbers: at 100,000
    statements, a few MB parsed by numpy in milliseconds, where 300,000 rows of Python objects
    took seconds and a few hundred MB."""
    backend = backends.for_connection(connection)
    kind_names = tuple(Statement.Kind.values)

    def case(column, values):
        whens = " ".join(f"WHEN %s THEN {n}" for n in range(len(values)))
        return f"CASE {column} {whens} ELSE -1 END", list(values)

    language_sql, language_params = case("d.language", LANGUAGES)
    kind_sql, kind_params = case("d.kind", kind_names)
    columns = (
        "d.id",
        "d.statement_id",
        language_sql,
        backend.DAY_SQL,
        kind_sql,
        "COALESCE(d.session_id, -1)",
        "CASE WHEN d.analyser_version = %s THEN 0 ELSE 1 END",
    )
    aggregates = ", ".join(backend.AGGREGATE_SQL.format(column) for column in columns)
    through = Statement.topics.through._meta.db_table
    # Each link as "statement topic", in one column: two aggregates may read in different orders.
    pair = backend.AGGREGATE_SQL.format("t.statement_id || ' ' || t.topic_id")
    topics = f"(SELECT {pair} FROM {through} AS t)"  # noqa: S608 - fixed SQL
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {aggregates}, {topics} FROM archive_searchdocument AS d",  # noqa: S608 - fixed SQL
            [*language_params, *kind_params, ANALYSER_VERSION],
        )
        *documents, links = (ids_of(text) for text in cursor.fetchone())
    topic_statement_ids, topic_ids = links.reshape(-1, 2).T
    if not len(documents[0]):
        return _empty(generation)
    by_id = np.argsort(documents[0])
    ids, statement_ids, languages, days, kinds, sessions, stale = (column[by_id] for column in documents)
    unique_ids, first, inverse = np.unique(statement_ids, return_index=True, return_inverse=True)
    order = np.lexsort((unique_ids, days[first]))  # by date, then id
    ordinal = np.empty_like(order)
    ordinal[order] = np.arange(len(order))
    firsts = first[order]  # for each ordinal, the position of one of its documents
    stale_statements = np.zeros(len(unique_ids), dtype=bool)
    stale_statements[ordinal[inverse[stale == 1]]] = True
    statement_languages = np.zeros(len(unique_ids), dtype=np.uint8)
    np.bitwise_or.at(statement_languages, ordinal[inverse], np.left_shift(1, languages).astype(np.uint8))
    # Topic links of statements with documents (the others are drafts).
    positions = np.searchsorted(unique_ids, topic_statement_ids)
    positions[positions == len(unique_ids)] = 0
    linked = unique_ids[positions] == topic_statement_ids
    return Table(
        generation=generation,
        document_ids=ids,
        document_statements=ordinal[inverse],
        document_languages=languages.astype(np.int8),
        statement_ids=unique_ids[order],
        years=(days[firsts] // 10000).astype(np.int32),
        sessions=sessions[firsts],
        kinds=kinds[firsts].astype(np.int8),
        kind_names=kind_names,
        stale=stale_statements,
        statement_languages=statement_languages,
        topic_statements=ordinal[positions[linked]],
        topic_ids=topic_ids[linked],
    )


_lock = threading.Lock()
_tables = {}  # by database alias


def current(generation) -> Table:
    """This process's copy, read again unless it was read under `generation`, the token the
    caller read from the database."""
    with _lock:
        table = _tables.get(connection.alias)
        # No token (a flushed database) proves nothing: read again.
        if table is None or generation is None or table.generation != generation:
            # The rows read now are at least as new as the caller's token, read just before.
            table = _tables[connection.alias] = _read(generation)
        return table
