"""Pinpoints in citation suffixes, as Pandoc reads them: `p. 170`, `pp. 461–495`, `chap. 3`.

Pandoc takes a locator term from the CSL locale (`p.`, `chap.`, `sec.`, …) followed by one or
more locator words; without a term, a locator made of numbers is a page. Chinese works are
cited with their own terms (`頁 23`, `第 3 章`), which are recognised too. Labels are CSL
locator types, the values of LocatorLabel.
"""

import re
from dataclasses import dataclass

# CSL locator type → the English forms Pandoc accepts (en-US locale terms: long and short,
# singular and plural), plus `ch.` and `tab.`, which are common in the social sciences.
_ENGLISH_TERMS = {
    "book": ("book", "books", "bk.", "bks."),
    "chapter": ("chapter", "chapters", "chap.", "chaps.", "ch."),
    "column": ("column", "columns", "col.", "cols."),
    "figure": ("figure", "figures", "fig.", "figs."),
    "folio": ("folio", "folios", "fol.", "fols."),
    "issue": ("number", "numbers", "no.", "nos."),
    "line": ("line", "lines", "l.", "ll."),
    "note": ("note", "notes", "n.", "nn."),
    "opus": ("opus", "opera", "op.", "opp."),
    "page": ("page", "pages", "p.", "pp."),
    "paragraph": ("paragraph", "paragraphs", "para.", "paras.", "¶", "¶¶"),
    "part": ("part", "parts", "pt.", "pts."),
    "section": ("section", "sections", "sec.", "secs.", "§", "§§"),
    "sub-verbo": ("sub verbo", "sub verbis", "s.v.", "s.vv."),
    "table": ("table", "tables", "tab.", "tbl."),
    "verse": ("verse", "verses", "v.", "vv."),
    "volume": ("volume", "volumes", "vol.", "vols."),
}
# Chinese counters: 第 3 章 (chapter 3), 頁 23 or 23 頁 (page 23), 註 4 (note 4).
_CHINESE_COUNTERS = {
    "頁": "page",
    "页": "page",
    "章": "chapter",
    "節": "section",
    "节": "section",
    "段": "paragraph",
    "圖": "figure",
    "图": "figure",
    "表": "table",
    "註": "note",
    "注": "note",
    "卷": "volume",
    "冊": "volume",
    "册": "volume",
    "期": "issue",
    "部分": "part",
    "行": "line",
}
_CHINESE_PREFIXES = ("頁", "页", "圖", "图", "表", "註", "注", "卷")

_TERM_LABEL = {term: label for label, terms in _ENGLISH_TERMS.items() for term in terms}
_TERM = re.compile(
    "(?P<term>"
    + "|".join(re.escape(t) for t in sorted(_TERM_LABEL, key=len, reverse=True))
    # A term that is a word must end there: `page` in `pages` is not `page` + `s`.
    + r")(?:(?<=\.)|(?<=[¶§])|(?![A-Za-z]))\s*",
    re.IGNORECASE,
)
# One locator word: letters and digits with internal range and section punctuation, and
# bracketed parts, as in 33n2, 461–495, 3.2, xiv, (xv)-(xvii).
_WORD = re.compile(
    r"(?:[0-9A-Za-z]+|\([0-9A-Za-z]+\))(?:[-–—.:/]?(?:[0-9A-Za-z]+|\([0-9A-Za-z]+\)))*"
)
_NEXT_WORD = re.compile(r"\s*[,，]\s*(?=[0-9A-Za-z(])|\s+(?=[0-9(])")
_ROMAN = re.compile(r"^[ivxlcdm]+(?:[-–—][ivxlcdm]+)?$", re.IGNORECASE)
_NUMBER = r"[0-9]+(?:\s*[-–—]\s*[0-9]+)?|[〇零一二三四五六七八九十百千]+"
_COUNTERS = "|".join(sorted(_CHINESE_COUNTERS, key=len, reverse=True))
_CHINESE_ORDINAL = re.compile(rf"第\s*(?P<value>{_NUMBER})\s*(?P<counter>{_COUNTERS})")
_CHINESE_PREFIX = re.compile(rf"(?P<counter>{'|'.join(_CHINESE_PREFIXES)})\s*(?=[0-9])")
_CHINESE_SUFFIX = re.compile(r"(?P<value>[0-9]+(?:\s*[-–—]\s*[0-9]+)?)\s*(?P<counter>頁|页)")
_LEAD = re.compile(r"\s*[,，]?\s*")


@dataclass(frozen=True)
class Locator:
    label: str  # a CSL locator type
    value: str
    rest: str  # the suffix after the locator


def _words(text: str, *, first_needs_digit: bool, any_word: bool = False) -> tuple[str, int]:
    """The locator words at the start of `text` and where they end; ("", 0) when none."""
    match = _WORD.match(text)
    if not match or not _acceptable(match[0], needs_digit=first_needs_digit, any_word=any_word):
        return "", 0
    end = match.end()
    # Later words must look like pinpoints: "pp. 33, 35 and passim" stops before "and".
    while (sep := _NEXT_WORD.match(text, end)) and (word := _WORD.match(text, sep.end())):
        if not _acceptable(word[0], needs_digit=True):
            break
        end = word.end()
    return text[:end], end


def _acceptable(word: str, *, needs_digit: bool, any_word: bool = False) -> bool:
    if any(ch.isdigit() for ch in word) or any_word:
        return True
    return not needs_digit and bool(_ROMAN.match(word))


def _chinese(text: str) -> Locator | None:
    if match := _CHINESE_ORDINAL.match(text):
        return Locator(_CHINESE_COUNTERS[match["counter"]], match["value"], text[match.end() :])
    if match := _CHINESE_SUFFIX.match(text):
        return Locator("page", match["value"], text[match.end() :])
    if match := _CHINESE_PREFIX.match(text):
        value, end = _words(text[match.end() :], first_needs_digit=True)
        if value:
            rest = text[match.end() + end :]
            return Locator(_CHINESE_COUNTERS[match["counter"]], value, rest)
    return None


def _braced(text: str) -> Locator | None:
    """`{pp. iv, vi-xi}`: whatever is in the braces is the locator, after an optional term."""
    end = text.find("}")
    if not text.startswith("{") or end < 0:
        return None
    inner, rest = text[1:end].strip(), text[end + 1 :]
    if not inner:
        return Locator("page", "", rest)  # `{}`: "this suffix has no locator"
    if term := _TERM.match(inner):
        return Locator(_TERM_LABEL[term["term"].lower()], inner[term.end() :].strip(), rest)
    return Locator("page", inner, rest)


def parse_locator(suffix: str) -> Locator:
    """Split a citation suffix into its locator (if any) and the rest of the suffix."""
    lead = _LEAD.match(suffix)
    text = suffix[lead.end() :]
    if braced := _braced(text):
        return braced
    if chinese := _chinese(text):
        return chinese
    if term := _TERM.match(text):
        label = _TERM_LABEL[term["term"].lower()]
        value, end = _words(
            text[term.end() :], first_needs_digit=False, any_word=label == "sub-verbo"
        )
        if value:
            return Locator(label, value, text[term.end() + end :])
        return Locator("page", "", suffix)
    value, end = _words(text, first_needs_digit=True)
    if value:
        return Locator("page", value, text[end:])
    return Locator("page", "", suffix)
