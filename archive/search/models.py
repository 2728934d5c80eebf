"""What the search index stores: one document per published statement and language."""

from django.db import models
from django.utils.translation import gettext_lazy as _

# A term is a word or a short phrase; longer ones are an editor's slip.
MAX_TERM_LENGTH = 60


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


class SearchWord(models.Model):
    """The archive's vocabulary: each word as written (folded), with the token the index stores
    for it in its language. Prefix searches (`innovat*`) look up the words, then search their
    tokens, since a stem (innov) need not begin with what a reader types; "did you mean" picks
    from these words. Written beside the documents; kept until the next rebuild even when the
    last statement using a word goes, which costs a search that finds nothing more."""

    language = models.CharField(max_length=10)
    word = models.CharField(max_length=60)  # folded: lower case, accents removed
    written = models.CharField(max_length=60)  # lower case, accents kept, for suggestions
    token = models.CharField(max_length=60)

    class Meta:
        verbose_name = "search word"
        constraints = [models.UniqueConstraint(fields=["language", "word"], name="search_word_unique")]

    def __str__(self):
        return f"{self.word} ({self.language})"


class ConceptGroup(models.Model):
    """Terms that name one concept, in the three languages: a search for any of them also looks
    for the others, at query time (so an editor's change applies to the next search), ranked
    below the statements that have the words as typed."""

    key = models.SlugField(
        _("key"), max_length=80, unique=True, help_text=_("A short name for this group, used by the loader.")
    )
    terms_en = models.TextField(_("English terms"), blank=True, help_text=_("One term per line."))
    terms_fr = models.TextField(_("French terms"), blank=True, help_text=_("One term per line."))
    terms_zh_hans = models.TextField(_("Chinese terms"), blank=True, help_text=_("One term per line."))
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("concept group")
        verbose_name_plural = _("concept groups")
        ordering = ["key"]

    def __str__(self):
        return self.key

    def terms(self):
        """[(language, term)] in the order the editor wrote them, blank lines left out."""
        return [
            (language, line.strip())
            for language, text in (
                ("en", self.terms_en),
                ("fr", self.terms_fr),
                ("zh-hans", self.terms_zh_hans),
            )
            for line in (text or "").splitlines()
            if line.strip()
        ]

    def clean(self):
        from django.core.exceptions import ValidationError

        if len(self.terms()) < 2:
            raise ValidationError(_("A concept group needs at least two terms."))
        too_long = [term for _language, term in self.terms() if len(term) > MAX_TERM_LENGTH]
        if too_long:
            raise ValidationError(
                _("Terms must be at most %(length)d characters: %(terms)s"),
                params={"length": MAX_TERM_LENGTH, "terms": ", ".join(too_long)},
            )
