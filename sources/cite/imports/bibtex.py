"""BibTeX and BibLaTeX files, as reference managers and people write them: bibtexparser splits
the file; macros, `#` concatenation, LaTeX and names are decoded here, where we can say what
was lost."""

import logging
import re

import bibtexparser
from bibtexparser.middlewares.names import (
    parse_single_name_into_parts,
    split_multiple_persons_names,
)
from bibtexparser.model import Entry as BibEntry
from bibtexparser.model import ParsingFailedBlock, String
from django.utils.translation import gettext as _
from pylatexenc import latexwalker
from pylatexenc.latex2text import LatexNodes2Text, MacroTextSpec, get_default_latex_context_db

from sources.cite.imports import values
from sources.cite.imports.entry import Creator, Entry, ParsedFile
from sources.cite.imports.finish import finish
from sources.cite.imports.names import make_name
from sources.models import CreatorRole, ItemType

TYPES = {
    "article": ItemType.ARTICLE_JOURNAL,
    "book": ItemType.BOOK,
    "mvbook": ItemType.BOOK,
    "booklet": ItemType.BOOK,
    "collection": ItemType.BOOK,
    "mvcollection": ItemType.BOOK,
    "proceedings": ItemType.BOOK,
    "reference": ItemType.BOOK,
    "inbook": ItemType.CHAPTER,
    "incollection": ItemType.CHAPTER,
    "bookinbook": ItemType.CHAPTER,
    "suppbook": ItemType.CHAPTER,
    "inreference": ItemType.CHAPTER,
    "inproceedings": ItemType.PAPER_CONFERENCE,
    "conference": ItemType.PAPER_CONFERENCE,
    "phdthesis": ItemType.THESIS,
    "mastersthesis": ItemType.THESIS,
    "thesis": ItemType.THESIS,
    "techreport": ItemType.REPORT,
    "report": ItemType.REPORT,
    "online": ItemType.WEBPAGE,
    "electronic": ItemType.WEBPAGE,
    "www": ItemType.WEBPAGE,
    "webpage": ItemType.WEBPAGE,
    "newspaper": ItemType.ARTICLE_NEWSPAPER,
    "magazine": ItemType.ARTICLE_MAGAZINE,
}
_SUBTYPES = {"newspaper": ItemType.ARTICLE_NEWSPAPER, "magazine": ItemType.ARTICLE_MAGAZINE}
ROLES = {
    "author": CreatorRole.AUTHOR,
    "editor": CreatorRole.EDITOR,
    "translator": CreatorRole.TRANSLATOR,
    "bookauthor": CreatorRole.CONTAINER_AUTHOR,
}
# Fields read below; anything else not listed as bookkeeping is named in a warning.
USED = {
    *ROLES,
    *"title booktitle journal journaltitle chapter series volume number issue pages year date "
    "month day edition publisher institution school organization address location doi isbn "
    "issn url howpublished urldate language langid abstract origtitle eprint eprinttype "
    "entrysubtype type titleaddon".split(),
}
# Reference managers' own bookkeeping (JabRef, BibDesk, Zotero, Mendeley): not bibliographic.
BOOKKEEPING = set(
    "owner timestamp quality ranking readstatus printed priority relevance groups file files "
    "keywords mendeley-tags mendeley-groups date-added date-modified annote annotation "
    "shorttitle citeulike-article-id citeulike-linkout-0 read rating pmid pmcid arxivid "
    "archiveprefix primaryclass eprintclass copyright medline-pst".split()
)
_SPECIAL = re.compile(r"[\\{}~$]|--|``|''")
_NEEDS_PARSER = re.compile(r"[\\$]|``|''")
_URL_LIKE = {"url", "doi", "howpublished", "eprint"}
# One-letter-ish macros a careless file runs into the next word: B\aard is B + \aa + rd.
_LETTER_MACRO = re.compile(r"\\(aa|AA|ae|AE|oe|OE|ss|o|O|l|L|i|j)(?=[a-zA-Z])")

