from django.core.management.base import BaseCommand, CommandError

from archive.ops.backup import BackupError, restore


class Command(BaseCommand):
    help = (
        "Replace the database's content with a backup made by `manage.py backup`, then renew the "
        "page cache and check the search index (rebuilt if it does not match)."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="The backup file.")
        parser.add_argument("--yes", action="store_true", help="Do not ask for confirmation.")

    def handle(self, *args, path, yes=False, **options):
        if not yes:
            answer = input("Every change since that backup will be lost. Type 'yes' to restore: ")
            if answer.strip().lower() != "yes":
                raise CommandError("Restore cancelled.")
        try:
            problems = restore(path)
        except BackupError as error:
            raise CommandError(str(error)) from error
        if problems:
            self.stdout.write(f"Search index rebuilt ({'; '.join(problems)}).")
        self.stdout.write("Restored; the page cache is renewed and the search index is up to date.")
