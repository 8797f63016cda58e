"""Everything a page cites, rendered together: its Markdown texts with in-text citations in the
reader's style, each linked to the page's reference list with the full reference as a tooltip,
the notes of a note style, and the reference list itself.

Give `PageCitations` every text the page shows in document order (`add`, `add_record`); the
first time anything is read it resolves all citation keys in one query, registers the sources
in order of first citation (numeric styles number them so) and renders every text.
"""

import dataclasses
import hashlib
import json
import logging
import re
from dataclasses import dataclass
from functools import cached_property

from django.core.cache import cache
from django.utils.html import format_html, strip_tags
from django.utils.safestring import SafeData, SafeString, mark_safe
from django.utils.translation import gettext

from sources.cite import markup
from sources.cite.csl import to_csl
from sources.cite.engine import CACHE_SECONDS, ENGINE_VERSION, CiteItem, Processor
from sources.cite.entries import clean, language, link_title, linkify
from sources.cite.scripts import mark_other_script
from sources.cite.styles import Style, get_style
from sources.i18n import HTML_LANG, Translated
from sources.models import Source

log = logging.getLogger(__name__)

# Bump when the HTML this module produces changes, so that cached pages are rendered again.
PAGE_VERSION = 2

# Private-use characters that travel through the CSL processor in each item's prefix and
# suffix, marking where one cited work's text starts and ends inside a formatted citation.
OPEN, CLOSE, END = "\ue000", "\ue001", "\ue002"
_MARKED = re.compile(f"{OPEN}(\\d+){END}(.*?){CLOSE}\\1{END}", re.DOTALL)
_MARKER = re.compile(f"[{OPEN}{CLOSE}]\\d+{END}")
_SPACE_AFTER_OPEN = re.compile(f"({OPEN}\\d+{END})(\\s+)")
_SPACE_BEFORE_CLOSE = re.compile(f"(\\s+)({CLOSE}\\d+{END})")

# How citeproc-js spaces a prefix (“see”) and a suffix (“emphasis added”) from the cite; the
# markers would hide the seam from the processor, so the spacing is done before them.
_PREFIX_NEEDS_SPACE = re.compile(r"[\w.:;!?)\],]$")
_SUFFIX_NEEDS_SPACE = re.compile(r"^[^\W\d_]|^[\[(]")
# Where a record's own citation goes: at the end of its text's last paragraph.
_LAST_PARAGRAPH = re.compile(r"</p>\s*$")


@dataclass(frozen=True)
class Reference:
    """One entry of the page's reference list."""

    key: str
    html: SafeString
    source: Source

    @property
    def lang(self) -> str:
        return language(self.source)


@dataclass(frozen=True)
class Note:
    """One footnote of a note style: its number and its text."""

    number: int
    html: SafeString


class Passage(SafeData):
    """One text of the page: reads like the `Translated` it came from (language, fallback)
    and renders as its HTML with citations, once the whole page is known."""

    def __init__(self, page: "PageCitations", text: str, record=None):
        self.page = page
        self.text = text
        self.clusters = markup.clusters(text) if text else []
        # The record's own citation (its source and pinpoint), after the text's.
        self.record = record
        if record is not None:
            self.clusters.append(record)
        self.lang = getattr(text, "lang", page.lang)
        self.is_fallback = getattr(text, "is_fallback", False)
        self.rendered = None

    @property
    def html_lang(self) -> str:
        return HTML_LANG.get(self.lang, self.lang)

    @property
    def html(self) -> SafeString:
        self.page.render()
        return self.rendered

    def __html__(self):
        return self.html

    def __str__(self):
        return self.html

    def __bool__(self):
        return bool(self.text) or self.record is not None


