"""python manage.py dump_knowledge_base [--output FILE] [--base-url URL]"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from config.api.dump import chunks, filename
from config.api.links import Links


class Command(BaseCommand):
    help = (
        "Write the whole public knowledge base as one JSON document (the same as "
        "/api/v1/dump.json; see docs/api.md)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            "-o",
            help=f"The file to write ('-' for standard output). Default: {filename()} here.",
        )
        parser.add_argument(
            "--base-url",
            default=settings.SITE_URL,
            help="Scheme and host that the URLs in the dump start with, e.g. "
            "https://iratlas.example.org (default: the SITE_URL setting).",
        )

    def handle(self, *args, output=None, base_url="", **options):
        if not base_url.startswith(("http://", "https://")):
            raise CommandError(
                "Give --base-url (or set SITE_URL) as http(s)://host, the address of the site."
            )
        links = Links(base_url)
        if output == "-":
            for piece in chunks(links):
                self.stdout.write(piece, ending="")
            return
        path = Path(output or filename())
        # Written beside the target and moved into place, so a failed dump leaves no half file.
        partial = path.with_name(path.name + ".part")
        try:
            with partial.open("w", encoding="utf-8") as out:
                for piece in chunks(links):
                    out.write(piece)
            partial.replace(path)
        except OSError as exc:
            partial.unlink(missing_ok=True)
            raise CommandError(f"Cannot write {path}: {exc.strerror}") from None
        self.stdout.write(self.style.SUCCESS(f"Wrote {path}"))
