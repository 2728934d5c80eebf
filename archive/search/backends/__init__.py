"""The one thing each database does differently: matching compiled queries against the tokens.

A backend module offers:
- `compile(query)`: a CompiledQuery (see query.py) -> the database's own query string;
- `matching_rows_sql(compiled_by_language)`: SQL and parameters selecting ROW_COLUMNS of every
  document that matches the query compiled for its language;
- `optimise(connection)`: tidy the index after a rebuild; `size(connection)`: its size in bytes.
"""

from importlib import import_module

# What a matching document contributes to ranking, filters and facets, in this order.
ROW_COLUMNS = (
    "statement_id",
    "language",
    "date",
    "kind",
    "session_id",
    "topic_ids",
    "title_tokens",
    "analyser_version",
)


def for_connection(connection):
    if connection.vendor not in ("sqlite", "postgresql"):
        raise NotImplementedError(f"No search backend for {connection.vendor}.")
    return import_module(f"{__name__}.{connection.vendor}")
