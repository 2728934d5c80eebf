"""What the search index stores: one document per published statement and language."""

from django.db import models


class SearchDocument(models.Model):
    """A statement's tokens in one language, with what the filters need copied beside them.

    The tokens come from archive.search.analysis; the database only matches them: an FTS5 table
    over these columns on SQLite, generated tsvector columns on PostgreSQL (made by migrations
    0004 and 0006, see backends/). Date, kind and session are copied here so that every
    process can hold what the filters need in memory (table.py, which takes topics from the
    statement-topic links).
    """

    statement = models.ForeignKey(
        "archive.Statement", on_delete=models.CASCADE, related_name="search_documents"
    )
    language = models.CharField(max_length=10)
    date = models.DateField()
    kind = models.CharField(max_length=20)
    session = models.ForeignKey("archive.Session", on_delete=models.CASCADE, null=True, related_name="+")
    title_tokens = models.TextField(blank=True)
    body_tokens = models.TextField(blank=True)
    analyser_version = models.CharField(max_length=40)

    class Meta:
        verbose_name = "search document"
        constraints = [
            models.UniqueConstraint(fields=["statement", "language"], name="search_document_unique_language")
        ]

    def __str__(self):
        return f"{self.statement_id} ({self.language})"


class SearchIndexState(models.Model):
    """One row: a token rewritten by every write to the index, in the writer's transaction.

    Each process keeps the documents' filter columns in memory (search/table.py) and reloads them
    when this token differs from the one they were read under. A random token, not a counter, so
    that a rolled-back write can never be mistaken for a later one.
    """

    generation = models.CharField(max_length=32)
    # PostgreSQL: the highest document id the postings table covers (None: no postings).
    postings_through = models.BigIntegerField(null=True)

    class Meta:
        verbose_name = "search index state"

    def __str__(self):
        return self.generation
