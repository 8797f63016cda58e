"""Field values as real files write them, made into what a Source stores. Each function keeps
what it can and says (through `entry.warn`) what it had to drop or guess."""

import datetime as dt
import re

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _

from sources.cite.imports.entry import Entry
from sources.cite.imports.names import HAN
from sources.identifiers import normalise_doi, normalise_isbn, normalise_issn
from sources.models import Language, Source

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january", "janvier", "januar"),
            ("feb", "february", "février", "februar"),
            ("mar", "march", "mars", "märz"),
            ("apr", "april", "avril"),
            ("may", "mai"),
            ("jun", "june", "juin", "juni"),
            ("jul", "july", "juillet", "juli"),
            ("aug", "august", "août"),
            ("sep", "sept", "september", "septembre"),
            ("oct", "october", "octobre", "oktober"),
            ("nov", "november", "novembre"),
            ("dec", "december", "décembre", "dezember"),
        ],
        start=1,
    )
    for name in names
}
_YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)")
_NO_DATE = {"n.d.", "nd", "n. d.", "no date", "s.d.", "undated", "無日期", "无日期"}
_UNPUBLISHED = {"forthcoming", "in press", "in print", "to appear", "accepted", "submitted"}
_RANGE = re.compile(r"^\s*(?:pp?\.\s*)?([A-Za-z]*)(\d+)\s*(?:-+|–|—|‒|−)\s*([A-Za-z]*)(\d+)\s*$")
_url_validator = URLValidator(schemes=["http", "https"])

LANGUAGES = {
    "en": Language.EN,
    "eng": Language.EN,
    "english": Language.EN,
    "american": Language.EN,
    "british": Language.EN,
    "zh-hant": Language.ZH_HANT,
    "zh-tw": Language.ZH_HANT,
    "zh-hk": Language.ZH_HANT,
    "traditional chinese": Language.ZH_HANT,
    "chinese (traditional)": Language.ZH_HANT,
    "繁體中文": Language.ZH_HANT,
    "zh-hans": Language.ZH_HANS,
    "zh-cn": Language.ZH_HANS,
    "zh-sg": Language.ZH_HANS,
    "simplified chinese": Language.ZH_HANS,
    "chinese (simplified)": Language.ZH_HANS,
    "简体中文": Language.ZH_HANS,
    "ja": Language.JA,
    "jpn": Language.JA,
    "japanese": Language.JA,
    "日本語": Language.JA,
    "ko": Language.KO,
    "kor": Language.KO,
    "korean": Language.KO,
    "한국어": Language.KO,
}
# Chinese with no script given: decided from the title (below).
_CHINESE = {"zh", "zho", "chi", "chinese", "中文", "漢語", "汉语", "華語"}
# Characters common in titles that differ between the scripts, to tell 國際關係 from 国际关系.
_SIMPLIFIED = set("国际关与这为们来说发学经济对时会过还进问题东书长门见边应军战权产论华历实现")
_TRADITIONAL = set("國際關與這為們來說發學經濟對時會過還進問題東書長門見邊應軍戰權產論華歷實現")


# Control characters: invisible, and PostgreSQL refuses NUL in text.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def text(value) -> str:
    """One line of text: runs of whitespace (line breaks, ties) become single spaces."""
    return " ".join(CONTROL.sub("", str(value or "")).split())


def parse_year(raw: str, entry: Entry) -> int | None:
    """A four-digit year from `1978`, `[1978]`, `c. 1990`, `1994/1995`; none for `n.d.` or
    `forthcoming` (said in a warning, since the date is then missing from the reference)."""
    value = text(raw)
    if not value or value.casefold() in _NO_DATE:
        return None
    if value.casefold() in _UNPUBLISHED:
        entry.warn(_("Year “%(value)s” is not a date; the year is left empty.") % {"value": value})
        return None
    years = _YEAR.findall(value)
    year = int(years[0]) if years else None
    if year is None or not 1000 <= year <= 2100:
        entry.warn(_("Year “%(value)s” is not a year; it was left empty.") % {"value": value})
        return None
    if value != years[0] and not re.fullmatch(r"\[\d{4}\]", value):
        entry.warn(_("Year “%(value)s” was read as %(year)s.") % {"value": value, "year": year})
    return year


def parse_month(raw, entry: Entry) -> int | None:
    """A month from `jan`, `January`, `Jan.`, `1` or `01`."""
    value = text(raw).casefold().rstrip(".")
    if not value:
        return None
    if value.isdigit() and 1 <= int(value) <= 12:
        return int(value)
    if value in MONTHS:
        return MONTHS[value]
    entry.warn(_("Month “%(value)s” is not a month; it was left out.") % {"value": text(raw)})
    return None


