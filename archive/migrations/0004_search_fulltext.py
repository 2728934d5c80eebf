"""The full-text part of the search index, which differs by database; no extension is needed.

SQLite: an FTS5 table over the documents' token columns, kept in step by triggers. The tokens are
finished (archive/search/analysis.py), so the `ascii` tokenizer only splits on the spaces between
them; `_` is a token character because it marks the gap before jieba's sub-words.

PostgreSQL: a generated tsvector column with a GIN index. The vector is built from the token
strings without the text-search parser, so PostgreSQL sees exactly the tokens SQLite sees; body
positions start after a gap, so a phrase never runs from the title into the body (as in FTS5,
where they are separate columns).
"""

from django.db import migrations

SQLITE_CREATE = [
    """CREATE VIRTUAL TABLE archive_search_fts USING fts5(
        title_tokens, body_tokens,
        content='archive_searchdocument', content_rowid='id',
        tokenize="ascii tokenchars '_'"
    )""",
    """CREATE TRIGGER archive_search_fts_insert AFTER INSERT ON archive_searchdocument BEGIN
        INSERT INTO archive_search_fts(rowid, title_tokens, body_tokens)
        VALUES (new.id, new.title_tokens, new.body_tokens);
    END""",
    """CREATE TRIGGER archive_search_fts_delete AFTER DELETE ON archive_searchdocument BEGIN
        INSERT INTO archive_search_fts(archive_search_fts, rowid, title_tokens, body_tokens)
        VALUES ('delete', old.id, old.title_tokens, old.body_tokens);
    END""",
    """CREATE TRIGGER archive_search_fts_update AFTER UPDATE OF title_tokens, body_tokens
    ON archive_searchdocument BEGIN
        INSERT INTO archive_search_fts(archive_search_fts, rowid, title_tokens, body_tokens)
        VALUES ('delete', old.id, old.title_tokens, old.body_tokens);
        INSERT INTO archive_search_fts(rowid, title_tokens, body_tokens)
        VALUES (new.id, new.title_tokens, new.body_tokens);
    END""",
    "INSERT INTO archive_search_fts(archive_search_fts) VALUES ('rebuild')",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS archive_search_fts_insert",
    "DROP TRIGGER IF EXISTS archive_search_fts_delete",
    "DROP TRIGGER IF EXISTS archive_search_fts_update",
    "DROP TABLE IF EXISTS archive_search_fts",
]

POSTGRESQL_CREATE = [
    # 16383 is the highest position a tsvector keeps.
    r"""CREATE FUNCTION archive_search_vector(title text, body text) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT coalesce(string_agg(
            '''' || replace(replace(token, '\', '\\'), '''', '''''') || ''':' || least(position, 16383)::text,
            ' '), '')::tsvector
        FROM (
            SELECT t.token, t.n AS position
            FROM unnest(string_to_array(coalesce(title, ''), ' ')) WITH ORDINALITY AS t(token, n)
            WHERE t.token <> ''
            UNION ALL
            SELECT b.token, b.n + 1 + coalesce(array_length(string_to_array(coalesce(title, ''), ' '), 1), 0)
            FROM unnest(string_to_array(coalesce(body, ''), ' ')) WITH ORDINALITY AS b(token, n)
            WHERE b.token <> ''
        ) AS tokens
    $$""",
    """ALTER TABLE archive_searchdocument ADD COLUMN vector tsvector
    GENERATED ALWAYS AS (archive_search_vector(title_tokens, body_tokens)) STORED""",
    "CREATE INDEX archive_search_vector_gin ON archive_searchdocument USING gin (vector)",
]
POSTGRESQL_DROP = [
    "DROP INDEX IF EXISTS archive_search_vector_gin",
    "ALTER TABLE archive_searchdocument DROP COLUMN IF EXISTS vector",
    "DROP FUNCTION IF EXISTS archive_search_vector(text, text)",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for sql in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql, params=None)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("archive", "0003_search_document"),
    ]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_CREATE, "postgresql": POSTGRESQL_CREATE}),
            _run({"sqlite": SQLITE_DROP, "postgresql": POSTGRESQL_DROP}),
        ),
    ]
