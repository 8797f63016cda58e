"""Metadata that reference managers read from our pages.

Source pages describe the work they record with Highwire Press `citation_*` tags (what Zotero's
“Embedded Metadata” translator, Mendeley and Google Scholar read), a COinS span that agrees with
them, and schema.org JSON-LD (which Zotero ignores, so it is only ever an addition). Concept and
case pages describe themselves as web pages instead (sources/cite/webpage.py).

The tag choices follow Zotero's translator: `citation_inbook_title` for a chapter's book, because
it splits `citation_book_title` at its underscores and reads the `book:title` Open Graph property
from it; one `citation_author` per author written “Family, Given”, so that names are split where
we split them (a Chinese name in its own script would otherwise become one family name); and a
`DC.type` only for types no Highwire tag announces (a book without an ISBN would otherwise be
guessed a journal article).
"""

import json
from dataclasses import dataclass
from urllib.parse import quote

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from sources.cite.csl import csl_name
from sources.models import ItemType, Language

# The site as a citation names it, in both scripts whatever the reader's language.
SITE_TITLE = "IR Atlas 國關概念圖譜"

# Zotero's item type for each of ours (used only when no Highwire tag implies the type).
ZOTERO_TYPES = {
    ItemType.ARTICLE_JOURNAL: "journalArticle",
    ItemType.BOOK: "book",
    ItemType.CHAPTER: "bookSection",
    ItemType.REPORT: "report",
    ItemType.THESIS: "thesis",
    ItemType.ARTICLE_NEWSPAPER: "newspaperArticle",
    ItemType.ARTICLE_MAGAZINE: "magazineArticle",
    ItemType.WEBPAGE: "webpage",
    ItemType.PAPER_CONFERENCE: "conferencePaper",
}

SCHEMA_TYPES = {
    ItemType.ARTICLE_JOURNAL: "ScholarlyArticle",
    ItemType.BOOK: "Book",
    ItemType.CHAPTER: "Chapter",
    ItemType.REPORT: "Report",
    ItemType.THESIS: "Thesis",
    ItemType.ARTICLE_NEWSPAPER: "NewsArticle",
    ItemType.ARTICLE_MAGAZINE: "Article",
    ItemType.WEBPAGE: "WebPage",
    ItemType.PAPER_CONFERENCE: "ScholarlyArticle",
}

_PERIODICALS = {ItemType.ARTICLE_JOURNAL, ItemType.ARTICLE_MAGAZINE, ItemType.ARTICLE_NEWSPAPER}
_IN_A_BOOK = {ItemType.CHAPTER, ItemType.PAPER_CONFERENCE}


@dataclass(frozen=True)
class Meta:
    """One `<meta>` tag: `attr` is "name", or "property" for Open Graph."""

    attr: str
    key: str
    value: str


# --- shared pieces -------------------------------------------------------------------------


def person_name(person, *, chinese_work: bool) -> str:
    """A creator as “Family, Given” (“盧, 業中” in a Chinese work, as its reference gives it)."""
    name = csl_name(person, chinese_work=chinese_work)
    return ", ".join(part for part in (name.get("family"), name.get("given")) if part)


def iso_date(source) -> str:
    """The publication date at the precision recorded: 1978, 1978-05 or 1978-05-12."""
    if not source.year:
        return ""
    parts = [f"{source.year:04d}"]
    if source.month:
        parts.append(f"{source.month:02d}")
        if source.day:
            parts.append(f"{source.day:02d}")
    return "-".join(parts)


def page_range(pages: str) -> tuple[str, str]:
    """(first, last) of a range such as “167–214”, (page, "") for a single page, and ("", "")
    for anything else (“12, 15–17”)."""
    pages = (pages or "").strip()
    for dash in ("–", "—", "-"):
        pages = pages.replace(dash, "-")
    first, _sep, last = pages.partition("-")
    first, last = first.strip(), last.strip("- ").strip()
    if not first or " " in first or "," in first or " " in last or "," in last:
        return "", ""
    return first, last


