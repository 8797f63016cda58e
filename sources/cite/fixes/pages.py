"""Page ranges in the style's page-range-format, as citeproc-js reads the CSL rules
(citeproc-py printed MLA's 1-20 as "1–0"); pinpoints on pages are formatted the same way."""

import re

from citeproc import model

_original = {}

_RANGE = re.compile(r"^([A-Za-z]*)(\d+)\s*[-\u2013]+\s*([A-Za-z]*)(\d+)$")


def _minimal(first: str, last: str, keep: int) -> str:
    if len(first) != len(last):
        return last
    common = 0
    while common < len(first) and first[common] == last[common]:
        common += 1
    return last[min(common, max(len(last) - keep, 0)) :] if keep else last[common:]


def format_range(first: str, last: str, form: str | None) -> str:
    """The last page of a range as CSL page-range-format (citeproc-js's reading) wants it."""
    if len(last) < len(first):  # "510-50" is 510 to 550
        last = first[: len(first) - len(last)] + last
    if int(last) <= int(first) or form in (None, "expanded"):
        return last
    begin, end = int(first), int(last)
    if form == "minimal":
        return _minimal(first, last, 0)
    if form == "minimal-two":
        return _minimal(first, last, 2)
    if form in ("chicago", "chicago-15"):
        if begin > 100 and begin % 100 and begin // 100 == end // 100:
            return str(end % 100)
        if begin >= 10000:
            return str(end % 1000)
        return last
    if form == "chicago-16" and begin > 100 and begin % 100:
        for digits in range(2, len(last)):
            divisor = 10**digits
            if begin // divisor == end // divisor:
                return str(end % divisor)
    return last


def page_range(value: str, element, variable: str) -> str:
    """Pages such as "167-214, 220" in the style's page-range-format and delimiter."""
    delimiter = str(element.get_single_term(name="page-range-delimiter") or "") or "\u2013"
    form = element.get_root().get("page-range-format")
    parts = []
    for piece in re.split(r"(\s*[,&]\s*)", value):
        match = _RANGE.match(piece.strip())
        if not match:
            parts.append(piece)
            continue
        prefix, first, last_prefix, last = match.groups()
        if variable == "page-first":
            parts.append(prefix + first)
        elif last_prefix and last_prefix != prefix:
            parts.append(piece.strip().replace("-", delimiter))
        else:
            parts.append(prefix + first + delimiter + prefix + format_range(first, last, form))
    if variable == "page-first":
        return parts[0]
    return "".join(parts)


def _format_number_process(self, value, variable):
    if variable in ("page", "page-first"):
        return page_range(str(value), self, variable)
    return _original["_process"](self, value, variable)


def install() -> None:
    _original["_process"] = model.FormatNumber._process
    model.FormatNumber._process = _format_number_process
