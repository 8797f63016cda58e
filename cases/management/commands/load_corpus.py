from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from cases.corpus import CorpusError, load_corpus


class Command(BaseCommand):
    help = (
        "Load people, sources, tags, concepts, actors and cases from the YAML files in corpus/. "
        "Idempotent; objects edited in the admin since they were loaded are left alone."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--path",
            type=Path,
            default=Path(settings.BASE_DIR) / "corpus",
            help="Folder holding the corpus files (default: corpus/ in the project).",
        )
        parser.add_argument(
            "--overwrite",
            action="store_true",
            help="Write the files' values even over objects changed or created in the admin.",
        )

    def handle(self, *args, path: Path, overwrite: bool, **options):
        if not path.is_dir():
            raise CommandError(f"{path} is not a folder of corpus files")
        try:
            report = load_corpus(path=path, overwrite=overwrite)
        except CorpusError as exc:
            raise CommandError(f"{exc} (nothing was loaded)") from exc
        self.stdout.write(str(report))
