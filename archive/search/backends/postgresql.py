"""PostgreSQL: the generated tsvector column (migration 0004), queried with a tsquery literal.

The tsquery is cast from a literal, not built by to_tsquery(), so no parser or dictionary
touches the tokens: the same tokens as SQLite's, matched by the same rules.
"""

from . import ROW_COLUMNS

# Dates as ISO text: Python compares them as they are, with no conversion per row.
COLUMN_SQL = {"date": "to_char(d.date, 'YYYY-MM-DD')"}


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


def matching_rows_sql(compiled_by_language):
    columns = ", ".join(COLUMN_SQL.get(name, f"d.{name}") for name in ROW_COLUMNS)
    parts, params = [], []
    for language, query in compiled_by_language.items():
        parts.append(
            f"SELECT {columns} FROM archive_searchdocument AS d "  # noqa: S608 - fixed names; values are parameters
            "WHERE d.language = %s AND d.vector @@ %s::tsquery"
        )
        params += [language, compile(query)]
    return " UNION ALL ".join(parts), params


def optimise(connection):
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE archive_searchdocument")


def size(connection):
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_total_relation_size('archive_searchdocument')")
        return cursor.fetchone()[0]
