"""Search across the three languages, the same on SQLite and PostgreSQL.

analysis.py turns text into tokens (the only linguistics), index.py keeps one document per
statement and language (and the vocabulary of words as written), query.py parses a query and is
the one public entry (`search()`), expansion.py turns it into what is searched in each language
(spelling variants, Taiwan words, prefixes, concept groups, topics) from lexicon.py's in-memory
topic names, thesaurus and vocabulary, matches.py counts and orders the matching statements over
table.py's in-memory copy of the documents' filter columns, highlight.py makes snippets, and
backends/ holds the one thing each database does differently: which documents match.
evaluation.py measures relevance against the judged queries; concepts.py loads the thesaurus.
"""
