"""python manage.py import_sources FILE [--dry-run] [--format bibtex|ris|csljson]"""

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from tqdm import tqdm

from sources.cite.imports import FORMATS, UnreadableFile, decode, parse
from sources.cite.imports.service import ImportFailed, Status, import_entries


class Command(BaseCommand):
    help = "Import sources from a BibTeX, RIS or CSL-JSON file, skipping duplicates."

    def add_arguments(self, parser):
        parser.add_argument("file", help="The file to import.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would be imported; write nothing."
        )
        parser.add_argument(
            "--format",
            dest="fmt",
            choices=["auto", *FORMATS],
            default="auto",
            help="The file's format (default: tell from its content).",
        )

    def handle(self, *args, **options):
        # The command's own messages are English; the importer's warnings follow them.
        with translation.override("en"):
            self._import(options["file"], options["dry_run"], options["fmt"], options["verbosity"])

    def _import(self, file, dry_run, fmt, verbosity):
        started = time.perf_counter()
        try:
            data = Path(file).read_bytes()
        except OSError as exc:
            raise CommandError(f"Cannot read {file}: {exc.strerror or exc}") from None
        text, file_warnings = decode(data)
        try:
            parsed = parse(text, fmt)
        except UnreadableFile as exc:
            raise CommandError(f"{file}: {exc}") from None
        read = time.perf_counter() - started

        # tqdm writes to the real stderr stream: Django's wrapper adds a newline per write.
        bar = tqdm(
            total=len(parsed.entries),
            desc="Checking",
            unit=" entries",
            file=getattr(self.stderr, "_out", self.stderr),
            disable=verbosity == 0,
            leave=False,
        )

        def progress(rows):
            for row in rows:
                yield row
                bar.update()

        try:
            result = import_entries(entries=parsed.entries, dry_run=dry_run, progress=progress)
        except ImportFailed as exc:
            raise CommandError(
                f"The database refused the import; nothing was written. {exc}"
            ) from exc
        finally:
            bar.close()
        elapsed = time.perf_counter() - started

        for warning in [*file_warnings, *parsed.warnings]:
            self.stderr.write(warning)
        self._report(result, verbosity)
        would = "Would create" if dry_run else "Created"
        self.stdout.write(
            f"{would} {result.created} sources and {len(result.new_people)} people; "
            f"{result.duplicates} duplicates skipped; {result.invalid} invalid "
            f"({len(parsed.entries)} {parsed.format} entries; read in {read:.2f} s, "
            f"total {elapsed:.2f} s)."
        )
        if dry_run:
            self.stdout.write("Dry run: nothing was written.")

    def _report(self, result, verbosity):
        for row in result.rows:
            entry = row.entry
            label = f"entry {entry.number}" + (f" ({entry.key})" if entry.key else "")
            if row.status == Status.INVALID:
                self.stdout.write(f"Invalid {label}: {row.reason}")
            elif row.status == Status.DUPLICATE and verbosity >= 2:
                self.stdout.write(f"Duplicate {label}: {row.reason}")
            if verbosity >= 2 and row.status != Status.INVALID:
                for warning in entry.warnings:
                    self.stdout.write(f"  {label}: {warning}")
