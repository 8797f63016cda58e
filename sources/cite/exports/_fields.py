"""Small helpers the file formats share: one-line values and page ranges."""

import re

# Hyphens, en and em dashes between two page numbers (167-214, 167–214, xii—xx).
_RANGE = re.compile(r"(?<=\w)\s*[-‐‑‒–—]+\s*(?=\w)")


def one_line(value) -> str:
    """The value on one line: every line break a reader could split on becomes a space, so
    that no content can start a line (or a record) of its own in a line-based format."""
    return " ".join(str(value).splitlines()).strip()


def page_range(pages: str, dash: str) -> str:
    """A page range with the format's dash: 167–214 → 167--214 for BibTeX."""
    return _RANGE.sub(dash, pages.strip())


def first_and_last_page(pages: str) -> tuple[str, str]:
    """(first, last) page of a simple range; ("", "") parts when there is none."""
    parts = _RANGE.split(pages.strip(), maxsplit=1)
    first = parts[0].strip()
    last = parts[1].strip() if len(parts) > 1 else ""
    return first, last