def json_ld(data: dict, *, nonce="") -> SafeString:
    """A JSON-LD data block. <, > and & are escaped as json_script does, so no value can close
    the element or open a comment. Browsers never run it; it carries the CSP nonce all the
    same, so that every inline <script> on the site has one."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
    return format_html(
        '<script type="application/ld+json" nonce="{}">{}</script>', nonce, mark_safe(text)
    )


def _language(source) -> str:
    return "" if source.language == Language.OTHER else source.language


# --- source pages: Highwire Press tags -----------------------------------------------------


def highwire(source) -> list[Meta]:
    """The `citation_*` tags (and the one type hint Zotero may need) for a source page.
    Creators must be prefetched."""
    tags = []

    def add(key, value, attr="name"):
        if value:
            tags.append(Meta(attr, key, str(value)))

    chinese = source.is_chinese
    item_type = source.item_type
    add("citation_title", source.title)
    for credit in source.authors:
        add("citation_author", person_name(credit.person, chinese_work=chinese))
    for credit in source.editors:
        add("citation_editor", person_name(credit.person, chinese_work=chinese))
    if source.year:
        # Google Scholar wants YYYY/MM/DD or the year alone; Zotero reads citation_date last,
        # so it carries the month of a month-only date.
        scholar = f"{source.year:04d}/{source.month:02d}/{source.day:02d}" if source.day else ""
        add("citation_publication_date", scholar or f"{source.year:04d}")
        add("citation_date", iso_date(source))
    announced = None  # the Zotero type a Highwire tag implies, if any
    if source.container_title:
        if item_type == ItemType.ARTICLE_JOURNAL:
            add("citation_journal_title", source.container_title)
            announced = "journalArticle"
        elif item_type == ItemType.CHAPTER:
            add("citation_inbook_title", source.container_title)
            announced = "bookSection"
        elif item_type == ItemType.PAPER_CONFERENCE:
            add("citation_conference_title", source.container_title)
            announced = "conferencePaper"
    add("citation_volume", source.volume)
    add("citation_issue", source.issue)
    first, last = page_range(source.pages)
    add("citation_firstpage", first or source.pages)
    add("citation_lastpage", last)
    if item_type not in _PERIODICALS:
        add("citation_series_title", source.collection_title)
    add("citation_publisher", source.publisher)
    if source.publisher and item_type == ItemType.REPORT:
        add("citation_technical_report_institution", source.publisher)
        announced = "report"
    if source.publisher and item_type == ItemType.THESIS:
        add("citation_dissertation_institution", source.publisher)
        announced = "thesis"
    add("citation_doi", source.doi)
    add("citation_isbn", source.isbn_display)
    add("citation_issn", source.issn)
    add("citation_language", _language(source))
    add("citation_public_url", source.url)
    add("citation_abstract", source.abstract)
    if announced is None:
        _type_hint(source, add)
    return tags


def _type_hint(source, add) -> None:
    """Types no Highwire tag announces reach Zotero through its RDF reader: Open Graph for a
    web page (a DC.type would also fill in its “website type”), DC.type otherwise, with the
    container where Zotero looks for it."""
    if source.item_type == ItemType.WEBPAGE:
        add("og:type", "website", attr="property")
        add("og:site_name", source.container_title, attr="property")
        return
    add("DC.type", ZOTERO_TYPES[source.item_type])
    if source.item_type in (ItemType.ARTICLE_NEWSPAPER, ItemType.ARTICLE_MAGAZINE):
        add("prism.publicationName", source.container_title)


# --- source pages: COinS -------------------------------------------------------------------


def coins_pairs(source) -> list[tuple[str, str]]:
    """The OpenURL 1.0 ContextObject (KEV) of a source, as Zotero writes and reads it."""
    pairs = [("url_ver", "Z39.88-2004"), ("ctx_ver", "Z39.88-2004")]
    item_type = source.item_type
    if source.doi:
        pairs.append(("rft_id", f"info:doi/{source.doi}"))
    if source.isbn:
        pairs.append(("rft_id", f"urn:isbn:{source.isbn}"))
    if source.url:
        pairs.append(("rft_id", source.url))
    if item_type == ItemType.ARTICLE_JOURNAL:
        pairs += [
            ("rft_val_fmt", "info:ofi/fmt:kev:mtx:journal"),
            ("rft.genre", "article"),
            ("rft.atitle", source.title),
            ("rft.jtitle", source.container_title),
        ]
    elif item_type in (ItemType.BOOK, ItemType.REPORT, *_IN_A_BOOK):
        genre = {
            ItemType.BOOK: "book",
            ItemType.REPORT: "report",
            ItemType.CHAPTER: "bookitem",
            ItemType.PAPER_CONFERENCE: "proceeding",
        }[item_type]
        pairs += [("rft_val_fmt", "info:ofi/fmt:kev:mtx:book"), ("rft.genre", genre)]
        if item_type in _IN_A_BOOK:
            pairs += [("rft.atitle", source.title), ("rft.btitle", source.container_title)]
        else:
            pairs.append(("rft.btitle", source.title))
        pairs += [
            ("rft.place", source.publisher_place),
            ("rft.pub", source.publisher),
            ("rft.edition", source.edition),
            ("rft.series", source.collection_title),
        ]
    elif item_type == ItemType.THESIS:
        pairs += [
            ("rft_val_fmt", "info:ofi/fmt:kev:mtx:dissertation"),
            ("rft.title", source.title),
            ("rft.inst", source.publisher),
        ]
    else:
        # Newspaper and magazine articles and web pages: Dublin Core, typed with Zotero's
        # item type as Zotero itself does (it has no better vocabulary to offer).
        pairs += [
            ("rft_val_fmt", "info:ofi/fmt:kev:mtx:dc"),
            ("rft.type", ZOTERO_TYPES[item_type]),
            ("rft.title", source.title),
            ("rft.source", source.container_title),
            ("rft.publisher", source.publisher),
        ]
    chinese = source.is_chinese
    authors = source.authors
    if authors:
        first = csl_name(authors[0].person, chinese_work=chinese)
        # Zotero merges aulast/aufirst with the matching rft.au only when both parts exist.
        if first.get("given"):
            pairs += [("rft.aulast", first["family"]), ("rft.aufirst", first["given"])]
    pairs += [("rft.au", person_name(c.person, chinese_work=chinese)) for c in authors]
    pairs.append(("rft.date", iso_date(source)))
    pairs += [("rft.volume", source.volume), ("rft.issue", source.issue)]
    first_page, last_page = page_range(source.pages)
    pairs += [
        ("rft.pages", source.pages),
        ("rft.spage", first_page),
        ("rft.epage", last_page),
        ("rft.isbn", source.isbn_display),
        ("rft.issn", source.issn),
        ("rft.language", _language(source)),
    ]
    return [(key, str(value)) for key, value in pairs if value]


def coins(source) -> SafeString:
    """The COinS span: an empty <span class="Z3988"> whose title is the ContextObject."""
    kev = "&".join(f"{key}={quote(value, safe='')}" for key, value in coins_pairs(source))
    return format_html('<span class="Z3988" title="{}"></span>', kev)


# --- source pages: schema.org --------------------------------------------------------------


def _schema_person(person, *, chinese_work: bool) -> dict:
    name = csl_name(person, chinese_work=chinese_work)
    full = (
        f"{name['family']}{name.get('given', '')}"
        if chinese_work and person.family_name_original
        else person.romanised_name
    )
    data = {"@type": "Person", "name": full, "familyName": name["family"]}
    if name.get("given"):
        data["givenName"] = name["given"]
    return data


def source_jsonld(source, *, page_url: str) -> dict:
    """The work a source page records, as schema.org (the page is its mainEntityOfPage)."""
    chinese = source.is_chinese
    data = {
        "@context": "https://schema.org",
        "@type": SCHEMA_TYPES[source.item_type],
        "name": source.title,
        "mainEntityOfPage": page_url,
    }
    if authors := source.authors:
        data["author"] = [_schema_person(c.person, chinese_work=chinese) for c in authors]
    editors = [_schema_person(c.person, chinese_work=chinese) for c in source.editors]
    if date := iso_date(source):
        data["datePublished"] = date
    if language := _language(source):
        data["inLanguage"] = language
    publisher = {"@type": "Organization", "name": source.publisher} if source.publisher else None
    container = source.container_title
    if source.item_type in _PERIODICALS and container:
        part = {"@type": "Periodical", "name": container}
        if source.issn:
            part["issn"] = source.issn
        if source.volume:
            part = {"@type": "PublicationVolume", "volumeNumber": source.volume, "isPartOf": part}
        if source.issue:
            part = {"@type": "PublicationIssue", "issueNumber": source.issue, "isPartOf": part}
        data["isPartOf"] = part
    elif source.item_type in _IN_A_BOOK and container:
        book = {"@type": "Book", "name": container}
        if editors:
            book["editor"] = editors
        if source.isbn:
            book["isbn"] = source.isbn_display
        if publisher:
            book["publisher"] = publisher
        data["isPartOf"] = book
    elif source.item_type == ItemType.WEBPAGE and container:
        data["isPartOf"] = {"@type": "WebSite", "name": container}
    else:
        if editors:
            data["editor"] = editors
        if source.isbn:
            data["isbn"] = source.isbn_display
        if publisher:
            data["publisher"] = publisher
    first, last = page_range(source.pages)
    if source.pages:
        data["pagination"] = source.pages
    if first and last:
        data["pageStart"], data["pageEnd"] = first, last
    if source.doi:
        data["identifier"] = {"@type": "PropertyValue", "propertyID": "DOI", "value": source.doi}
        data["sameAs"] = source.doi_url
    if source.url:
        data["url"] = source.url
    if source.abstract:
        data["abstract"] = source.abstract
    return data
