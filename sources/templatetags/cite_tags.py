"""Template tags for citing: reference-manager metadata in the <head>, the COinS span, the
“Cite” boxes of source, concept and case pages, and where a source is cited."""

from django import template
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from sources.cite.csl import to_csl
from sources.cite.engine import Entry, format_item
from sources.cite.metadata import coins, highwire, json_ld, source_jsonld
from sources.cite.scripts import mark_other_script
from sources.cite.styles import STYLES, style_for
from sources.cite.webpage import WebPage, webpage_item, webpage_jsonld, webpage_meta
from sources.cited import place
from sources.i18n import HTML_LANG, active_language

register = template.Library()


def _in_every_style(item: dict, request) -> list:
    """(style, entry) for a CSL-JSON item in every style, the reader's own first."""
    first = style_for(request)
    lang = active_language()
    order = [first, *(style for style in STYLES.values() if style != first)]
    return [(style, _marked(format_item(item, style.id, lang), lang)) for style in order]


def _marked(entry: Entry, lang: str) -> Entry:
    return Entry(entry.key, mark_other_script(entry.html, lang))


def _webpage(request, obj, title, description="") -> WebPage:
    lang = active_language()
    return WebPage(
        title=str(title),
        url=request.build_absolute_uri(obj.get_absolute_url()),
        language=HTML_LANG[lang],
        modified=timezone.localdate(obj.updated),
        description=Truncator(strip_tags(str(description or ""))).chars(300),
    )


def _nonce(context) -> str:
    # str() generates the nonce (a LazyNonce is falsy until then), so the header carries it.
    nonce = context.get("csp_nonce")
    return "" if nonce is None else str(nonce)


@register.inclusion_tag("includes/meta_source.html", takes_context=True)
def source_metadata(context, source):
    """Highwire tags and JSON-LD for a source page (creators prefetched)."""
    page_url = context["request"].build_absolute_uri(source.get_absolute_url())
    return {
        "tags": highwire(source),
        "json_ld": json_ld(source_jsonld(source, page_url=page_url), nonce=_nonce(context)),
        "canonical": page_url,
    }


@register.simple_tag
def coins_span(source):
    return coins(source)


@register.inclusion_tag("includes/meta_webpage.html", takes_context=True)
def page_metadata(context, obj, title, description=""):
    """Web-page metadata for a concept or case page: `obj` has get_absolute_url and updated."""
    request = context["request"]
    page = _webpage(request, obj, title, description)
    site_url = request.build_absolute_uri(reverse("home"))
    return {
        "tags": webpage_meta(page),
        "json_ld": json_ld(webpage_jsonld(page, site_url=site_url), nonce=_nonce(context)),
        "canonical": page.url,
    }


@register.inclusion_tag("includes/cite_box.html", takes_context=True)
def cite_source(context, source):
    """“Cite this source”: the source's reference in every style (its exports are beside it,
    from the exports tag library)."""
    return {
        "heading": _("Cite this source"),
        "entries": _in_every_style(to_csl(source), context["request"]),
        "csp_nonce": _nonce(context),
    }


@register.inclusion_tag("includes/cite_box.html", takes_context=True)
def cite_page(context, obj, title):
    """“Cite this page”: the page as a web source in every style, dated by its last change and
    accessed today."""
    request = context["request"]
    item = webpage_item(_webpage(request, obj, title), accessed=timezone.localdate())
    return {
        "heading": _("Cite this page"),
        "entries": _in_every_style(item, request),
        "csp_nonce": _nonce(context),
    }


@register.filter
def citation_place(citation):
    """Where on its page a citation is: “definition 1”, “body”…"""
    return place(citation)
