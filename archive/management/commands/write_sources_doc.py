from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from archive.content import ContentError, read_content, sources_markdown

DOC = Path(settings.BASE_DIR) / "docs" / "sources.md"


class Command(BaseCommand):
    help = "Write docs/sources.md: every statement in the content files with its sources."

    def handle(self, *args, **options):
        try:
            text = sources_markdown(read_content(settings.CONTENT_DIR))
        except ContentError as error:
            raise CommandError(str(error)) from None
        DOC.write_text(text, encoding="utf-8")
        self.stdout.write(f"Wrote {DOC.relative_to(settings.BASE_DIR)}")
