"""Sources as BibTeX entries that BibTeX, biber (biblatex), Zotero and bibtexparser all read.

Non-ASCII text stays UTF-8 (biber and Zotero read it); only LaTeX's special characters are
escaped. Field types and names are the ones both BibTeX styles and biblatex understand, with a
few biblatex-only fields (urldate, origtitle, titleaddon, eprint) that BibTeX ignores."""

import re
from collections.abc import Iterable, Iterator

from sources.cite.exports._fields import one_line, page_range
from sources.models import CreatorRole, ItemType, Source

ENTRY_TYPES = {
    ItemType.ARTICLE_JOURNAL: "article",
    ItemType.BOOK: "book",
    ItemType.CHAPTER: "incollection",
    ItemType.REPORT: "techreport",
    ItemType.THESIS: "phdthesis",
    ItemType.ARTICLE_NEWSPAPER: "article",
    ItemType.ARTICLE_MAGAZINE: "article",
    ItemType.WEBPAGE: "online",
    ItemType.PAPER_CONFERENCE: "inproceedings",
}

# Where the container (journal, book, website…) goes for each entry type.
CONTAINER_FIELDS = {
    "article": "journal",
    "incollection": "booktitle",
    "inbook": "booktitle",
    "inproceedings": "booktitle",
    "online": "organization",
}
# Who published it, by entry type: a report's institution, a thesis's university.
PUBLISHER_FIELDS = {"techreport": "institution", "phdthesis": "school"}

MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")

# BibTeX counts every brace, escaped or not, so a lone \{ would still end a field early: braces
# that pair up are escaped as \{ \}, which every reader decodes, and a lone one is written as a
# command. Lone braces are first swapped for these private-use stand-ins.
_LONE_OPEN, _LONE_CLOSE = "\ue010", "\ue011"
_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    _LONE_OPEN: r"\textbraceleft{}",
    _LONE_CLOSE: r"\textbraceright{}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_SPECIAL_RE = re.compile("|".join(re.escape(ch) for ch in _SPECIAL))
_WORD = re.compile(r"[^\W_](?:[\w'’.-]*[^\W_])?")
_SENTENCE_END = re.compile(r"[:?!.]\s*$")
# Long prepositions and conjunctions that Chicago title case leaves in lower case.
_MINOR_WORDS = frozenset(
    "about above across after against along among around before behind below beneath beside "
    "between beyond despite down during except from inside into like near onto over past "
    "since than that through throughout toward towards under until upon versus when where "
    "while with within without".split()
)


def escape(value) -> str:
    """Plain text as the inside of a BibTeX field value, on one line."""
    return _escape(_mark_lone_braces(one_line(value)))


def verbatim(value: str) -> str:
    """A URL, DOI or handle as biblatex's verbatim fields take it: unescaped (a backslash would
    be kept), on one line, with braces percent-encoded since they must balance even there."""
    return one_line(value).replace("{", "%7B").replace("}", "%7D")


def _mark_lone_braces(text: str) -> str:
    chars, opened = list(text), []
    for index, char in enumerate(chars):
        if char == "{":
            opened.append(index)
        elif char == "}":
            if opened:
                opened.pop()
            else:
                chars[index] = _LONE_CLOSE
    for index in opened:
        chars[index] = _LONE_OPEN
    return "".join(chars)


def _escape(text: str) -> str:
    return _SPECIAL_RE.sub(lambda m: _SPECIAL[m.group()], text)


def _is_title_case(words: list[str]) -> bool:
    """Whether the title capitalises its words (Cooperation under the Security Dilemma) rather
    than only its proper nouns (Cooperation under the security dilemma)."""
    significant = [
        w for w in words[1:] if len(w) > 3 and w[0].isalpha() and w.lower() not in _MINOR_WORDS
    ]
    return bool(significant) and all(w[0].isupper() for w in significant)


def protect_title(title: str) -> str:
    """The title escaped, with braces around the words a style must not lower-case.

    Styles that use sentence case lower-case every unprotected word. Acronyms and words with
    inner capitals (NATO, McNamara) are always protected; in a sentence-case title every
    capitalised word after the first is a proper noun and is protected too. In a title-case
    title the ordinary capitals cannot be told from proper nouns and are left to the style."""
    title = _mark_lone_braces(one_line(title))
    words = _WORD.findall(title)
    title_case = _is_title_case(words)
    out, position, sentence_start = [], 0, True
    for match in _WORD.finditer(title):
        out.append(_escape(title[position : match.start()]))
        if _SENTENCE_END.search(title[: match.start()]):
            sentence_start = True
        word = match.group()
        inner_capital = any(ch.isupper() for ch in word[1:])
        proper_noun = word[0].isupper() and not sentence_start and not title_case
        out.append(f"{{{_escape(word)}}}" if inner_capital or proper_noun else _escape(word))
        position, sentence_start = match.end(), False
    out.append(_escape(title[position:]))
    return "".join(out)