def parse_iso_date(raw: str, entry: Entry) -> tuple[int | None, int | None, int | None]:
    """(year, month, day) from an ISO-like date (`1978-06-15`, `1978/06`, `1978`)."""
    value = text(raw)
    match = re.match(r"^(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?)?", value)
    if not match:
        return parse_year(value, entry), None, None
    year, month, day = (int(g) if g else None for g in match.groups())
    if month and not 1 <= month <= 12:
        month = day = None
    if day and not 1 <= day <= 31:
        day = None
    return year, month, day


def parse_date(raw: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text(raw)[:10])
    except ValueError:
        return None


def pages(raw: str) -> str:
    """Page ranges with an en dash and their end written out: `510--50` → `510–550`."""
    value = text(raw)
    parts = [p.strip() for p in re.split(r"\s*[;,]\s*", value) if p.strip()]
    return ", ".join(_page_range(p) for p in parts)


def _page_range(part: str) -> str:
    match = _RANGE.match(part)
    if not match:
        return re.sub(r"^pp?\.\s*", "", part).replace("--", "–")
    prefix, start, end_prefix, end = match.groups()
    if len(end) < len(start) and not end_prefix:
        end = start[: len(start) - len(end)] + end
    return f"{prefix}{start}–{end_prefix or prefix}{end}" if prefix else f"{start}–{end}"


def language(raw: str, title: str, entry: Entry) -> str:
    """One of our language codes from what the file says, or from the title's script."""
    value = text(raw).casefold().replace("_", "-")
    if value in LANGUAGES:
        return LANGUAGES[value]
    if value in _CHINESE or value.startswith("zh") or (not value and HAN.search(title)):
        if re.search(r"[\u3040-\u30ff]", title):
            return Language.JA
        simplified = sum(ch in _SIMPLIFIED for ch in title)
        traditional = sum(ch in _TRADITIONAL for ch in title)
        return Language.ZH_HANS if simplified > traditional else Language.ZH_HANT
    if not value:
        if re.search(r"[\uac00-\ud7af]", title):
            return Language.KO
        return Language.EN
    if value[:2] in {"en", "ja", "ko"}:
        return LANGUAGES[value[:2]]
    entry.warn(_("Language “%(value)s” is not one we record; set to “other”.") % {"value": raw})
    return Language.OTHER


def identifier(field: str, raw, entry: Entry) -> str:
    """A normalised DOI, ISBN or ISSN; the first usable one when the file lists several."""
    normalise = {"doi": normalise_doi, "isbn": normalise_isbn, "issn": normalise_issn}[field]
    values = raw if isinstance(raw, list) else [raw]
    candidates = []
    for value in values:
        value = text(value)
        if field == "doi":
            candidates.append(value)
            continue
        # “0-19-xxx (pbk.); 978-…” lists several, with qualifiers.
        value = re.sub(
            r"\(.*?\)|\b(?:pbk|hbk|paperback|hardcover|cloth|ebook|print|online)\b\.?",
            "",
            value,
            flags=re.I,
        )
        candidates.extend(v for v in re.split(r"\s*(?:[,;/]|\bor\b)\s*", value) if v.strip())
    for candidate in candidates:
        try:
            return normalise(candidate)
        except ValidationError as exc:
            entry.warn(
                _("%(field)s left out: %(error)s")
                % {"field": field.upper(), "error": exc.messages[0]}
            )
    return ""


def url(raw, entry: Entry) -> str:
    values = raw if isinstance(raw, list) else [raw]
    for value in values:
        value = text(value)
        value = re.sub(r"^\\url\{(.*)\}$", r"\1", value)
        if not value:
            continue
        try:
            _url_validator(value)
        except ValidationError:
            entry.warn(_("“%(value)s” is not a web address; it was left out.") % {"value": value})
            continue
        return value
    return ""


def fit(entry: Entry) -> None:
    """Shorten values longer than their column, saying so, so that one over-long subtitle does
    not cost the whole entry."""
    for name, value in list(entry.fields.items()):
        max_length = getattr(Source._meta.get_field(name), "max_length", None)
        if isinstance(value, str) and max_length and len(value) > max_length:
            if name in {"url", "archived_url", "doi", "isbn", "issn"}:
                entry.warn(_("%(field)s is too long; it was left out.") % {"field": name})
                entry.fields[name] = ""
            else:
                entry.fields[name] = value[: max_length - 1].rstrip() + "…"
                entry.warn(
                    _("%(field)s was shortened to %(max)d characters.")
                    % {"field": Source._meta.get_field(name).verbose_name, "max": max_length}
                )
