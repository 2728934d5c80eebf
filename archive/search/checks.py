"""Warn when the index was built by another version of the analyser (`migrate` and `check --database`)."""

from django.core.checks import Tags, Warning, register
from django.db import DatabaseError


@register(Tags.database)
def search_index_current(app_configs, databases=None, **kwargs):
    if not databases:
        return []
    from .index import stale_document_count

    try:
        stale = stale_document_count()
    except DatabaseError:
        return []  # not migrated yet
    if not stale:
        return []
    return [
        Warning(
            f"{stale} search documents were made by another version of the analyser.",
            hint="Run `manage.py rebuild_search_index`.",
            id="archive.W001",
        )
    ]
