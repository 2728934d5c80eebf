"""PostgreSQL: the generated tsvector column (migration 0004), queried with a tsquery literal.

The tsquery is cast from a literal, not built by to_tsquery(), so no parser or dictionary
touches the tokens: the same tokens as SQLite's, matched by the same rules.
"""

from . import in_languages

# ISO text, as SQLite stores dates, so that both sort and compare them alike.
DATE_SQL = "to_char(d.date, 'YYYY-MM-DD')"
YEAR_SQL = "CAST(EXTRACT(YEAR FROM d.date) AS INTEGER)"


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


def documents_sql(columns, query, languages):
    where, params = in_languages(languages)
    sql = f"SELECT {columns} FROM archive_searchdocument AS d WHERE {where}"  # noqa: S608 - fixed names
    if query is None:
        return sql, params
    return sql + " AND d.vector @@ %s::tsquery", [*params, compile(query)]


def optimise(connection):
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE archive_searchdocument")


def size(connection):
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_total_relation_size('archive_searchdocument')")
        return cursor.fetchone()[0]
