"""Export sources for reference managers: BibTeX, RIS, CSL-JSON, and formatted plain text.

Each writer takes sources (creators prefetched with Source.objects.with_creators()) and yields
the file in chunks, so that the whole library can be streamed."""

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from sources.cite.exports import bibtex, csljson, ris, text


@dataclass(frozen=True)
class Format:
    id: str
    label: str
    write: Callable[..., Iterator[str]]  # write(sources, *, style_id=..., lang=...)
    extension: str
    content_type: str

    def render(self, sources: Iterable, **options) -> str:
        return "".join(self.write(sources, **options))


FORMATS = {
    fmt.id: fmt
    for fmt in (
        Format("bibtex", "BibTeX", bibtex.write, "bib", "application/x-bibtex; charset=utf-8"),
        Format(
            "ris", "RIS", ris.write, "ris", "application/x-research-info-systems; charset=utf-8"
        ),
        Format(
            "csljson",
            "CSL-JSON",
            csljson.write,
            "json",
            "application/vnd.citationstyles.csl+json; charset=utf-8",
        ),
        # Only the text format depends on the citation style and the language.
        Format("text", "Text", text.write, "txt", "text/plain; charset=utf-8"),
    )
}
# The formats offered for download on the site; `text` is for export_library.
FILE_FORMATS = tuple(FORMATS[fmt] for fmt in ("bibtex", "ris", "csljson"))
