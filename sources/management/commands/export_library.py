"""Write the whole library to standard output as BibTeX, RIS, CSL-JSON or formatted text."""

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from sources.cite.exports import FORMATS
from sources.cite.styles import CSL_LOCALES, DEFAULT_STYLE, STYLES
from sources.models import Source

# Sources are read this many at a time (two queries each time), so memory stays flat.
CHUNK = 1000


class Command(BaseCommand):
    help = (
        "Export every source to standard output: bibtex, ris or csljson for reference "
        "managers, or text, the formatted bibliography in a citation style."
    )

    def add_arguments(self, parser):
        parser.add_argument("--format", required=True, choices=list(FORMATS))
        parser.add_argument(
            "--style",
            default=DEFAULT_STYLE.id,
            help=f"CSL style id for --format text (default {DEFAULT_STYLE.id}).",
        )
        parser.add_argument("--lang", default="en", choices=list(CSL_LOCALES))

    def handle(self, *args, format, style, lang, **options):
        if style not in STYLES:
            raise CommandError(
                f"Unknown citation style “{style}”. Choose one of: {', '.join(STYLES)}."
            )
        sources = Source.objects.with_creators().by_first_author()
        if format != "text":
            # The text format sorts the whole bibliography at once; the others stream.
            sources = sources.iterator(chunk_size=CHUNK)
        with translation.override(lang):
            for chunk in FORMATS[format].write(sources, style_id=style, lang=lang):
                self.stdout.write(chunk, ending="")
