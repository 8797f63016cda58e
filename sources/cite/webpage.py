"""Concept and case pages as web sources: the metadata that lets Zotero save them as Web Page
items (Dublin Core and Open Graph, never `citation_*`), their schema.org description, and the
page as the CSL item that “Cite this page” formats."""

from dataclasses import dataclass

from sources.cite.metadata import SITE_TITLE, Meta


@dataclass(frozen=True)
class WebPage:
    """A page of this site as a web source: what “Cite this page” and the metadata say."""

    title: str
    url: str  # absolute, canonical
    language: str  # an HTML language tag: zh-Hant or en
    modified: object  # datetime.date of the last change
    description: str = ""

    @property
    def og_locale(self) -> str:
        return "zh_TW" if self.language.lower().startswith("zh") else "en_US"


def webpage_meta(page: WebPage) -> list[Meta]:
    """Dublin Core and Open Graph tags, which Zotero reads into a Web Page item: title,
    website title, date (of the last change), language and URL; no author."""
    tags = [
        Meta("name", "DC.title", page.title),
        Meta("name", "DC.publisher", SITE_TITLE),
        Meta("name", "DC.date", page.modified.isoformat()),
        Meta("name", "dcterms.modified", page.modified.isoformat()),
        Meta("name", "DC.language", page.language),
        Meta("property", "og:type", "website"),
        Meta("property", "og:title", page.title),
        Meta("property", "og:site_name", SITE_TITLE),
        Meta("property", "og:url", page.url),
        Meta("property", "og:locale", page.og_locale),
    ]
    if page.description:
        tags.append(Meta("property", "og:description", page.description))
    return tags


def webpage_jsonld(page: WebPage, *, site_url: str) -> dict:
    data = {
        "@context": "https://schema.org",
        "@type": "WebPage",
        "name": page.title,
        "url": page.url,
        "inLanguage": page.language,
        "dateModified": page.modified.isoformat(),
        "isPartOf": {"@type": "WebSite", "name": SITE_TITLE, "url": site_url},
        "publisher": {"@type": "Organization", "name": SITE_TITLE, "url": site_url},
    }
    if page.description:
        data["description"] = page.description
    return data


def webpage_item(page: WebPage, *, accessed) -> dict:
    """The page as a CSL-JSON web page for the citation engine: its author is the site (no
    person signs our pages, and without an author GB/T prints 佚名 and APA moves the title
    first), dated by its last change and accessed on `accessed`."""
    return {
        "id": "this-page",
        "type": "webpage",
        "title": page.title,
        "author": [{"literal": SITE_TITLE}],
        "container-title": SITE_TITLE,
        "URL": page.url,
        "issued": {"date-parts": [[page.modified.year, page.modified.month, page.modified.day]]},
        "accessed": {"date-parts": [[accessed.year, accessed.month, accessed.day]]},
        "language": page.language,
    }
