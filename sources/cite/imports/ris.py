"""RIS files (Zotero, EndNote, Mendeley, publishers' sites), read with rispy."""

import re

import rispy
from django.utils.translation import gettext as _

from sources.cite.imports import values
from sources.cite.imports.entry import Creator, Entry, ParsedFile
from sources.cite.imports.finish import finish
from sources.cite.imports.names import from_literal, make_name
from sources.models import CreatorRole, ItemType

TYPES = {
    "JOUR": ItemType.ARTICLE_JOURNAL,
    "JFULL": ItemType.ARTICLE_JOURNAL,
    "EJOUR": ItemType.ARTICLE_JOURNAL,
    "ABST": ItemType.ARTICLE_JOURNAL,
    "MGZN": ItemType.ARTICLE_MAGAZINE,
    "NEWS": ItemType.ARTICLE_NEWSPAPER,
    "BOOK": ItemType.BOOK,
    "EBOOK": ItemType.BOOK,
    "EDBOOK": ItemType.BOOK,
    "CHAP": ItemType.CHAPTER,
    "ECHAP": ItemType.CHAPTER,
    "RPRT": ItemType.REPORT,
    "GOVDOC": ItemType.REPORT,
    "STAND": ItemType.REPORT,
    "THES": ItemType.THESIS,
    "CONF": ItemType.PAPER_CONFERENCE,
    "CPAPER": ItemType.PAPER_CONFERENCE,
    "ELEC": ItemType.WEBPAGE,
    "WEB": ItemType.WEBPAGE,
    "BLOG": ItemType.WEBPAGE,
}
_PARTS = (ItemType.CHAPTER, ItemType.PAPER_CONFERENCE)
USED = set(
    "type_of_reference title primary_title secondary_title tertiary_title journal_name "
    "alternate_title1 alternate_title2 alternate_title3 authors first_authors secondary_authors "
    "subsidiary_authors translated_author year publication_year date volume number start_page "
    "end_page edition publisher place_published doi issn urls language abstract notes_abstract "
    "id access_date translated_title".split()
)
BOOKKEEPING = set(
    "keywords notes note file_attachments1 file_attachments2 research_notes call_number "
    "name_of_database database_provider accession_number label custom1 custom2 custom3 "
    "custom4 custom5 custom6 custom7 custom8 short_title caption".split()
)


def _one(record: dict, *names: str) -> str:
    """The first value of the first tag present (repeated tags arrive as lists)."""
    for name in names:
        value = record.get(name)
        if isinstance(value, list):
            value = next((v for v in value if v), "")
        if value:
            return values.text(value)
    return ""


def _many(record: dict, *names: str) -> list[str]:
    found = []
    for name in names:
        value = record.get(name) or []
        found.extend(v for v in (value if isinstance(value, list) else [value]) if v)
    return found


def parse(text: str) -> ParsedFile:
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    warnings = []
    starts, ends = (
        text.count("\nTY  -") + text.startswith("TY  -"),
        len(re.findall(r"^ER  -", text, re.M)),
    )
    if starts > ends:
        # rispy silently drops a record that lacks its closing ER line.
        text += "\nER  - \n"
        warnings.append(_("The last record had no “ER  -” line; it was read anyway."))
    records = rispy.loads(text, enforce_list_tags=False)
    entries = [_entry(record, number) for number, record in enumerate(records, start=1)]
    if not entries:
        warnings.append(_("No RIS records (TY  - … ER  -) were found."))
    return ParsedFile(format="ris", entries=entries, warnings=warnings)


def _entry(record: dict, number: int) -> Entry:
    entry = Entry(number=number, key=_one(record, "id"))
    f = entry.fields
    kind = _one(record, "type_of_reference").upper()
    item_type = TYPES.get(kind, ItemType.REPORT)
    if kind not in TYPES:
        entry.warn(
            _("RIS type %(kind)s is not one we keep; imported as %(type)s.")
            % {"kind": kind or "?", "type": ItemType(item_type).label}
        )
    f["item_type"] = item_type
    ignored = sorted(set(record) - USED - BOOKKEEPING - {"unknown_tag"})
    ignored += sorted(tag for tag in record.get("unknown_tag", {}) if tag)
    if ignored:
        entry.warn(_("Not imported: %(fields)s.") % {"fields": ", ".join(ignored)})

    authors = _many(record, "authors", "first_authors")
    editors = _many(record, "secondary_authors") if item_type in _PARTS else []
    if kind == "EDBOOK":
        authors, editors = [], authors
    for role, names in (
        (CreatorRole.AUTHOR, authors),
        (CreatorRole.EDITOR, editors),
        (CreatorRole.TRANSLATOR, _many(record, "subsidiary_authors", "translated_author")),
    ):
        for written in names:
            _add_name(entry, written, role)

    f["title"] = _one(record, "title", "primary_title")
    container = _one(record, "secondary_title", "alternate_title3", "journal_name")
    container = container or _one(record, "alternate_title2", "alternate_title1")
    if item_type in (ItemType.BOOK, ItemType.REPORT, ItemType.THESIS):
        f["collection_title"] = container or _one(record, "tertiary_title")
    else:
        f["container_title"] = container
        f["collection_title"] = _one(record, "tertiary_title") if item_type in _PARTS else ""
    f["translated_title"] = _one(record, "translated_title")
    f["volume"] = _one(record, "volume")
    f["issue"] = _one(record, "number")
    first, last = _one(record, "start_page"), _one(record, "end_page")
    f["pages"] = values.pages(f"{first}-{last}" if first and last else first or last)
    f["edition"] = _one(record, "edition")
    f["publisher"] = _one(record, "publisher")
    f["publisher_place"] = _one(record, "place_published")
    f["abstract"] = _one(record, "abstract", "notes_abstract")
    f["year"], f["month"], f["day"] = values.parse_iso_date(
        _one(record, "date", "year", "publication_year"), entry
    )
    if not f["year"] and _one(record, "year"):
        f["year"] = values.parse_year(_one(record, "year"), entry)
    f["doi"] = values.identifier("doi", _one(record, "doi"), entry)
    _serials(entry, _many(record, "issn"))
    f["url"] = values.url(_many(record, "urls"), entry)
    if not f["doi"] and "doi.org/" in f["url"]:
        f["doi"] = values.identifier("doi", f["url"], entry)
    f["accessed"] = values.parse_date(_one(record, "access_date").replace("/", "-"))
    f["language"] = values.language(_one(record, "language"), f["title"], entry)
    finish(entry)
    return entry


def _add_name(entry: Entry, written: str, role: str) -> None:
    family, comma, given = values.text(written).partition(",")
    if family.casefold() in {"others", "et al.", "et al"}:
        entry.et_al = True
        return
    name = make_name(family, given) if comma else from_literal(family)
    if name.family:
        entry.creators.append(Creator(name, role))


def _serials(entry: Entry, numbers: list[str]) -> None:
    """SN holds an ISBN for books and an ISSN for serials; tell them apart by their digits."""
    isbns, issns = [], []
    for number in (n for listed in numbers for n in re.split(r"\s*[,;]\s*", listed) if n):
        digits = re.sub(r"[^0-9Xx]", "", number.split("(")[0])
        (isbns if len(digits) in (10, 13) else issns).append(number)
    entry.fields["isbn"] = values.identifier("isbn", isbns, entry) if isbns else ""
    entry.fields["issn"] = values.identifier("issn", issns, entry) if issns else ""
