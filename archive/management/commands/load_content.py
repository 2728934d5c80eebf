from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from archive.content import ContentError
from archive.services import content_load


class Command(BaseCommand):
    help = (
        "Load the archive's content files. Safe to run again: "
        "it never duplicates anything or overwrites an editor's change."
    )

    def add_arguments(self, parser):
        parser.add_argument("--directory", default=str(settings.CONTENT_DIR), help="Content folder to load.")

    def handle(self, *args, directory, **options):
        try:
            report = content_load(directory=directory)
        except ContentError as error:
            raise CommandError(f"The content was not loaded, nothing was changed: {error}") from None
        self.stdout.write(report.summary())
        for key in report.kept_for_editor:
            self.stdout.write(f"  kept as an editor left it: {key}")