class PageCitations:
    """The citations of one page, in one style and interface language."""

    def __init__(self, style: Style | str, lang: str):
        self.style = get_style(style) if isinstance(style, str) else style
        self.lang = lang
        self.passages: list[Passage] = []
        self.known: dict[str, Source] = {}  # sources the page's records already loaded
        self._notes: list[Note] = []
        self.tips = 0
        self.noted: set[str] = set()  # works a note has cited so far
        self.done = False

    def add(self, text: str, record=None) -> Passage:
        """A Markdown text shown on the page, in document order; with a `record` (an analysis),
        the record's own citation closes the text's last paragraph."""
        passage = Passage(self, text, self._record_cluster(record))
        self.passages.append(passage)
        return passage

    def add_record(self, record) -> Passage:
        """A record's own citation alone (a definition's or an event's source and pinpoint);
        empty when the record cites nothing."""
        return self.add("", record)

    def _record_cluster(self, record):
        if record is None or record.source is None:
            return None
        # The record brought its source, creators included: no need to look it up.
        source = record.source
        self.known.setdefault(source.citation_key, source)
        item = CiteItem(source.citation_key, record.locator, record.locator_label)
        return markup.Cluster((item,))

    # Resolving and registering

    @cached_property
    def keys(self) -> list[str]:
        """Every key cited, in order of first citation."""
        seen = {}
        for passage in self.passages:
            for cluster in passage.clusters:
                for item in cluster.items:
                    seen.setdefault(item.key.lower(), None)
        return list(seen)

    @cached_property
    def sources(self) -> dict[str, Source]:
        """The cited sources by key, in order of first citation: one query (with creators)
        for those the records did not bring, none when they brought them all."""
        wanted = [key for key in self.keys if key not in self.known]
        found = dict(self.known)
        if wanted:
            for source in Source.objects.with_creators().filter(citation_key__in=wanted):
                found[source.citation_key] = source
        for key in wanted:
            if key not in found:
                # Text saved before keys were validated, or a source deleted since.
                log.warning("Unknown citation key %r on a page", key)
        return {key: found[key] for key in self.keys if key in found}

    @cached_property
    def processor(self) -> Processor:
        processor = Processor(self.style.id, self.lang)
        processor.register(self.sources.values())
        return processor

    @cached_property
    def entries(self) -> dict[str, SafeString]:
        return {entry.key: entry.html for entry in self.processor.bibliography()}

    @property
    def references(self) -> list[Reference]:
        """The reference list: every cited work once, in the style's order, title linked to
        the source's own page, with runs in the other script marked against the entry's `lang`
        (the work's language: “(Eds.)” in a Chinese entry, a Chinese title in an English one)."""
        self.render()
        return [
            Reference(key, self._marked(link_title(html, source), language(source)), source)
            for key, html in self.entries.items()
            if (source := self.sources.get(key)) is not None
        ]

    @property
    def notes(self) -> list[Note]:
        """The notes of a note style, numbered in document order (empty for other styles)."""
        self.render()
        return self._notes

    def _marked(self, html, lang: str = "") -> SafeString:
        """`html` (cleaned) with runs of the other script in their own `lang`, against the
        language of the element it sits in: `lang`, or the page's when that is unknown."""
        return mark_other_script(html, lang or self.lang)

    # Rendering

    def render(self) -> None:
        """Render every passage in document order (notes are numbered in that order), or take
        the page's rendering from the cache when neither its texts nor its sources changed."""
        if self.done:
            return
        self.done = True
        key = self._cache_key()
        cached = cache.get(key)
        if cached is not None:
            for passage, html in zip(self.passages, cached["passages"], strict=True):
                passage.rendered = mark_safe(html)
            self._notes = [Note(n, mark_safe(html)) for n, html in cached["notes"]]
            self.__dict__["entries"] = {k: mark_safe(html) for k, html in cached["entries"]}
            return
        self._render()
        cache.set(
            key,
            {
                "passages": [str(passage.rendered) for passage in self.passages],
                "notes": [(note.number, str(note.html)) for note in self._notes],
                "entries": [(k, str(html)) for k, html in self.entries.items()],
            },
            CACHE_SECONDS,
        )

    def _cache_key(self) -> str:
        """Everything the rendering depends on: style, language, texts, records' citations and
        the cited works' data (CSL-JSON, so any edit to a source changes the key)."""
        data = [
            [self.style.id, self.lang],
            [[str(p.text), p.record and dataclasses.astuple(p.record)] for p in self.passages],
            [to_csl(source) for source in self.sources.values()],
        ]
        digest = hashlib.sha256(
            json.dumps(data, sort_keys=True, ensure_ascii=False, default=str).encode()
        ).hexdigest()[:32]
        return f"cite:page:{PAGE_VERSION}:{ENGINE_VERSION}:{digest}"

    def _render(self) -> None:
        for passage in self.passages:
            html = markup.render(passage.text, self.cite) if passage.text else ""
            if passage.record is not None:
                cited = self.cite(passage.record)
                closing = _LAST_PARAGRAPH.search(html)
                if closing:
                    html = f"{html[: closing.start()]} {cited}{html[closing.start() :]}"
                else:
                    html = f"{html}{cited}"
            passage.rendered = mark_safe(html)

    def cite(self, cluster) -> str:
        """One citation as written in the text, as HTML."""
        items = [dataclasses.replace(item, key=item.key.lower()) for item in cluster.items]
        known = [item for item in items if item.key in self.sources]
        parts = []
        if known:
            if self.style.is_note:
                parts.append(self._note(cluster, known))
            else:
                parts.append(self._in_text(cluster, known))
        for item in items:
            if item.key not in self.sources:
                parts.append(format_html('<span class="cite-missing">[@{}?]</span>', item.key))
        return " ".join(parts)

    def _formatted(self, cluster, items) -> str:
        """The processor's HTML for these items, each marked with its position in `items`."""
        marked = []
        for n, item in enumerate(items):
            prefix, suffix = item.prefix, item.suffix
            if prefix and _PREFIX_NEEDS_SPACE.search(prefix):
                prefix += " "
            if suffix and _SUFFIX_NEEDS_SPACE.match(suffix):
                suffix = " " + suffix
            marked.append(
                dataclasses.replace(
                    item, prefix=f"{prefix}{OPEN}{n}{END}", suffix=f"{CLOSE}{n}{END}{suffix}"
                )
            )
        html = self.processor.cite(marked, author_in_text=cluster.author_in_text)
        # A processor that adds spaces around prefixes must not pull them into the links.
        html = _SPACE_AFTER_OPEN.sub(r"\2\1", html)
        return clean(_SPACE_BEFORE_CLOSE.sub(r"\2\1", html))

    def _tip(self, html, lang: str = "") -> tuple[str, SafeString]:
        self.tips += 1
        tip_id = f"cite-tip-{self.tips}"
        return tip_id, format_html(
            '<span class="cite-tip" id="{}" role="tooltip"{}>{}</span>',
            tip_id,
            format_html(' lang="{}"', lang) if lang else "",
            self._marked(clean(html, links=False), lang),
        )

    def _linked(self, key: str, text: str) -> str:
        """One cited work: a link to its entry, the full reference shown on hover and focus."""
        lang = language(self.sources[key])
        tip_id, tip = self._tip(self.entries.get(key, ""), lang)
        return format_html(
            '<span class="cite-ref"><a href="#ref-{}" aria-describedby="{}"{}>{}</a>{}</span>',
            key,
            tip_id,
            # The author's name is in the work's language: 盧業中 on an English page.
            format_html(' lang="{}"', lang) if lang else "",
            mark_safe(text),
            tip,
        )

    def _in_text(self, cluster, items) -> str:
        """An author-date or numeric citation, each work in it linked to its entry."""

        def link(match):
            text = match.group(2)
            if "<a" in text or OPEN in text:  # never nest links
                return text
            if not strip_tags(text).strip():
                return ""  # the style prints nothing here (MLA's [-@key]): no empty link
            return self._linked(items[int(match.group(1))].key, text)

        linked, count = _MARKED.subn(link, self._formatted(cluster, items))
        linked = _MARKER.sub("", linked)
        if count == 0 and "<a" not in linked and strip_tags(linked).strip():
            # The processor dropped the marks: link the whole citation to its first work.
            return self._linked(items[0].key, linked)
        return linked

    def _note(self, cluster, items) -> str:
        """A note style: a superscript number linking to the note, the note as its tooltip.

        Notes are not marked up per work: the processor's punctuation fixes (a period inside
        the closing quotation mark) must see the note whole. A note citing only works cited
        before on the page is the short form, as Chicago has it."""
        keys = {item.key for item in items}
        subsequent = keys <= self.noted
        self.noted |= keys
        author = ""
        if cluster.author_in_text:
            # “@jervis1978 argues” keeps the author in the sentence: “Jervis¹ argues”.
            parts = self.processor.cite_parts(items, subsequent=subsequent)
            author, html = parts.author, parts.citation
        else:
            html = self.processor.cite(items, subsequent=subsequent)
        html = clean(html)
        number = len(self._notes) + 1
        self._notes.append(Note(number, self._marked(linkify(html))))
        tip_id, tip = self._tip(html)
        return format_html(
            '{4}<span class="cite-ref cite-note"><sup><a href="#note-{0}" id="note-ref-{0}" '
            'aria-describedby="{1}"><span class="cite-sr">{2} </span>{0}</a></sup>{3}</span>',
            number,
            tip_id,
            gettext("Note"),
            tip,
            self._marked(clean(author, links=False)),
        )


# Where a citation might sit in Markdown: `[see @key, p. 1]`, `@key [p. 1]`, `@key`.
_CITATION = re.compile(r"\[[^\[\]]*@[^\[\]]*\]|-?@[\w:.#$%&+?<>~/-]+(?:\s*\[[^\[\]]*\])?")


def shorten(text: str, chars: int) -> str:
    """The start of a Markdown text, never cutting a citation in two; keeps the language of
    a `Translated`."""
    if len(text) <= chars:
        return text
    cut = chars - 1
    for match in _CITATION.finditer(text):
        if match.start() < cut < match.end():
            cut = match.start()
            break
    short = text[:cut].rstrip() + "…"
    if isinstance(text, Translated):
        return Translated(short, text.lang, text.is_fallback)
    return short
