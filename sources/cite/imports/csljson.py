"""CSL-JSON (Zotero, Pandoc, citeproc, and our own exports): an array of item objects."""

import json
import re

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from sources.cite.csl import CUSTOM_FIELDS
from sources.cite.imports import values
from sources.cite.imports.entry import Creator, Entry, ParsedFile, UnreadableFile
from sources.cite.imports.finish import finish
from sources.cite.imports.names import from_literal, make_name
from sources.models import CreatorRole, ItemType

OTHER_TYPES = {
    "article": ItemType.REPORT,
    "manuscript": ItemType.REPORT,
    "document": ItemType.REPORT,
    "pamphlet": ItemType.REPORT,
    "dataset": ItemType.REPORT,
    "speech": ItemType.REPORT,
    "post": ItemType.WEBPAGE,
    "post-weblog": ItemType.WEBPAGE,
    "entry": ItemType.CHAPTER,
    "entry-dictionary": ItemType.CHAPTER,
    "entry-encyclopedia": ItemType.CHAPTER,
    "review": ItemType.ARTICLE_JOURNAL,
    "review-book": ItemType.ARTICLE_JOURNAL,
    "periodical": ItemType.BOOK,
    "collection": ItemType.BOOK,
}
ROLES = {
    "author": CreatorRole.AUTHOR,
    "editor": CreatorRole.EDITOR,
    "translator": CreatorRole.TRANSLATOR,
    "container-author": CreatorRole.CONTAINER_AUTHOR,
}
SIMPLE = {
    "title": "title",
    "original-title": "original_title",
    "container-title": "container_title",
    "collection-title": "collection_title",
    "volume": "volume",
    "issue": "issue",
    "edition": "edition",
    "publisher": "publisher",
    "publisher-place": "publisher_place",
    "abstract": "abstract",
}
USED = {
    *SIMPLE,
    *ROLES,
    *"id type citation-key page page-first issued accessed DOI ISBN ISSN URL language "
    "custom".split(),
}
BOOKKEEPING = set(
    "note keyword source shortTitle title-short container-title-short journalAbbreviation "
    "number-of-pages call-number archive archive_location citation-label system_id".split()
)
# CSL rich text allows a few inline tags; the text inside is what we keep.
_CSL_MARKUP = re.compile(r"</?(?:i|b|sup|sub|sc)>|<span class=\"(?:nocase|nodecor)\">|</span>")
# Ids that only number the items (Zotero's ITEM-1, bare numbers) are not citation keys.
_PLACEHOLDER_ID = re.compile(r"^(?:item-?\d+|\d+)$", re.I)


def parse(text: str) -> ParsedFile:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise UnreadableFile(
            _("This is not valid JSON: %(error)s (line %(line)d, column %(column)d).")
            % {"error": exc.msg, "line": exc.lineno, "column": exc.colno}
        ) from None
    if not isinstance(data, list):
        raise UnreadableFile(
            _("CSL-JSON must be an array of items, [{…}, {…}]; this file holds a %(kind)s.")
            % {"kind": _json_kind(data)}
        )
    entries = []
    for number, item in enumerate(data, start=1):
        if isinstance(item, dict):
            entries.append(_entry(item, number))
        else:
            entries.append(
                Entry(
                    number=number,
                    error=_("Item %(number)d is a %(kind)s, not an object {…}.")
                    % {"number": number, "kind": _json_kind(item)},
                )
            )
    return ParsedFile(format="csljson", entries=entries)


def _json_kind(value) -> str:
    kinds = {dict: _("object"), list: _("list"), str: _("string"), bool: _("true/false value")}
    # "number" alone is also a pinpoint label (LocatorLabel.ISSUE): the context keeps them apart.
    number = pgettext("JSON value", "number")
    return kinds.get(type(value), number if isinstance(value, int | float) else _("null"))


