"""SQLite: FTS5 over the token columns (migration 0004), queried in FTS5's query language."""

from . import GENERATION_SQL, ids_of, part, titles_of, union_rows

# A document's date as the number YYYYMMDD, which sorts as the date does.
DAY_SQL = "CAST(replace(d.date, '-', '') AS INTEGER)"
# A column of every row as one string of space-separated values.
AGGREGATE_SQL = "group_concat({}, ' ')"


def _quote(tokens):
    # Tokens never hold quotes (the analyser keeps letters and digits only); doubled all the same.
    return '"' + " ".join(tokens).replace('"', '""') + '"'


def _alternative(alternative):
    if alternative.phrase or len(alternative.tokens) == 1:
        return _quote(alternative.tokens)
    return "(" + " AND ".join(_quote([t]) for t in alternative.tokens) + ")"


def compile(query):  # noqa: A001 - the backend interface's name
    positive = " AND ".join(
        "(" + " OR ".join(_alternative(a) for a in clause) + ")" for clause in query.clauses
    )
    if query.negatives:
        positive = f"({positive}) NOT (" + " OR ".join(_alternative(a) for a in query.negatives) + ")"
    return positive


def matching_sql(query, *, title=False):
    """One row: the ids of the documents matching `query`, space-separated, and NULL; with
    `title`, matching in titles only, the ids and their title tokens, a line each.

    Without `title` only the FTS5 index is read (its rowids are the documents' ids), and one
    string carries 25,000 ids faster than 25,000 rows.
    """
    match = compile(query)
    if not title:
        return (
            "SELECT group_concat(rowid, ' '), NULL FROM archive_search_fts WHERE archive_search_fts MATCH %s",
            [match],
        )
    return (
        "SELECT group_concat(d.id, ' '), group_concat(d.title_tokens, char(10)) FROM archive_search_fts AS f "
        "JOIN archive_searchdocument AS d ON d.id = f.rowid WHERE archive_search_fts MATCH %s",
        ["{title_tokens} : (" + match + ")"],
    )


def run(branches):
    parts, params = [GENERATION_SQL], []
    for number, (query, title) in enumerate(branches):
        sql, branch_params = matching_sql(query, title=title)
        parts.append(part(number, sql))
        params += branch_params
    found, generation = [(ids_of(None), [])] * len(branches), None
    for number, ids, titles in union_rows(parts, params):
        if number < 0:
            generation = ids
        else:
            found[number] = (ids_of(ids), titles_of(titles))
    return generation, found


def rebuild_begin(connection):
    """Nothing: SQLite lets one writer at a time."""


def rebuild_end(connection):
    """Nothing: FTS5 answers every query from its own index."""


def optimise(connection):
    with connection.cursor() as cursor:
        cursor.execute("INSERT INTO archive_search_fts(archive_search_fts) VALUES ('optimize')")


def size(connection):
    """Bytes used by the documents table, the FTS5 index and their indexes."""
    with connection.cursor() as cursor:
        try:
            cursor.execute(
                "SELECT SUM(pgsize) FROM dbstat WHERE name LIKE 'archive_search%%' "
                "OR name LIKE 'sqlite_autoindex_archive_search%%'"
            )
            return cursor.fetchone()[0] or 0
        except Exception:  # noqa: BLE001 - dbstat is an optional part of SQLite
            return None
