"""Importing reference-manager files: BibTeX, RIS and CSL-JSON become normalised entries
(`parse`), each then classified new / duplicate / invalid and written by `service`."""

import re

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sources.cite.imports import bibtex, csljson, ris
from sources.cite.imports.entry import Creator, Entry, Name, ParsedFile, UnreadableFile

FORMATS = {
    "bibtex": gettext_lazy("BibTeX / BibLaTeX (.bib)"),
    "ris": gettext_lazy("RIS (.ris)"),
    "csljson": gettext_lazy("CSL-JSON (.json)"),
}
_PARSERS = {"bibtex": bibtex.parse, "ris": ris.parse, "csljson": csljson.parse}

__all__ = [
    "FORMATS",
    "Creator",
    "Entry",
    "Name",
    "ParsedFile",
    "UnreadableFile",
    "decode",
    "detect_format",
    "parse",
]


def decode(data: bytes) -> tuple[str, list[str]]:
    """The text of an uploaded file. Old JabRef and EndNote files are often Windows-1252, not
    UTF-8: read them anyway and say so."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):  # EndNote and Windows tools write UTF-16
        try:
            return data.decode("utf-16").replace("\x00", ""), []
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8-sig").replace("\x00", ""), []
    except UnicodeDecodeError:
        pass
    for encoding, label in (("cp1252", "Windows-1252"), ("latin-1", "Latin-1")):
        try:
            text = data.decode(encoding).replace("\x00", "")
        except UnicodeDecodeError:
            continue
        return text, [
            _("The file is not UTF-8; it was read as %(encoding)s.") % {"encoding": label}
        ]
    raise AssertionError("unreachable: Latin-1 decodes any bytes")


def detect_format(text: str) -> str:
    """bibtex, ris or csljson, from what the text looks like; UnreadableFile if none."""
    stripped = text.lstrip("\ufeff \t\r\n")
    if stripped[:1] in ("[", "{"):
        return "csljson"
    if re.search(r"^TY  - ", stripped, re.M):
        return "ris"
    if re.search(r"@\s*[A-Za-z]+\s*[{(]", stripped):
        return "bibtex"
    raise UnreadableFile(
        _("This does not look like BibTeX, RIS or CSL-JSON. Choose the format if it is one.")
    )


def parse(text: str, fmt: str = "auto") -> ParsedFile:
    """Every entry of the text, in order, normalised; UnreadableFile when the text as a whole
    cannot be read as the format."""
    if not text.strip():
        raise UnreadableFile(_("The file is empty."))
    if fmt in ("", "auto", None):
        fmt = detect_format(text)
    if fmt not in _PARSERS:
        raise UnreadableFile(_("Unknown format “%(format)s”.") % {"format": fmt})
    parsed = _PARSERS[fmt](text)
    if not parsed.entries:
        raise UnreadableFile(
            parsed.warnings[-1] if parsed.warnings else _("The file holds no entries.")
        )
    return parsed
