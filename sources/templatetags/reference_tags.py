"""Formatted references in the reader's citation style, and the style picker every page shows."""

from django import template
from django.urls import reverse

from sources.cite.engine import format_reference
from sources.cite.entries import clean, language, link_title, linkify
from sources.cite.scripts import mark_other_script
from sources.cite.styles import STYLES, style_for
from sources.i18n import active_language

register = template.Library()


@register.simple_tag(takes_context=True)
def reference(context, source, link=True):
    """One source as its reference-list entry in the reader's style, the title linked to the
    source's page unless `link` is False (creators prefetched; formatting is cached). Runs in
    the other script are marked against the work's language, the `lang` of the element
    includes/reference.html puts it in (or the page's, when the work's is unknown)."""
    lang = active_language()
    entry = format_reference(source, style_for(context["request"]).id, lang)
    html = linkify(clean(entry.html)) if link is False else link_title(entry.html, source)
    return mark_other_script(html, language(source) or lang)


@register.inclusion_tag("includes/citation_style.html", takes_context=True)
def citation_style_picker(context, prefix="citation-style", next_path=None):
    """The style picker, keeping the page the reader is on (its query string too). On the
    picker's own page, `next` is the page the reader came from, not the picker again."""
    request = context["request"]
    if next_path is None:
        next_path = request.get_full_path()
        if request.path == reverse("sources:citation_style"):
            next_path = request.GET.get("next", "")
    return {
        "prefix": prefix,
        "styles": STYLES.values(),
        "current": style_for(request).id,
        "next": next_path,
    }
