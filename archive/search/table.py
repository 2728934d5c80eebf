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

from . import backends
from .analysis import ANALYSER_VERSION, LANGUAGES
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
        nothing,
        nothing,
    )


def _read(generation):
    backend = backends.for_connection(connection)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT d.id, d.statement_id, d.language, {backend.YEAR_SQL}, {backend.DATE_SQL}, "  # noqa: S608 - fixed SQL
            "d.kind, d.session_id, d.topic_ids, d.analyser_version "
            "FROM archive_searchdocument AS d ORDER BY d.id"
        )
        rows = cursor.fetchall()
    if not rows:
        return _empty(generation)
    ids, statement_ids, languages, years, dates, kinds, sessions, topics, versions = zip(*rows, strict=True)
    document_statement_ids = np.array(statement_ids, dtype=np.int64)
    unique_ids, first, inverse = np.unique(document_statement_ids, return_index=True, return_inverse=True)
    order = np.lexsort((unique_ids, np.array(dates)[first]))  # by date, then id
    ordinal = np.empty_like(order)
    ordinal[order] = np.arange(len(order))
    firsts = first[order]  # for each ordinal, the position of one of its documents
    kind_names = tuple(sorted(set(kinds)))
    kind_codes = np.array([kind_names.index(k) for k in kinds], dtype=np.int8)
    stale = np.zeros(len(unique_ids), dtype=bool)
    stale[ordinal[inverse[np.array(versions) != ANALYSER_VERSION]]] = True
    pairs = [(n, int(t)) for n, position in enumerate(firsts) for t in topics[position].split()]
    topic_pairs = np.array(pairs, dtype=np.int64).reshape(-1, 2)
    return Table(
        generation=generation,
        document_ids=np.array(ids, dtype=np.int64),
        document_statements=ordinal[inverse],
        document_languages=np.array([LANGUAGE_INDEX.get(code, -1) for code in languages], dtype=np.int8),
        statement_ids=unique_ids[order],
        years=np.array(years, dtype=np.int32)[firsts],
        sessions=np.array([-1 if s is None else s for s in sessions], dtype=np.int64)[firsts],
        kinds=kind_codes[firsts],
        kind_names=kind_names,
        stale=stale,
        topic_statements=topic_pairs[:, 0],
        topic_ids=topic_pairs[:, 1],
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