# Broken blocks are reported per entry (see _unreadable); the splitter's log lines would only
# repeat them in the server log.
logging.getLogger("bibtexparser.splitter").setLevel(logging.ERROR)

_latex_context = get_default_latex_context_db()
_latex_context.add_context_category(
    "ir-atlas-bib", prepend=True, macros=[MacroTextSpec("url", simplify_repl="%s")]
)
_decoder = LatexNodes2Text(latex_context=_latex_context, math_mode="verbatim")
# The parser's own context, built once: LatexWalker rebuilds it on every call otherwise, which
# was most of the time spent on a large file.
_walker_context = latexwalker.get_default_latex_context_db()


def _latex_to_text(value: str) -> str:
    walker = latexwalker.LatexWalker(value, latex_context=_walker_context, tolerant_parsing=True)
    return _decoder.nodelist_to_text(walker.get_latex_nodes()[0])


def decode(value: str) -> str:
    """Plain Unicode text from LaTeX: accents, escapes, dashes, ties and protecting braces."""
    if not _SPECIAL.search(value):
        return values.text(value)
    if not _NEEDS_PARSER.search(value):
        # Only braces, ties and dashes (most titles and page ranges): no parser needed.
        for latex, plain in (("---", "—"), ("--", "–"), ("~", " "), ("{", ""), ("}", "")):
            value = value.replace(latex, plain)
        return values.text(value)
    value = re.sub(
        r"\\([a-zA-Z]+)",
        lambda m: (
            m.group(0)
            if _latex_context.get_macro_spec(m.group(1)) is not None
            else _LETTER_MACRO.sub(r"\\\1{}", m.group(0))
        ),
        value,
    )
    try:
        # In a field value % is a character, not the start of a LaTeX comment.
        decoded = _latex_to_text(re.sub(r"(?<!\\)%", r"\%", value))
    except Exception:  # noqa: BLE001 - pylatexenc raises many kinds; fall back to stripping
        decoded = re.sub(r"\\[a-zA-Z]+\s*|[{}\\]", "", value)
    return values.text(decoded)


def _unescape_url(value: str) -> str:
    value = re.sub(r"^\s*\\url\{(.*)\}\s*$", r"\1", value, flags=re.S)
    return re.sub(r"\\([_%&#$~])", r"\1", value).replace("{", "").replace("}", "").strip()


def _pieces(raw: str):
    """Split `wp # " Quarterly"` at the `#` signs outside braces and quotes."""
    depth, quoted, start = 0, False, 0
    for i, ch in enumerate(raw):
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        elif ch == '"' and depth == 0:
            quoted = not quoted
        elif ch == "#" and depth == 0 and not quoted:
            yield raw[start:i].strip()
            start = i + 1
    yield raw[start:].strip()


def expand(raw: str, strings: dict[str, str], unknown: list[str]) -> str:
    """A field's value with its enclosing removed, macros replaced and pieces joined."""
    out = []
    for piece in _pieces(str(raw)):
        if len(piece) >= 2 and piece[0] + piece[-1] in ("{}", '""'):
            out.append(piece[1:-1])
        elif piece.isdigit():
            out.append(piece)
        elif piece.lower() in strings:
            out.append(strings[piece.lower()])
        elif piece.lower().rstrip(".") in values.MONTHS:
            out.append(piece)  # the standard month macros (jan, feb…)
        elif piece:
            unknown.append(piece)
            out.append(piece)
    return "".join(out)


