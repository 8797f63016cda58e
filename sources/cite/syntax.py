"""Pandoc's citation syntax, read from a string: bracketed clusters and author-in-text citations.

These functions see plain inline text; markup.py runs them inside Python-Markdown, which has
already set code spans, escapes and links aside, so `@` in code or in `\\@` never gets here.
"""

import re
from dataclasses import dataclass

from sources.cite.engine import CiteItem
from sources.cite.locators import parse_locator

# A key starts with a letter, digit or _ and may contain single internal punctuation
# characters; `@{...}` allows anything else. Keys are ASCII on this site, so a key ends where
# Chinese text begins: 「@jervis1978指出」 cites jervis1978.
_KEY = (
    r"@(?:\{(?P<braced>[^{}\s]+)\}"
    r"|(?P<key>[A-Za-z0-9_](?:[A-Za-z0-9_]|[:.#$%&\-+?<>~/](?=[A-Za-z0-9_]))*))"
)
# What may not come right before `@`: a word character makes it an e-mail address
# (foo@bar.com), URL punctuation a path (example.com/@user), a hyphen Pandoc's `-@key`.
_NOT_AFTER = r"(?<![A-Za-z0-9_@/\\:=+&%~#$?.\-])"
KEY = re.compile(_KEY)
# Where a citation may begin: the start of a bracketed cluster or an author-in-text key.
START = re.compile(rf"\[|{_NOT_AFTER}@(?=[{{A-Za-z0-9_])")
# A key in a bracketed item, after its prefix, with Pandoc's `-` for "suppress author".
_ITEM_KEY = re.compile(rf"{_NOT_AFTER}(?P<minus>-?)(?<![A-Za-z0-9_@/\\:=+&%~#$?.]){_KEY}")
_SEPARATORS = ";；"
MAX_CLUSTER_LENGTH = 2000
# Emphasis in a prefix or suffix (`and *passim*`): the words are kept, the markers dropped.
_EMPHASIS = re.compile(r"(\*{1,3}|_{1,3})(?=\S)(.+?)(?<=\S)\1")


@dataclass(frozen=True)
class Cluster:
    """One citation as written: `[see @snyder1984, pp. 461–495; @cha2000]` is one cluster of
    two items; `@jervis1978 [p. 167]` is an author-in-text cluster of one."""

    items: tuple[CiteItem, ...]
    author_in_text: bool = False

    @property
    def keys(self) -> list[str]:
        return [item.key for item in self.items]


def _plain(text: str) -> str:
    return _EMPHASIS.sub(r"\2", " ".join(text.split()))


def _key(match: re.Match) -> str:
    return (match["braced"] or match["key"]).lower()


def _closing_bracket(text: str, start: int) -> int:
    """The index of the `]` closing the `[` at `start` (nested brackets and braces allowed),
    or -1."""
    depth, braces = 0, 0
    # A citation is short: looking further would make a text full of `[` quadratic.
    for i in range(start, min(len(text), start + MAX_CLUSTER_LENGTH)):
        ch = text[i]
        if ch == "{":
            braces += 1
        elif ch == "}" and braces:
            braces -= 1
        elif braces:
            continue
        elif ch == "[":
            depth += 1
        elif ch == "]":
            depth -= 1
            if depth == 0:
                return i
    return -1


def _segments(content: str) -> list[str]:
    """The parts of a cluster between semicolons (not those inside braces)."""
    parts, depth, last = [], 0, 0
    for i, ch in enumerate(content):
        if ch == "{":
            depth += 1
        elif ch == "}" and depth:
            depth -= 1
        elif ch in _SEPARATORS and not depth:
            parts.append(content[last:i])
            last = i + 1
    parts.append(content[last:])
    return parts


def _item(key: str, suffix: str, *, prefix: str = "", suppress_author: bool = False) -> CiteItem:
    locator = parse_locator(suffix)
    return CiteItem(
        key=key,
        locator=locator.value,
        label=locator.label,
        prefix=_plain(prefix),
        suffix=_plain(locator.rest),
        suppress_author=suppress_author,
    )


def _bracketed_item(segment: str) -> CiteItem | None:
    match = _ITEM_KEY.search(segment)
    if not match:
        return None
    return _item(
        _key(match),
        segment[match.end() :],
        prefix=segment[: match.start()],
        suppress_author=bool(match["minus"]),
    )


def _bracketed_items(content: str) -> list[CiteItem] | None:
    """Every part must cite a key, or the brackets are just brackets (Pandoc does the same)."""
    items = [_bracketed_item(segment) for segment in _segments(content)]
    return None if None in items else items


def parse_at(text: str, start: int) -> tuple[Cluster, int] | None:
    """The citation beginning at `text[start]` (where START matched) and where it ends."""
    if text[start] == "[":
        end = _closing_bracket(text, start)
        if end < 0:
            return None
        items = _bracketed_items(text[start + 1 : end])
        return (Cluster(tuple(items)), end + 1) if items else None
    match = KEY.match(text, start)
    if not match:
        return None
    key, end = _key(match), match.end()
    # `@jervis1978 [p. 167]`: an optional bracket after one optional space holds the in-text
    # item's locator and suffix, then possibly more items (`@a [p. 3; see also @b]`).
    bracket = end + 1 if text.startswith(" [", end) else end
    if text.startswith("[", bracket) and (close := _closing_bracket(text, bracket)) > 0:
        first, *others = _segments(text[bracket + 1 : close])
        more = _bracketed_items(";".join(others)) if others else []
        if not KEY.search(first) and more is not None:
            return Cluster((_item(key, first), *more), author_in_text=True), close + 1
    return Cluster((_item(key, ""),), author_in_text=True), end
