"""Markdown with Pandoc's citation syntax, rendered to sanitised HTML.

PLACEHOLDER (foundation): the API is fixed, the implementation is being written. `clusters()`
finds the citations of a text in document order; `render()` turns the text into safe HTML,
asking `cite(cluster)` for the HTML of each citation.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass

from django.utils.html import escape, linebreaks
from django.utils.safestring import SafeString, mark_safe

from sources.cite.engine import CiteItem


@dataclass(frozen=True)
class Cluster:
    """One citation as written: `[see @snyder1984, pp. 461–495; @cha2000]` is one cluster of
    two items; `@jervis1978 [p. 167]` is an author-in-text cluster of one."""

    items: tuple[CiteItem, ...]
    author_in_text: bool = False

    @property
    def keys(self) -> list[str]:
        return [item.key for item in self.items]


_NAIVE = re.compile(r"\[@([\w:.\-]+)(?:, *p+\. *([\w\-–]+))?\]")


def clusters(text: str) -> list[Cluster]:
    return [
        Cluster((CiteItem(m.group(1).lower(), m.group(2) or ""),))
        for m in _NAIVE.finditer(text or "")
    ]


def render(text: str, cite: Callable[[Cluster], str]) -> SafeString:
    parts, last = [], 0
    for m in _NAIVE.finditer(text or ""):
        parts.append(escape(text[last : m.start()]))
        parts.append(cite(Cluster((CiteItem(m.group(1).lower(), m.group(2) or ""),))))
        last = m.end()
    parts.append(escape((text or "")[last:]))
    return mark_safe(linebreaks("".join(parts), autoescape=False))