def parse(text: str) -> ParsedFile:
    library = bibtexparser.parse_string(text, parse_stack=[])
    strings: dict[str, str] = {}
    entries, warnings = [], []
    for block in library.blocks:
        if isinstance(block, String):
            strings[block.key.lower()] = expand(block.value, strings, [])
            continue
        bib = block.ignore_error_block if isinstance(block, ParsingFailedBlock) else block
        if not isinstance(bib, BibEntry):
            if isinstance(block, ParsingFailedBlock):
                entries.append(_unreadable(block, len(entries) + 1))
            continue
        entry = _entry(bib, strings, len(entries) + 1)
        entries.append(entry)
    if not entries and text.strip():
        warnings.append(_("No BibTeX entries (@article{…}, @book{…}…) were found."))
    return ParsedFile(format="bibtex", entries=entries, warnings=warnings)


def _unreadable(block: ParsingFailedBlock, number: int) -> Entry:
    raw = block.raw or ""
    key = re.match(r"\s*@\w+\s*[{(]\s*([^,\s]*)", raw)
    line = (block.start_line or 0) + 1
    error = getattr(block.error, "abort_reason", "") or str(block.error) or _("syntax error")
    return Entry(
        number=number,
        key=key.group(1) if key else "",
        line=line,
        error=_("Could not be read (line %(line)d): %(error)s")
        % {"line": line, "error": error.strip().splitlines()[0][:200]},
    )


def _entry(bib: BibEntry, strings: dict[str, str], number: int) -> Entry:
    entry = Entry(number=number, key=bib.key.strip(), line=(bib.start_line or 0) + 1)
    raw: dict[str, str] = {}
    unknown_macros: list[str] = []
    for field in bib.fields:
        name = field.key.strip().lower()  # BibDesk and JabRef capitalise: Title =, Author =
        value = expand(field.value, strings, unknown_macros)
        if name in raw:
            if values.text(raw[name]) != values.text(value):
                entry.warn(_("“%(field)s” is given twice; the first is kept.") % {"field": name})
            continue
        raw[name] = value
    if unknown_macros:
        entry.warn(
            _("Undefined @string macros kept as text: %(names)s")
            % {"names": ", ".join(sorted(set(unknown_macros)))}
        )
    ignored = sorted(set(raw) - USED - BOOKKEEPING)
    if ignored:
        entry.warn(_("Not imported: %(fields)s.") % {"fields": ", ".join(ignored)})

    for field, role in ROLES.items():
        if raw.get(field):
            _creators(entry, raw[field], role)
    plain = {k: (_unescape_url(v) if k in _URL_LIKE else decode(v)) for k, v in raw.items()}
    _describe(entry, bib.entry_type.lower(), plain)
    finish(entry)
    return entry


def _creators(entry: Entry, raw: str, role: str) -> None:
    for written in split_multiple_persons_names(raw):
        parts = parse_single_name_into_parts(written, strict=False)
        family = decode(" ".join(parts.von + parts.last))
        given = decode(" ".join(parts.first))
        if parts.jr:
            family = f"{family} {decode(' '.join(parts.jr))}"
        if family.casefold() in {"others", "et al.", "et al"} and not given:
            entry.et_al = True
            continue
        if family:
            entry.creators.append(Creator(make_name(family, given), role))


