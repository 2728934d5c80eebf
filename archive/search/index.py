"""Keeping the index in step with the statements: one document per published statement and language.

Drafts have no documents, so a search can never return one. Every write goes through
`statement_index`, called from the signals in signals.py inside the transaction of the save,
publish, unpublish or delete that caused it; `search_index_rebuild` redoes everything (after
loaddata or queryset.update(), which send no signals, or after the analyser changed).
"""

from django.db import connection, transaction

from ..batching import after_batch
from ..models import Statement, field_suffix
from . import backends, table
from .analysis import ANALYSER_VERSION, LANGUAGES, index_tokens, written_words
from .models import SearchDocument, SearchWord


def statement_documents(statement):
    """Unsaved documents for a statement, one per language it has text in."""
    documents = []
    for language in LANGUAGES:
        suffix = field_suffix(language)
        title = getattr(statement, f"title_{suffix}") or ""
        body = "\n\n".join(
            part
            for part in (getattr(statement, f"{name}_{suffix}") or "" for name in ("summary", "text"))
            if part
        )
        if not title.strip() and not body.strip():
            continue
        documents.append(
            SearchDocument(
                statement_id=statement.pk,
                language=language,
                date=statement.date,
                kind=statement.kind,
                session_id=statement.session_id,
                title_tokens=index_tokens(title, language),
                body_tokens=index_tokens(body, language),
                analyser_version=ANALYSER_VERSION,
            )
        )
    return documents


def statement_words(statement, into=None):
    """{(language, folded word): (written, token)} of a statement's texts, for the vocabulary."""
    words = {} if into is None else into
    for language in LANGUAGES:
        suffix = field_suffix(language)
        for name in ("title", "summary", "text"):
            for word, entry in written_words(getattr(statement, f"{name}_{suffix}") or "", language).items():
                words.setdefault((language, word), entry)
    return words


def _words_save(words):
    SearchWord.objects.bulk_create(
        [
            SearchWord(language=language, word=word, written=written[:60], token=token)
            for (language, word), (written, token) in words.items()
        ],
        batch_size=500,
        ignore_conflicts=True,
    )


def statement_index(*, statement) -> None:
    """Rewrite one statement's documents (or remove them: drafts are not searchable), and add
    its new words to the vocabulary. In a batch of changes (an import), once at its end."""
    after_batch("search-statements", _statements_index, item=statement)


def _statements_index(statements) -> None:
    """Mark the index changed (once) and rewrite these statements' documents."""
    latest = {statement.pk: statement for statement in statements}  # a statement saved twice: as last saved
    with transaction.atomic():
        table.generation_bump()
        if latest:
            SearchDocument.objects.filter(statement_id__in=list(latest)).delete()
        documents, words = [], {}
        for statement in latest.values():
            if statement.is_public:
                documents += statement_documents(statement)
                statement_words(statement, into=words)
        if documents:
            SearchDocument.objects.bulk_create(documents, batch_size=500)
            _words_save(words)


def statement_topics_changed() -> None:
    """Topics are read from the statement-topic links when a search reloads (table.py): a
    change to them only has to mark the index changed."""
    after_batch("search-statements", _statements_index)


def search_index_rebuild(*, batch_size=1000, progress=None) -> int:
    """Recreate every document from the published statements; returns how many were written."""
    written = 0
    backend = backends.for_connection(connection)
    with transaction.atomic():
        backend.rebuild_begin(connection)
        table.generation_bump()
        SearchDocument.objects.all().delete()
        SearchWord.objects.all().delete()
        statements = Statement.objects.published().order_by("pk")
        last_pk = 0
        words = {}
        while True:
            batch = list(statements.filter(pk__gt=last_pk)[:batch_size])
            if not batch:
                break
            last_pk = batch[-1].pk
            documents = []
            for statement in batch:
                documents += statement_documents(statement)
                statement_words(statement, into=words)
            SearchDocument.objects.bulk_create(documents, batch_size=500)
            written += len(documents)
            if progress:
                progress(written)
        _words_save(words)
        backend.rebuild_end(connection)
    backend.optimise(connection)
    return written


def stale_document_count() -> int:
    """Documents written by another version of the analyser: the index needs rebuilding."""
    return SearchDocument.objects.exclude(analyser_version=ANALYSER_VERSION).count()


def index_problems() -> list[str]:
    """Why the index does not match the published statements (empty when it does); for /healthz."""
    problems = []
    if stale_document_count():
        problems.append("documents from another analyser version")
    published = Statement.objects.published()
    if published.filter(search_documents__isnull=True).exists():
        problems.append("published statements missing")
    if SearchDocument.objects.exclude(statement__in=published).exists():
        problems.append("documents of unpublished statements")
    return problems
