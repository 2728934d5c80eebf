from django.core.management.base import BaseCommand

from archive.search.index import search_index_rebuild, stale_document_count


class Command(BaseCommand):
    help = (
        "Rebuild the search index from the published statements: after loaddata or "
        "queryset.update() (which send no signals), or when the analyser has changed."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-stale",
            action="store_true",
            help="Only if some documents come from another analyser version.",
        )

    def handle(self, *args, if_stale=False, **options):
        if if_stale and not stale_document_count():
            self.stdout.write("The search index is up to date.")
            return
        written = search_index_rebuild()
        self.stdout.write(f"{written} search documents written.")
