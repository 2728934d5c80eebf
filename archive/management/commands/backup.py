from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from archive.ops.backup import BackupError, backup, default_path


class Command(BaseCommand):
    help = (
        "Write a consistent copy of the whole database (SQLite: its backup API, safe while the site "
        "runs; PostgreSQL: pg_dump's custom format). Restore it with `manage.py restore FILE`."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "path", nargs="?", help="Where to write it (default: var/backups/archive-<time>.*)."
        )

    def handle(self, *args, path=None, **options):
        try:
            written = backup(path or default_path(settings.BASE_DIR / "var" / "backups"))
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(str(written))
