"""The one thing each database does differently: matching compiled queries against the tokens.

A backend module offers:
- `compile(query)`: a CompiledQuery (see query.py) -> the database's own query string;
- `documents_sql(columns, compiled_query, languages)`: SQL and parameters selecting `columns`
  (expressions over the documents table, alias `d`) of every document in one of `languages` that
  matches the query; with no query, of every document in them;
- `YEAR_SQL`, `DATE_SQL`: a document's year as an integer and its date as ISO text, which sort
  and group the same way on both databases;
- `optimise(connection)`: tidy the index after a rebuild; `size(connection)`: its size in bytes.
"""

from importlib import import_module


def for_connection(connection):
    if connection.vendor not in ("sqlite", "postgresql"):
        raise NotImplementedError(f"No search backend for {connection.vendor}.")
    return import_module(f"{__name__}.{connection.vendor}")


def in_languages(languages):
    return "d.language IN (" + ", ".join(["%s"] * len(languages)) + ")", list(languages)
