"""{% export_links %}: download links (BibTeX, RIS, CSL-JSON) for a set of references."""

from django import template
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from sources.cite.exports import FILE_FORMATS

register = template.Library()


@register.inclusion_tag("includes/export_links.html")
def export_links(url_name: str, *args, label=None):
    """Links to every file format of the export view `url_name` (called with `args` and the
    format), e.g. {% export_links "sources:export" source.citation_key %}."""
    return {
        "label": label or _("Download:"),
        "links": [(fmt, reverse(url_name, args=[*args, fmt.id])) for fmt in FILE_FORMATS],
    }
