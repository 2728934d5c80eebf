"""Building the dataset and keeping it current: once per transaction that changed content."""

import logging

from django.db import IntegrityError, transaction
from django.dispatch import receiver
from django.utils import timezone

from ..caching import content_changed
from . import package
from .models import DatasetFile

logger = logging.getLogger(__name__)


def dataset_build() -> list[DatasetFile]:
    """Build every file from the published archive and store them, replacing the previous set."""
    now = timezone.now()
    files = package.build(now=now)
    version = package.version_of(now)
    rows = [
        DatasetFile(
            name=file.name,
            content=file.content,
            media_type=file.media_type,
            sha256=file.sha256,
            size=len(file.content),
            version=version,
            built_at=now,
        )
        for file in files
    ]
    with transaction.atomic():
        DatasetFile.objects.all().delete()
        DatasetFile.objects.bulk_create(rows)
    return rows


def dataset_files():
    """The current files, without their content; built first if there are none yet (a new database)."""
    files = list(DatasetFile.objects.defer("content"))
    if not files:
        try:
            dataset_build()
        except IntegrityError:  # another process built it at the same moment: theirs will do
            pass
        files = list(DatasetFile.objects.defer("content"))
    return files


def _rebuild_after_commit():
    try:
        dataset_build()
    except IntegrityError:
        # Two commits rebuilding at once: the other one's files went in first, and may have been
        # built before this commit's change; build again from what is committed now.
        dataset_build()


@receiver(content_changed, dispatch_uid="data_content_changed")
def _content_changed(**kwargs):
    """Rebuild once, when the transaction that changed content commits (not for each saved row)."""
    connection = transaction.get_connection()
    if any(func is _rebuild_after_commit for _sids, func, _robust in connection.run_on_commit):
        return
    # robust: a failure to rebuild is logged and never undoes or breaks the editor's save.
    transaction.on_commit(_rebuild_after_commit, robust=True)
