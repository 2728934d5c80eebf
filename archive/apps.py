from django.apps import AppConfig


class ArchiveConfig(AppConfig):
    name = "archive"

    def ready(self):
        # Keeps the search index in step with every save, publish, unpublish and delete.
        from .search import checks, signals  # noqa: F401
