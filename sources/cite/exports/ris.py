"""Sources as RIS records (the tags of the RIS specification as Zotero, EndNote and Mendeley
read them), written with rispy's writer."""

from collections.abc import Iterable, Iterator

import rispy

from sources.cite.exports._fields import first_and_last_page, one_line
from sources.models import CreatorRole, ItemType, Source

TYPES = {
    ItemType.ARTICLE_JOURNAL: "JOUR",
    ItemType.BOOK: "BOOK",
    ItemType.CHAPTER: "CHAP",
    ItemType.REPORT: "RPRT",
    ItemType.THESIS: "THES",
    ItemType.ARTICLE_NEWSPAPER: "NEWS",
    ItemType.ARTICLE_MAGAZINE: "MGZN",
    ItemType.WEBPAGE: "ELEC",
    ItemType.PAPER_CONFERENCE: "CONF",
}
# Types whose T2 is the containing work; for the others T2 is the series (RIS specification).
_CONTAINED = {"JOUR", "CHAP", "NEWS", "MGZN", "ELEC", "CONF"}
# Books and their parts are identified by ISBN, periodicals by ISSN; SN holds one of them.
_ISBN_FIRST = {"BOOK", "CHAP", "RPRT", "THES", "CONF"}
# RIS names: AU authors, A2 editors (of the book, for a chapter), A4 translators.
_NAME_TAGS = {
    CreatorRole.AUTHOR: "authors",
    CreatorRole.EDITOR: "secondary_authors",
    CreatorRole.TRANSLATOR: "subsidiary_authors",
}


class _Writer(rispy.RisWriter):
    def set_header(self, count):
        return ""  # no “1.” line before each record: not every reader skips it


_WRITER = _Writer(skip_unknown_tags=True)


def ris_name(person, *, chinese_work: bool) -> str:
    if chinese_work and person.family_name_original:
        family, given = person.family_name_original, person.given_name_original
    else:
        family, given = person.family_name, person.given_name
    return f"{family}, {given}" if given else family


def record(source: Source) -> dict:
    """One source as a rispy record (creators prefetched); every value on one line, so that no
    text can start a tag, or an `ER` line, of its own."""
    ty = TYPES.get(source.item_type, "GEN")
    rec = {"type_of_reference": ty, "id": source.citation_key}
    for role, key in _NAME_TAGS.items():
        names = [
            ris_name(c.person, chinese_work=source.is_chinese)
            for c in source.creators.all()
            if c.role == role
        ]
        if names:
            rec[key] = names
    first, last = first_and_last_page(source.pages)
    series_tag = "tertiary_title" if ty in _CONTAINED else "secondary_title"
    isbn, issn = source.isbn_display, source.issn
    values = {
        "title": source.title,
        "secondary_title": source.container_title if ty in _CONTAINED else "",
        series_tag: source.collection_title,
        # The RIS specification puts a conference paper's proceedings title in C3.
        "custom3": source.container_title if ty == "CONF" else "",
        "volume": source.volume,
        "number": source.issue,
        "start_page": first,
        "end_page": last,
        "edition": source.edition,
        "publisher": source.publisher,
        "place_published": source.publisher_place,
        "year": str(source.year or ""),
        "date": _ris_date(source.year, source.month, source.day),
        "access_date": source.accessed.strftime("%Y/%m/%d") if source.accessed else "",
        "doi": source.doi,
        "issn": (isbn or issn) if ty in _ISBN_FIRST else (issn or isbn),
        "language": source.language,
        "abstract": source.abstract,
    }
    rec.update({key: value for key, value in values.items() if value})
    if source.url:
        rec["urls"] = [source.url]
    return {
        key: [one_line(v) for v in value] if isinstance(value, list) else one_line(value)
        for key, value in rec.items()
    }


def _ris_date(year, month, day) -> str:
    """DA as the specification writes it, YYYY/MM/DD/, when there is more than a year."""
    if not (year and month):
        return ""
    return f"{year:04d}/{month:02d}/{f'{day:02d}' if day else ''}/"


def write(sources: Iterable[Source], **_options) -> Iterator[str]:
    """RIS records, one chunk per source, separated by blank lines (creators prefetched)."""
    for number, source in enumerate(sources):
        yield ("\n" if number else "") + _WRITER.formats([record(source)])
