from django.core.management.base import BaseCommand

from sources.search.indexing import rebuild


class Command(BaseCommand):
    help = (
        "Rebuild the search index of every concept, case, source and person, with its "
        "vocabulary for typo correction: after bulk writes that bypass saving, or a restore."
    )

    def handle(self, *args, **options):
        counts = rebuild()
        for kind, count in counts.items():
            self.stdout.write(f"{kind}: {count} document(s)")
        self.stdout.write(f"total: {sum(counts.values())} document(s) indexed")
