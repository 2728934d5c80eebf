"""Search across the three languages, the same on SQLite and PostgreSQL.

analysis.py turns text into tokens (the only linguistics), index.py keeps one document per
statement and language, query.py parses a query, matches.py counts and orders the matching
statements over table.py's in-memory copy of the documents' filter columns, highlight.py makes
snippets, and backends/ holds the one thing each database does differently: which documents match.
"""
