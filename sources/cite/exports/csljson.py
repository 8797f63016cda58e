"""Sources as a CSL-JSON array: the items of sources.cite.csl.to_csl, which every CSL processor
and reference manager (Zotero, Mendeley, Pandoc) reads."""

import json
from collections.abc import Iterable, Iterator

from sources.cite.csl import to_csl
from sources.models import Source


def write(sources: Iterable[Source], **_options) -> Iterator[str]:
    """A JSON array, one chunk per item, so a large library can be streamed (creators
    prefetched)."""
    yield "["
    for number, source in enumerate(sources):
        item = json.dumps(to_csl(source), ensure_ascii=False, indent=2)
        yield ("," if number else "") + "\n" + item
    yield "\n]\n"
