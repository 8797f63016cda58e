"""Reference lists and citations: sorting in the locale's collation, MLA's
subsequent-author-substitute, cites in the order written (or the style's), their prefixes and
suffixes, and collapsing ("[1–3]", "Jervis, 1976, 1978"), none of which citeproc-py does."""

import re
import threading
from functools import cmp_to_key

import icu
from citeproc import model
from citeproc.source import VariableError
from citeproc.string import String

from sources.cite.fixes.context import state
from sources.cite.textcase import QUOTE_END

_TAGS = re.compile(r"<[^>]+>")
_SORT_IGNORED = re.compile(f'[“”‘’「」『』"«»{QUOTE_END}]')
_collators = threading.local()


def _collator(locale: str):
    collators = _collators.__dict__
    if locale not in collators:
        collators[locale] = icu.Collator.createInstance(icu.Locale(locale.replace("-", "_")))
    return collators[locale]


def collation_key(text: str, locale: str) -> bytes:
    """The locale's collation (ICU's, as citeproc-js uses): in zh-TW Chinese names come first,
    by stroke count, as Taiwanese reference lists order them; in en-US after Latin ones."""
    # citeproc-js sorts on text without markup or the style's quotation marks.
    text = _SORT_IGNORED.sub("", _TAGS.sub("", text))
    return _collator(locale).getSortKey(text.lower())


def _sort(self, items, context):
    locale = getattr(self.get_root(), "output_locale", "en-US")
    keys, descending = [], []
    for key in self.findall("cs:key", self.nsmap):
        descending.append(key.get("sort", "ascending") == "descending")
        keys.append(key.sort_keys(items, context))

    def value(raw):
        if raw is None or str(raw) == "":
            return None
        text = str(raw)
        if text.isdigit():
            return (0, int(text))
        return (1, collation_key(text, locale))

    values = [[value(raw) for raw in column] for column in keys]

    def compare(left, right):
        for position, desc in enumerate(descending):
            a, b = values[position][left], values[position][right]
            if a is None or b is None:
                if a is None and b is None:
                    continue
                return 1 if a is None else -1  # missing values last, either way
            if a != b:
                result = -1 if a < b else 1
                return -result if desc else result
        return left - right

    order = sorted(range(len(items)), key=cmp_to_key(compare))
    return [items[i] for i in order]


def _render_bibliography(self, citation_items):
    output, previous = [], None
    for item in citation_items:
        self.repressed = {}
        state.entry = {"previous": previous}
        try:
            text = self.format(self.wrap(self.render_children(item)))
        finally:
            previous = state.entry.get("names")
            state.entry = None
        if text is not None:
            output.append(text)
    return output


# Markers callers put in affixes (page.py marks each work's text with private-use characters
# and a number) do not count when deciding on spaces.
_MARKERS = re.compile("[\ue000-\uf8ff]\\d*")


def _affixes(item, text):
    """A cite's prefix and suffix ("see", "emphasis added"), spaced as citeproc-js does."""
    prefix, suffix = item.get("prefix", ""), item.get("suffix", "")
    if prefix and re.search(r"[\w.:;!?)\],]$", _MARKERS.sub("", prefix)):
        prefix += " "
    if suffix and re.match(r"^[^\W\d_]|^[\[(]", _MARKERS.sub("", suffix)):
        suffix = " " + suffix
    return prefix + text + suffix if (prefix or suffix) else text


def _render_citation(self, citation, callback):
    # Cites keep the order they were written in unless the style sorts them (citeproc-py
    # always put them in bibliography order first).
    good = [cite for cite in citation.cites if not cite.is_bad()]
    bad = [cite for cite in citation.cites if cite.is_bad()]
    if self.getparent().sort is not None:
        good = self.getparent().sort.sort(good, self)
    rendered = []
    for item in good:
        self.repressed = {}
        state.author = {"mode": item.get("author_mode")}
        try:
            text = self.render_children(item)
        except VariableError:
            text = None
        finally:
            item["author_text"] = state.author.get("text")
            state.author = {}
        if text is not None:
            rendered.append((item, text))
            self.getparent().cites.append(item)
    out = _collapsed(self, rendered)
    for item in bad:
        out.append(callback(item) or f"{item.key}?")
    if not out:
        return String("")  # nothing to print (MLA's [-@key] without a page), not "()"
    return self.format(self.wrap(self.join(out)))


def _collapsed(layout, rendered) -> list:
    """The cites of a citation, collapsed as the style asks (citeproc-py does not): runs of
    three or more numbers as a range ("[1–3]"), and the works of one author after one name
    ("Jervis, 1976, 1978")."""
    collapse = layout.getparent().get("collapse")
    if collapse == "citation-number":
        numbers = [str(text) for _, text in rendered]
        if all(number.isdigit() for number in numbers) and len(numbers) > 2:
            return _number_ranges([int(number) for number in numbers])
    if collapse and collapse.startswith("year"):
        delimiter = layout.getparent().get("cite-group-delimiter", ", ")
        out, previous = [], None
        for item, text in rendered:
            author = str(item.get("author_text") or "")
            plain = not item.get("prefix") and not item.get("suffix")
            text = str(text)
            if out and plain and author and author == previous and text.startswith(author):
                out[-1] = out[-1] + delimiter + text[len(author) :].lstrip(", ")
            else:
                out.append(_affixes(item, text))
                previous = author if plain else None
        return out
    return [_affixes(item, text) for item, text in rendered]


def _number_ranges(numbers: list[int]) -> list[str]:
    out, start = [], 0
    for end in range(1, len(numbers) + 1):
        if end == len(numbers) or numbers[end] != numbers[end - 1] + 1:
            run = numbers[start:end]
            out += [f"{run[0]}\u2013{run[-1]}"] if len(run) > 2 else [str(n) for n in run]
            start = end
    return out


def install() -> None:
    model.Sort.sort = _sort
    model.Layout.render_bibliography = _render_bibliography
    model.Layout.render_citation = _render_citation