def _describe(entry: Entry, kind: str, raw: dict[str, str]) -> None:
    """Fill the entry's Source fields from the decoded BibTeX fields."""
    f = entry.fields
    item_type = TYPES.get(kind) or _guess_type(raw)
    if kind not in TYPES:
        entry.warn(
            _("@%(kind)s is not a type we keep; imported as %(type)s.")
            % {"kind": kind, "type": ItemType(item_type).label}
        )
    if item_type == ItemType.ARTICLE_JOURNAL and raw.get("entrysubtype", "").lower() in _SUBTYPES:
        item_type = _SUBTYPES[raw["entrysubtype"].lower()]
    f["item_type"] = item_type

    title = raw.get("title", "")
    container = raw.get("journaltitle") or raw.get("journal") or ""
    chapter = re.sub(r"^\d+\s*[:.]\s*", "", raw.get("chapter", ""))
    if item_type in (ItemType.CHAPTER, ItemType.PAPER_CONFERENCE):
        container = raw.get("booktitle") or container
        if kind == "inbook" and chapter and not chapter.isdigit():
            # JabRef's @inbook: `title` is the book, `chapter` the chapter's title.
            container, title = title, chapter
    if item_type == ItemType.WEBPAGE:
        container = container or raw.get("organization", "")  # biblatex @online: the site
    f["title"] = title or (raw.get("booktitle", "") if item_type == ItemType.BOOK else "")
    f["container_title"] = container
    addon = raw.get("titleaddon", "")
    if match := re.fullmatch(r"\[(.+)\]", addon):
        f["translated_title"] = match.group(1)  # “[Translated title]”, as APA and GB/T write it
    elif addon:
        entry.warn(_("Not imported: titleaddon."))
    f["collection_title"] = raw.get("series", "")
    f["original_title"] = raw.get("origtitle", "")
    f["volume"] = raw.get("volume", "")
    f["pages"] = values.pages(raw.get("pages", ""))
    f["edition"] = raw.get("edition", "")
    publishers = ("publisher", "institution", "school", "organization")
    if item_type == ItemType.WEBPAGE:
        publishers = publishers[:-1]
    f["publisher"] = next((raw[k] for k in publishers if raw.get(k)), "")
    f["publisher_place"] = raw.get("location") or raw.get("address", "")
    f["abstract"] = raw.get("abstract", "")
    _dates(entry, raw)
    f["doi"] = values.identifier("doi", raw.get("doi", ""), entry)
    f["isbn"] = values.identifier("isbn", raw.get("isbn", ""), entry)
    f["issn"] = values.identifier("issn", raw.get("issn", ""), entry)
    link = raw.get("url") or (
        raw.get("howpublished", "") if "://" in raw.get("howpublished", "") else ""
    )
    f["url"] = values.url(link, entry)
    if not f["doi"] and "doi.org/" in f["url"]:
        f["doi"] = values.identifier("doi", f["url"], entry)
    eprint_type = raw.get("eprinttype", "").lower()
    if eprint_type == "jstor":
        f["jstor_id"] = raw.get("eprint", "")
    elif eprint_type in ("hdl", "handle"):
        f["handle"] = raw.get("eprint", "")
    f["accessed"] = values.parse_date(raw.get("urldate", ""))
    f["language"] = values.language(raw.get("langid") or raw.get("language", ""), title, entry)


def _dates(entry: Entry, raw: dict[str, str]) -> None:
    f = entry.fields
    month = day = None
    if raw.get("year"):
        f["year"] = values.parse_year(raw["year"], entry)
        if raw.get("date"):
            # biblatex's full date beside the year: take its month and day if the years agree.
            year, month, day = values.parse_iso_date(raw["date"], entry)
            month, day = (month, day) if year == f["year"] else (None, None)
    elif raw.get("date"):
        f["year"], month, day = values.parse_iso_date(raw["date"], entry)
    f["day"] = int(raw["day"]) if raw.get("day", "").isdigit() else day
    if raw.get("month"):
        month = values.parse_month(raw["month"], entry)
    number = raw.get("number") or raw.get("issue", "")
    if number.casefold().rstrip(".") in values.MONTHS:
        # Some files put the month of a monthly journal in `number`.
        if month is None:
            month = values.MONTHS[number.casefold().rstrip(".")]
        entry.warn(_("“%(value)s” in number was read as the month.") % {"value": number})
        number = ""
    f["issue"] = number
    f["month"] = month


def _guess_type(raw: dict[str, str]) -> str:
    if raw.get("journal") or raw.get("journaltitle"):
        return ItemType.ARTICLE_JOURNAL
    if raw.get("booktitle"):
        return ItemType.CHAPTER
    has_link = raw.get("url") or "://" in raw.get("howpublished", "")
    if has_link and not (raw.get("publisher") or raw.get("institution")):
        return ItemType.WEBPAGE
    return ItemType.REPORT
