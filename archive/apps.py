from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArchiveConfig(AppConfig):
    name = "archive"
    verbose_name = _("Archive")

    def ready(self):
        from .caching import connect_signals

        # Renews the readers' cached pages on every change.
        connect_signals()
        # Keeps the search index in step with every save, publish, unpublish and delete.
        # Rebuilds the downloadable dataset once per transaction that changed content.
        from .data import services  # noqa: F401
        from .search import checks, signals  # noqa: F401
