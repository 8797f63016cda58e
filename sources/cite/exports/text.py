"""Sources as a formatted bibliography in plain text: one reference a line, in the order the
citation style sorts them (the `text` format of export_library)."""

from collections.abc import Iterable, Iterator

from sources.cite.engine import Processor
from sources.cite.exports._fields import one_line
from sources.cite.styles import DEFAULT_STYLE
from sources.models import Source


def write(
    sources: Iterable[Source], *, style_id: str = DEFAULT_STYLE.id, lang: str = "en"
) -> Iterator[str]:
    processor = Processor(style_id, lang)
    processor.register(sources)
    for entry in processor.bibliography():
        yield one_line(entry.text) + "\n"
