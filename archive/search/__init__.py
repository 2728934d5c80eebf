"""Search across the three languages, the same on SQLite and PostgreSQL.

analysis.py turns text into tokens (the only linguistics), index.py keeps one document per
statement and language, query.py parses a query and ranks, highlight.py makes snippets, and
backends/ holds the one thing each database does differently: the full-text match.
"""
