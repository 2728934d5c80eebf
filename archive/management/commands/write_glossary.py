"""Write docs/glossary.md from docs/glossary.json."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from archive.editorial.glossary import markdown


class Command(BaseCommand):
    help = "Write docs/glossary.md from docs/glossary.json."

    def handle(self, *args, **options):
        target = Path(settings.BASE_DIR) / "docs" / "glossary.md"
        target.write_text(markdown(), encoding="utf-8")
        self.stdout.write(f"wrote {target}")
