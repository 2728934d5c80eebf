"""Apply the typography rules (archive/editorial/typography.py) to the content files and catalogues.

Idempotent: a second run changes nothing. Run it after editing texts and after merging."""

from django.core.management.base import BaseCommand, CommandError

from archive.editorial.texts import rewrite_catalogues, rewrite_content
from archive.editorial.typography import typeset


class Command(BaseCommand):
    help = (
        "Typeset the content files and the interface catalogues (French spaces, Chinese punctuation, dates)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--check", action="store_true", help="change nothing; exit 1 if a file would change"
        )

    def handle(self, *args, check=False, **options):
        if check:
            from archive.editorial.texts import all_texts

            pending = [text.where for text in all_texts() if typeset(text) != text.value]
            if pending:
                raise CommandError("typography to fix (run manage.py typeset) in:\n" + "\n".join(pending))
            self.stdout.write("typeset: nothing to change")
            return
        changed = rewrite_content(typeset) + rewrite_catalogues(typeset)
        self.stdout.write("typeset: " + (", ".join(changed) if changed else "nothing to change"))