def _str(value) -> str:
    if isinstance(value, list):  # some exporters give ISBN or URL as a list
        value = next((v for v in value if v), "")
    if isinstance(value, dict | bool) or value is None:
        return ""
    return values.text(_CSL_MARKUP.sub("", str(value)))


def _entry(item: dict, number: int) -> Entry:
    key = _str(item.get("citation-key")) or _str(item.get("id"))
    entry = Entry(number=number, key="" if _PLACEHOLDER_ID.match(key) else key)
    f = entry.fields
    kind = _str(item.get("type"))
    if kind in ItemType.values:
        f["item_type"] = kind
    else:
        f["item_type"] = OTHER_TYPES.get(kind, ItemType.REPORT)
        entry.warn(
            _("CSL type “%(kind)s” is not one we keep; imported as %(type)s.")
            % {"kind": kind or "?", "type": ItemType(f["item_type"]).label}
        )
    ignored = sorted(set(item) - USED - BOOKKEEPING)
    if ignored:
        entry.warn(_("Not imported: %(fields)s.") % {"fields": ", ".join(ignored)})
    for variable, role in ROLES.items():
        names = item.get(variable) or []
        for name in names if isinstance(names, list) else []:
            _add_name(entry, name, role)
    for variable, field in SIMPLE.items():
        f[field] = _str(item.get(variable))
    f["pages"] = values.pages(_str(item.get("page")) or _str(item.get("page-first")))
    f["year"], f["month"], f["day"] = _date(item.get("issued"), entry)
    accessed = _date(item.get("accessed"), entry)
    f["accessed"] = values.parse_date("-".join(f"{p:02d}" for p in accessed if p)) or None
    f["doi"] = values.identifier("doi", _str(item.get("DOI")), entry)
    f["isbn"] = values.identifier("isbn", _str(item.get("ISBN")), entry)
    f["issn"] = values.identifier("issn", _str(item.get("ISSN")), entry)
    f["url"] = values.url(_str(item.get("URL")), entry)
    f["language"] = values.language(_str(item.get("language")), f["title"], entry)
    custom = item.get("custom") if isinstance(item.get("custom"), dict) else {}
    for field in CUSTOM_FIELDS:
        value = _str(custom.get(field))
        f[field] = values.url(value, entry) if field.endswith("url") else value
    finish(entry)
    return entry


def _add_name(entry: Entry, name, role: str) -> None:
    if not isinstance(name, dict):
        entry.warn(_("A name that is not an object was left out."))
        return
    if literal := _str(name.get("literal")):
        parsed = from_literal(literal)
    else:
        family = " ".join(
            p for p in (_str(name.get("non-dropping-particle")), _str(name.get("family"))) if p
        )
        given = " ".join(
            p for p in (_str(name.get("given")), _str(name.get("dropping-particle"))) if p
        )
        if suffix := _str(name.get("suffix")):
            family = f"{family} {suffix}"
        if family.casefold() in {"others", "et al.", "et al"}:
            entry.et_al = True
            return
        parsed = make_name(family, given)
    if parsed.family:
        entry.creators.append(Creator(parsed, role))


def _date(value, entry: Entry) -> tuple[int | None, int | None, int | None]:
    """(year, month, day) from `date-parts`, or from `raw` / `literal` text."""
    if not isinstance(value, dict):
        return None, None, None
    parts = value.get("date-parts")
    if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
        first = [int(p) if str(p).strip().isdigit() else None for p in parts[0][:3]]
        first += [None] * (3 - len(first))
        year, month, day = first
        if year and not 1000 <= year <= 2100:
            entry.warn(_("Year “%(value)s” is not a year; it was left empty.") % {"value": year})
            return None, None, None
        return year, month if month and 1 <= month <= 12 else None, day
    for text in (value.get("raw"), value.get("literal")):
        if isinstance(text, str) and text.strip():
            return values.parse_iso_date(text, entry)
    return None, None, None
