from django.core.management.base import BaseCommand

from sources.cite.index import reindex


class Command(BaseCommand):
    help = (
        "Rebuild the citation index of every Markdown text (concept and case bodies, "
        "definitions, analyses, event descriptions): for existing data and after bulk imports."
    )

    def handle(self, *args, **options):
        written = reindex()
        for label, count in written.items():
            self.stdout.write(f"{label}: {count} citation(s)")
        self.stdout.write(f"total: {sum(written.values())} citation(s) indexed")