def bibtex_name(person, *, chinese_work: bool) -> str:
    """One name as “Family, Given”: Chinese script for a Chinese work, as in to_csl."""
    if chinese_work and person.family_name_original:
        family, given = person.family_name_original, person.given_name_original
    else:
        family, given = person.family_name, person.given_name
    family = escape(family)
    # An organisation, or a family name with a comma or the word “and”, must stay one name.
    if (not given and " " in family) or "," in family or re.search(r"\band\b", family, re.I):
        family = f"{{{family}}}"
    return f"{family}, {escape(given)}" if given else family


def _names(source: Source, role: str) -> str:
    return " and ".join(
        bibtex_name(credit.person, chinese_work=source.is_chinese)
        for credit in source.creators.all()
        if credit.role == role
    )


def fields(source: Source) -> tuple[str, list[tuple[str, str]]]:
    """(entry type, [(field, value already in BibTeX syntax)]) for one source."""
    entry_type = ENTRY_TYPES.get(source.item_type, "misc")
    book_authors = _names(source, CreatorRole.CONTAINER_AUTHOR)
    if entry_type == "incollection" and book_authors:
        entry_type = "inbook"  # a chapter in a single-author book: biblatex's @inbook
    pairs = []

    def add(name, value, *, latex=False, macro=False):
        """Plain text is escaped; `latex` is already escaped; a `macro` stays unbraced."""
        if value:
            value = value if latex or macro else escape(value)
            pairs.append((name, value if macro else f"{{{value}}}"))

    add("author", _names(source, CreatorRole.AUTHOR), latex=True)
    add("editor", _names(source, CreatorRole.EDITOR), latex=True)
    add("translator", _names(source, CreatorRole.TRANSLATOR), latex=True)
    add("bookauthor", book_authors, latex=True)
    add("title", protect_title(source.title), latex=True)
    # biblatex prints titleaddon after the title: the bracketed translation APA and GB/T want.
    if source.translated_title:
        add("titleaddon", f"[{source.translated_title}]")
    add("origtitle", source.original_title)
    container_field = CONTAINER_FIELDS.get(entry_type, "howpublished")
    if container_field == "booktitle":
        add("booktitle", protect_title(source.container_title), latex=True)
    else:
        add(container_field, source.container_title)
    add("series", source.collection_title)
    add("edition", source.edition)
    add("volume", source.volume)
    add("number", source.issue)
    add("pages", page_range(source.pages, "--"))
    add(PUBLISHER_FIELDS.get(entry_type, "publisher"), source.publisher)
    add("address", source.publisher_place)
    add("year", str(source.year or ""))
    if source.month:
        add("month", MONTHS[source.month - 1], macro=True)  # a macro every style knows
    if source.day:
        add("date", f"{source.year:04d}-{source.month:02d}-{source.day:02d}")
    add("urldate", source.accessed.isoformat() if source.accessed else "")
    add("doi", verbatim(source.doi), latex=True)
    add("isbn", source.isbn_display)
    add("issn", source.issn)
    add("url", verbatim(source.url), latex=True)
    if source.jstor_id or source.handle:
        add("eprint", verbatim(source.jstor_id or source.handle), latex=True)
        add("eprinttype", "jstor" if source.jstor_id else "hdl")
    add("language", source.language)
    add("abstract", source.abstract)
    return entry_type, pairs


def entry(source: Source) -> str:
    entry_type, pairs = fields(source)
    width = max((len(name) for name, _ in pairs), default=0)
    body = ",\n".join(f"  {name.ljust(width)} = {value}" for name, value in pairs)
    return f"@{entry_type}{{{source.citation_key},\n{body}\n}}\n"


def write(sources: Iterable[Source], **_options) -> Iterator[str]:
    """BibTeX entries, one chunk per source, separated by blank lines (creators prefetched)."""
    for number, source in enumerate(sources):
        yield ("\n" if number else "") + entry(source)
