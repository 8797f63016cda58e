"""Normalise and validate scholarly identifiers (DOI, ISBN, ISSN, ORCID, Wikidata)."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from stdnum import isbn as stdnum_isbn
from stdnum import issn as stdnum_issn
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.iso7064 import mod_11_2

_DOI_PREFIXES = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.IGNORECASE)
_DOI = re.compile(r"^10\.\d{4,9}/\S+$")
_ORCID = re.compile(r"^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$")
_WIKIDATA = re.compile(r"^Q[1-9]\d*$")


def normalise_doi(value: str) -> str:
    """A bare, lower-case DOI (DOIs are case-insensitive) from any common spelling."""
    value = _DOI_PREFIXES.sub("", (value or "").strip()).lower()
    if value and not _DOI.match(value):
        raise ValidationError(
            _("“%(value)s” is not a DOI: it should look like 10.2307/2009958."),
            code="invalid_doi",
            params={"value": value},
        )
    return value


def normalise_isbn(value: str) -> str:
    """The ISBN-13 digits of an ISBN-10 or ISBN-13, with or without hyphens."""
    value = (value or "").strip()
    if not value:
        return ""
    try:
        return stdnum_isbn.to_isbn13(stdnum_isbn.validate(value))
    except StdnumError:
        raise ValidationError(
            _("“%(value)s” is not a valid ISBN-10 or ISBN-13 (check the digits)."),
            code="invalid_isbn",
            params={"value": value},
        ) from None


def format_isbn(value: str) -> str:
    return stdnum_isbn.format(value) if value else ""


def normalise_issn(value: str) -> str:
    value = (value or "").strip()
    if not value:
        return ""
    try:
        return stdnum_issn.format(stdnum_issn.validate(value))
    except StdnumError:
        raise ValidationError(
            _("“%(value)s” is not a valid ISSN."), code="invalid_issn", params={"value": value}
        ) from None


def validate_orcid(value: str) -> None:
    if value and not (_ORCID.match(value) and mod_11_2.is_valid(value.replace("-", ""))):
        raise ValidationError(
            _("“%(value)s” is not a valid ORCID iD (0000-0002-1825-0097)."),
            code="invalid_orcid",
            params={"value": value},
        )


def validate_wikidata(value: str) -> None:
    if value and not _WIKIDATA.match(value):
        raise ValidationError(
            _("“%(value)s” is not a Wikidata item id such as Q42."),
            code="invalid_wikidata",
            params={"value": value},
        )
