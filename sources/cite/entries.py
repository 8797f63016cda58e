"""Formatted references made ready for a page: sanitised (the processor's small capitals as a
class, since the Content-Security-Policy forbids inline styles), bare URLs and DOIs linked,
and the title linked to the source's own page."""

import re

import nh3
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from sources.models import Language, Source

# What formatted references may contain: citeproc-py's markup, with its small capitals as a
# class rather than an inline style (the Content-Security-Policy forbids those).
_TAGS = {"i", "b", "u", "sup", "sub", "span", "a"}
_INLINE_TAGS = _TAGS - {"a"}
_SMALL_CAPS = '<span style="font-variant:small-caps;">'


def clean(html: str, *, links: bool = True) -> SafeString:
    """Formatted output made safe for the page; without links for tooltips, which must not
    hold anything focusable."""
    html = html.replace(_SMALL_CAPS, '<span class="small-caps">')
    return mark_safe(
        nh3.clean(
            html,
            tags=_TAGS if links else _INLINE_TAGS,
            attributes={"span": {"class"}, "a": {"href"}},
            link_rel=None,
        )
    )


def language(source: Source) -> str:
    """The `lang` of a reference: the work's language, so that a Chinese title on an English
    page is read as Chinese (none when unknown)."""
    return "" if source.language == Language.OTHER else source.language


def link_title(html: str, source: Source, url: str | None = None) -> SafeString:
    """A formatted reference with the source's title linked to `url` (its own page by
    default). When the style changed the title beyond its case, the whole reference is the
    link, unless it holds links of its own (a DOI): then a link follows it."""
    url = url or source.get_absolute_url()
    html = linkify(clean(html))
    for title in {escape(source.title), source.title.replace("&", "&amp;")}:
        match = re.search(re.escape(title), html, re.IGNORECASE) if title else None
        before = html[: match.start()] if match else ""
        if match and before.count("<a") == before.count("</a>"):
            return format_html(
                '{}<a href="{}">{}</a>{}',
                mark_safe(before),
                url,
                mark_safe(match.group()),
                mark_safe(html[match.end() :]),
            )
    if "<a" not in html:
        return format_html('<a href="{}">{}</a>', url, html)
    return format_html('{} <a href="{}">{}</a>', html, url, gettext("About this source"))


_TAG_OR_TEXT = re.compile(r"(<[^>]*>)")
_URL = re.compile(r"https?://[^\s<>\"]*[^\s<>\".,;:)\]]")


def linkify(html: str) -> str:
    """Bare URLs and DOIs in a formatted reference made into links (outside existing links)."""
    out, depth = [], 0
    for part in _TAG_OR_TEXT.split(html):
        if part.startswith("<"):
            if re.match(r"<a[\s>]", part):
                depth += 1
            elif part.startswith("</a"):
                depth -= 1
            out.append(part)
        elif depth:
            out.append(part)
        else:
            out.append(_URL.sub(lambda m: f'<a href="{m[0]}">{m[0]}</a>', part))
    return "".join(out)
