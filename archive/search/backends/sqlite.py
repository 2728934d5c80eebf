"""SQLite: FTS5 over the token columns (migration 0004), queried in FTS5's query language."""

from . import in_languages

# Dates are stored as ISO text already.
DATE_SQL = "CAST(d.date AS TEXT)"
YEAR_SQL = "CAST(substr(d.date, 1, 4) AS INTEGER)"


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


def documents_sql(columns, query, languages):
    where, params = in_languages(languages)
    if query is None:
        return f"SELECT {columns} FROM archive_searchdocument AS d WHERE {where}", params  # noqa: S608
    return (
        f"SELECT {columns} FROM archive_search_fts AS f "  # noqa: S608 - fixed names; values are parameters
        f"JOIN archive_searchdocument AS d ON d.id = f.rowid WHERE archive_search_fts MATCH %s AND {where}",
        [compile(query), *params],
    )


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
