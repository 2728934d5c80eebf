from django.core.management.base import BaseCommand

from archive.data.services import dataset_build


class Command(BaseCommand):
    help = (
        "Rebuild the downloadable dataset (/<lang>/data/) from the published archive. Saves rebuild it "
        "by themselves; run this after loaddata or a queryset.update(), which send no signals."
    )

    def handle(self, *args, **options):
        files = dataset_build()
        if options["verbosity"] < 1:
            return
        for file in files:
            self.stdout.write(f"{file.name}\t{file.size}\t{file.sha256}")
        self.stdout.write(self.style.SUCCESS(f"Dataset version {files[0].version}: {len(files)} files."))
