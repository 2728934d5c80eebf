"""Search for 100,000 statements: the index's generation token, and on PostgreSQL two helpers.

- SearchIndexState: the token that tells each process its in-memory copy of the documents' filter
  columns (archive/search/table.py) is out of date, and on PostgreSQL which documents the
  postings below cover.
- PostgreSQL: a tsvector of the title alone, with its own GIN index, to find title matches
  without reading every body (SQLite's FTS5 filters by column instead); and
  archive_searchposting: for each lexeme in many documents, their ids packed as 4-byte integers,
  written by rebuild_search_index (see backends/postgresql.py for why).
"""

from django.db import migrations, models

POSTGRESQL_CREATE = [
    """ALTER TABLE archive_searchdocument ADD COLUMN title_vector tsvector
    GENERATED ALWAYS AS (archive_search_vector(title_tokens, '')) STORED""",
    "CREATE INDEX archive_search_title_vector_gin ON archive_searchdocument USING gin (title_vector)",
    "CREATE TABLE archive_searchposting (lexeme text PRIMARY KEY, document_ids bytea NOT NULL)",
]
POSTGRESQL_DROP = [
    "DROP TABLE IF EXISTS archive_searchposting",
    "DROP INDEX IF EXISTS archive_search_title_vector_gin",
    "ALTER TABLE archive_searchdocument DROP COLUMN IF EXISTS title_vector",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for sql in statements:
                schema_editor.execute(sql, params=None)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("archive", "0005_text_without_control_characters"),
    ]

    operations = [
        migrations.CreateModel(
            name="SearchIndexState",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("generation", models.CharField(max_length=32)),
                ("postings_through", models.BigIntegerField(null=True)),
            ],
            options={
                "verbose_name": "search index state",
            },
        ),
        migrations.RunPython(_run(POSTGRESQL_CREATE), _run(POSTGRESQL_DROP)),
    ]
