"""Snippets: a short passage around the first match, with the matched words in <mark>.

Matching is done on the folded text (so 冷战 marks 冷戰 and dilemmas marks dilemma) and mapped
back to the original characters; everything else is escaped.
"""

import re
from itertools import accumulate

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from sources.search.query import Query
from sources.search.text import CJK, fold_chars, fold_pieces, is_cjk, stem

WIDTH = 220
BEFORE = 70


class Highlighter:
    """Finds the spans of a text that the query matched."""

    def __init__(self, query: Query):
        self.stems: set[str] = set()
        self.runs: set[str] = set()
        surfaces: set[str] = set()
        for unit in query.units:
            for segment in unit.text.split():
                if is_cjk(segment[0]):
                    self.runs.add(segment)
                else:
                    surfaces.add(segment)
                    self.stems.add(stem(segment))
            if unit.kind == "word":
                self.stems.update(token for atom in unit.atoms for token in atom)
        # Long runs are marked whole where they occur, else by their pairs of characters.
        self.pieces = {r[i : i + 2] for r in self.runs if len(r) > 2 for i in range(len(r) - 1)}
        self.words = self.stems | surfaces
        # Only words that begin like a query word (as typed, or its stem: "rivalry" and
        # "rivalri" for rivalries) are stemmed and compared.
        starts = "|".join(sorted(map(re.escape, self.words), key=len, reverse=True))
        letter = rf"[^\W_{CJK}]"
        self.word_pattern = re.compile(rf"(?<!{letter})(?:{starts}){letter}*") if starts else None

    def _folded_spans(self, folded: str) -> list[tuple[int, int]]:
        spans = []
        for run in sorted(self.runs, key=len, reverse=True):
            spans += [(m.start(), m.end()) for m in re.finditer(re.escape(run), folded)]
        if not spans:
            for piece in self.pieces:
                spans += [(m.start(), m.end()) for m in re.finditer(re.escape(piece), folded)]
        if self.word_pattern:
            for m in self.word_pattern.finditer(folded):
                word = m.group()
                if word in self.words or stem(word) in self.stems:
                    spans.append(m.span())
        return _merge(spans)

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Spans of `text` (original positions) to mark."""
        folded = fold_chars(text)
        if len(folded) == len(text):
            return self._folded_spans(folded)
        # Some character folded to several (ß → ss): map folded positions back.
        ends = list(accumulate(len(p) for p in fold_pieces(text)))
        owner = [i for i, end in enumerate(ends) for _ in range(end - (ends[i - 1] if i else 0))]
        return _merge(
            [(owner[s], owner[e - 1] + 1) for s, e in self._folded_spans(folded) if e > s]
        )


def _merge(spans):
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def marked(text: str, spans, start: int = 0, end: int | None = None) -> SafeString:
    """text[start:end], escaped, with the spans inside <mark>."""
    end = len(text) if end is None else end
    out, position = [], start
    for s, e in spans:
        s, e = max(s, start), min(e, end)
        if s >= e:
            continue
        out += [escape(text[position:s]), "<mark>", escape(text[s:e]), "</mark>"]
        position = e
    out.append(escape(text[position:end]))
    return mark_safe("".join(out))


def _window(text: str, first: int) -> tuple[int, int]:
    start = max(0, first - BEFORE)
    if start and not is_cjk(text[start]):
        # Begin on a word boundary.
        space = text.find(" ", start, first)
        start = space + 1 if space != -1 else start
    # Chinese characters are about twice as wide as letters.
    end = min(len(text), start + (WIDTH // 2 if is_cjk(text[first]) else WIDTH))
    if end < len(text) and not is_cjk(text[end - 1]):
        space = text.rfind(" ", (start + end) // 2, end)
        end = space if space != -1 else end
    return start, end


def snippet(texts: list[str], highlighter: Highlighter) -> tuple[SafeString, int]:
    """The passage of the first text that matches (its index), or the opening of the first
    text that has anything, unmarked."""
    for index, text in enumerate(texts):
        spans = highlighter.spans(text) if text else []
        if spans:
            start, end = _window(text, spans[0][0])
            return _ellipsis(marked(text, spans, start, end), start, end, len(text)), index
    for index, text in enumerate(texts):
        if text:
            start, end = _window(text, 0)
            return _ellipsis(marked(text, [], start, end), start, end, len(text)), index
    return mark_safe(""), 0


def _ellipsis(html: SafeString, start: int, end: int, length: int) -> SafeString:
    return mark_safe(("…" if start else "") + html + ("…" if end < length else ""))
