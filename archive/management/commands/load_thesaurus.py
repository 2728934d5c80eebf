from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from archive.search.concepts import ThesaurusError, thesaurus_load


class Command(BaseCommand):
    help = (
        "Load the starting search thesaurus (concept groups). Safe to run again: "
        "it only creates the groups that are missing and never changes an editor's."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--file", default=str(settings.CONTENT_DIR / "thesaurus.json"), help="Thesaurus file to load."
        )

    def handle(self, *args, file, **options):
        try:
            report = thesaurus_load(path=file)
        except ThesaurusError as error:
            raise CommandError(f"The thesaurus was not loaded, nothing was changed: {error}") from None
        self.stdout.write(report.summary())
