"""Validation of the citations in Markdown fields.

Model fields refer to `validate_citation_keys`, and models are imported before the citation
machinery is ready, so this module imports it only when a text is validated.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import ngettext


def unknown_keys(text: str) -> list[str]:
    """The keys a text cites that name no source, in the order they first appear."""
    from sources.cite.markup import clusters
    from sources.models import Source

    keys = list(dict.fromkeys(key for cluster in clusters(text) for key in cluster.keys))
    if not keys:
        return []
    known = set(
        Source.objects.filter(citation_key__in=keys).values_list("citation_key", flat=True)
    )
    return [key for key in keys if key not in known]


def validate_citation_keys(text: str) -> None:
    """Refuse a text that cites a key no source has, naming every such key."""
    unknown = unknown_keys(text or "")
    if unknown:
        raise ValidationError(
            ngettext(
                "Unknown citation key: %(keys)s",
                "Unknown citation keys: %(keys)s",
                len(unknown),
            ),
            code="unknown_citation_key",
            params={"keys": ", ".join(unknown)},
        )
