"""Markdown with Pandoc's citation syntax, rendered to sanitised HTML.

`clusters()` finds the citations of a text in document order; `render()` turns the text into
safe HTML, asking `cite(cluster)` for the HTML of each citation.

Citations are found by an inline processor inside Python-Markdown, after code spans, backslash
escapes and links have been handled, so `@key` in code, `\\@key` and link text are not
citations. Each citation becomes a token made with a random nonce; the Markdown output is
sanitised, and only then are the tokens replaced by the citation HTML, so that HTML is never
stripped by the sanitiser and text cannot forge it.
"""

import dataclasses
import re
import secrets
import threading
from collections.abc import Callable
from urllib.parse import quote
from xml.etree.ElementTree import Element

import markdown
from django.utils.safestring import SafeString, mark_safe
from markdown.inlinepatterns import InlineProcessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from sources.cite.sanitise import EXTERNAL_REL, sanitise
from sources.cite.syntax import START, Cluster, parse_at

__all__ = ["Cluster", "clusters", "render"]

_ESCAPED = re.compile("\x02(\\d+)\x03")
_EXTERNAL = re.compile(r"^(?:https?:)?//", re.IGNORECASE)
# RFC 3986 reserved and unreserved characters, and % for what is already encoded.
_URL_SAFE = ":/?#[]@!$&'()*+,;=-._~%"


class _Citations(InlineProcessor):
    """Replaces each citation with a token and remembers its cluster."""

    # A citation inside link text would put a link inside a link.
    ANCESTOR_EXCLUDES = ("a",)

    def __init__(self, md):
        super().__init__(START.pattern, md)
        self.nonce = ""
        self.found: list[Cluster] = []

    def start(self, nonce: str) -> None:
        self.nonce, self.found = nonce, []

    def _text(self, text: str) -> str:
        # Code spans and escapes inside a prefix or suffix count as their plain text.
        text = self.unescape(text)
        return _ESCAPED.sub(lambda m: chr(int(m[1])), text)

    def handleMatch(self, m, data):
        parsed = parse_at(data, m.start())
        if parsed is None:
            return None, None, None
        cluster, end = parsed
        items = tuple(
            dataclasses.replace(
                item,
                locator=self._text(item.locator),
                prefix=self._text(item.prefix),
                suffix=self._text(item.suffix),
            )
            for item in cluster.items
        )
        self.found.append(dataclasses.replace(cluster, items=items))
        return AtomicString(_token(self.nonce, len(self.found) - 1)), m.start(), end


class _Adjust(Treeprocessor):
    """Page-level fixes: a text never adds a second <h1> to the page it sits in, and links to
    other sites get rel="noopener noreferrer"."""

    def run(self, root: Element) -> None:
        for element in root.iter():
            if element.tag == "h1":
                element.tag = "h2"
            elif element.tag == "a" and (href := element.get("href")) is not None:
                # Characters a URL may not hold (quotes, <, >, spaces) are percent-encoded, so
                # the href is valid HTML; what is already encoded stays as it is.
                element.set("href", quote(href, safe=_URL_SAFE))
                if _EXTERNAL.match(href):
                    element.set("rel", EXTERNAL_REL)


class _CitationExtension(markdown.Extension):
    def extendMarkdown(self, md):
        # Raw HTML is not Markdown here: it is shown as text, not passed through.
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        # Images would load from other sites, which the Content-Security-Policy forbids.
        for name in ("image_link", "image_reference", "short_image_ref"):
            md.inlinePatterns.deregister(name)
        md.ESCAPED_CHARS.append("@")  # `\@` is a literal at sign, as in Pandoc
        # After links (160), so that link text is excluded; before emphasis, so that
        # `*see* @key` keeps its citation whole.
        md.inlinePatterns.register(_Citations(md), "citation", 155)
        md.treeprocessors.register(_Adjust(md), "adjust", 15)


_local = threading.local()


def _markdown() -> markdown.Markdown:
    # Building a Markdown instance costs more than converting a short text; instances are not
    # thread-safe, so each thread keeps its own.
    if not hasattr(_local, "md"):
        _local.md = markdown.Markdown(
            extensions=["tables", "fenced_code", "sane_lists", _CitationExtension()],
            output_format="html",
        )
    return _local.md


def _token(nonce: str, index: int) -> str:
    return f"c1te{nonce}n{index}e"


def _convert(text: str) -> tuple[str, list[Cluster], re.Pattern]:
    """The Markdown output with a token for each citation, the clusters, and the token regex."""
    nonce = secrets.token_hex(12)
    while nonce in text:  # never with real text; a guessed nonce still cannot collide
        nonce = secrets.token_hex(12)
    md = _markdown()
    md.reset()
    processor = md.inlinePatterns["citation"]
    processor.start(nonce)
    html = md.convert(text)
    return html, processor.found, re.compile(rf"c1te{nonce}n(\d+)e")


def clusters(text: str) -> list[Cluster]:
    """The citations of a Markdown text, in document order."""
    if not text:
        return []
    html, found, tokens = _convert(text)
    return [found[int(m[1])] for m in tokens.finditer(html)]


def render(text: str, cite: Callable[[Cluster], str]) -> SafeString:
    """The text as sanitised HTML, each citation replaced by `cite(cluster)` (called in
    document order; its result must already be safe HTML)."""
    if not text:
        return mark_safe("")
    html, found, tokens = _convert(text)
    clean = sanitise(html)
    return mark_safe(tokens.sub(lambda m: str(cite(found[int(m[1])])), clean))
