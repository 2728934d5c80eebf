from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from archive.content import ContentError, read_content
from archive.coverage import coverage_markdown

DOC = Path(settings.BASE_DIR) / "docs" / "coverage.md"


class Command(BaseCommand):
    help = "Write docs/coverage.md: each year's reported proposals against those the archive holds."

    def handle(self, *args, **options):
        try:
            text = coverage_markdown(read_content(settings.CONTENT_DIR))
        except ContentError as error:
            raise CommandError(str(error)) from None
        DOC.write_text(text, encoding="utf-8")
        self.stdout.write(f"Wrote {DOC.relative_to(settings.BASE_DIR)}")
