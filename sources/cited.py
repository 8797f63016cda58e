"""Where the site cites a source, as the “Cited on this site” lists show it: the page, the precise
place on it (“definition 1”, “body”, “event 22 October 1962”) and the pinpoint.

`sources` cannot import the apps that cite it, so the place is read from what every citing
record offers: its verbose name, and a position or a date when it has one. A citing model can
say it better by defining `citation_place(field) -> str`.
"""

from django.utils.translation import gettext_lazy as _

from sources.i18n import LANGUAGES

# Long text fields whose citations the markup records, by field name without the language.
FIELD_LABELS = {
    "body": _("body"),
    "summary": _("summary"),
}


def is_staff(request) -> bool:
    return request.user.is_authenticated and request.user.is_staff


def for_reader(citations, request) -> list:
    """The citations a reader may see: staff see all (drafts marked), visitors only those on
    published pages. Needs the content objects prefetched (Source.objects.for_detail)."""
    citations = list(citations)
    if is_staff(request):
        return citations
    return [citation for citation in citations if citation.is_visible()]


def _base_field(field: str) -> str:
    for lang in LANGUAGES:
        suffix = "_" + lang.replace("-", "_")
        if field.endswith(suffix):
            return field.removesuffix(suffix)
    return field


def place(citation) -> str:
    """The precise place of a citation on its page, in the reader's language ("" if the page
    label already says it all)."""
    obj = citation.content_object
    if obj is None:
        return ""
    explicit = getattr(obj, "citation_place", None)
    if callable(explicit):
        return str(explicit(citation.field))
    parts = []
    noun = obj._meta.verbose_name
    if position := getattr(obj, "position", None):
        parts.append(f"{noun} {position}")
    elif when := getattr(obj, "date_display", ""):
        parts.append(f"{noun} {when}")
    if label := FIELD_LABELS.get(_base_field(citation.field)):
        parts.append(str(label))
    return ", ".join(parts)
