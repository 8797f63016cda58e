"""Text as citeproc-js renders it: quotation marks (punctuation inside them in en-US, data
quotes turned into the locale's), text case (citeproc-js's stop words, title case only for
English), no italics on Chinese, page-formatted pinpoints, the `disambiguate` and `is-numeric`
conditions, ordinals and year suffixes."""

import re
from functools import lru_cache

from citeproc import model
from citeproc.string import String

from sources.cite.fixes.pages import page_range
from sources.cite.textcase import CASES, QUOTE_END, ROMANESQUE

_original = {}

# --- Quotes, case, italics ---------------------------------------------------------------


def _quote(self, string):
    # The marker after the closing quote lets textcase.tidy_punctuation move periods and commas
    # inside it (en-US punctuation-in-quote) without touching quotation marks in the data.
    if self.get("quotes", "false").lower() == "true":
        open_quote = self.get_single_term(name="open-quote")
        close_quote = self.get_single_term(name="close-quote")
        string = _inner_quotes(self, string)
        return open_quote + string + close_quote + String(QUOTE_END)
    return string


@lru_cache(maxsize=16)
def _quoted(outer: tuple[str, str], inner: tuple[str, str]) -> re.Pattern:
    # What citeproc-js takes for quotation marks in data: straight quotes, and the locale's own
    # pairs (“…” and ‘…’ in en-US, 「…」 and 『…』 in zh-TW; “…” stays as it is in zh-TW).
    pairs = [r'"([^"]*)"', r"(?<![\w’'])'([^']*?)'(?![\w’'])"]
    for opening, closing in (outer, inner):
        pairs.append(
            f"{re.escape(opening)}([^{re.escape(closing)}]*){re.escape(closing)}{QUOTE_END}?"
        )
    return re.compile("|".join(pairs))


def _flip(element, text: str, *, inner: bool) -> str:
    """Quotation marks in the data as the locale's quotes, as citeproc-js does: in the open, the
    first kind of straight quote met ("…" or '…') and the locale's outer pair become outer
    quotes, the other kind and the inner pair inner quotes; inside a quoted title (`inner`) all
    become inner quotes. Apostrophes become typographic."""
    outer = (
        str(element.get_single_term(name="open-quote")),
        str(element.get_single_term(name="close-quote")),
    )
    inner_pair = (
        str(element.get_single_term(name="open-inner-quote")),
        str(element.get_single_term(name="close-inner-quote")),
    )
    pattern = _quoted(outer, inner_pair)
    first = next((m.lastindex for m in pattern.finditer(text) if m.lastindex <= 2), 1)
    levels = {first: 0, 3 - first: 1, 3: 0, 4: 1}  # regex group → outer (0) or inner (1)

    def pair(m):
        opening, closing = inner_pair if inner or levels[m.lastindex] else outer
        # Only a quotation closing the text takes in the punctuation the style adds after it.
        return opening + m[m.lastindex] + closing + (QUOTE_END if m.end() == len(text) else "")

    return pattern.sub(pair, text).replace("'", "’")


def _inner_quotes(element, string):
    text = str(string)
    flipped = _flip(element, text, inner=True)
    return string if flipped == text else String(flipped)


def _case(self, text, language=None):
    """text-case as citeproc-js applies it: title case only for English (`language` is the
    item's, see _text_process), and with citeproc-js's stop words."""
    text_case = self.get("text-case")
    if text_case is None or text_case == "normal" or text is None:
        return text
    if text_case == "title" and language and not language.lower().startswith("en"):
        return text
    return String(CASES[text_case](str(text)))


def _text_process(self, item, context=None, **kwargs):
    if context is None:
        context = self
    # Title case is for English: the item's language, or if it has none the output locale's
    # (citeproc-js); terms are always cased.
    language = None
    if "variable" in self.attrib or "macro" in self.attrib:
        language = item.reference.get("language") or getattr(
            self.get_root(), "output_locale", "en"
        )
    if "variable" in self.attrib:
        text = self._variable(item, context)
    elif "macro" in self.attrib:
        text = self.get_macro(self.get("macro")).render(item, context)
    elif "term" in self.attrib:
        text = self._term(item)
    else:
        text = String(self.preformat(self.get("value")))
    return text, language


def _text_markup(self, text, language):
    if text is None or str(text) == "":
        return None
    text = self.case(self.strip_periods(text), language)
    if (
        "variable" in self.attrib
        and self.get("variable") not in ("URL", "DOI")
        and self.get("quotes", "false") != "true"  # quote() gives inner quotes
    ):
        text = String(_flip(self, str(text), inner=False))
    if "macro" not in self.attrib and not ROMANESQUE.search(str(text)):
        # citeproc-js drops italics from text without Latin (or similar) letters: Chinese
        # titles are not italicised.
        text = self.vertical_align(self.text_decoration(self.font_weight(self.font_variant(text))))
    else:
        text = self.format(text)
    return self.wrap(self.quote(text))


def _variable(self, item, context):
    variable = self.get("variable")
    if variable == "locator":
        repressed = context.get_layout().repressed
        if self.tag in repressed and variable in repressed[self.tag]:
            return None
        locator = item.locator
        if locator.label == "page":
            return String(page_range(str(locator.identifier), self, "page"))
        return String(str(locator.identifier).replace("-", "\u2013"))
    return _original["_variable"](self, item, context)


# --- Conditions ------------------------------------------------------------------------------

_NUMERIC = re.compile(
    r"^\s*[A-Za-z]*\d+[A-Za-z]*(?:\s*(?:[-\u2013,&]|and)\s*[A-Za-z]*\d+[A-Za-z]*)*\s*$"
)


def _is_numeric(self, item):
    # CSL counts "2-4", "2, 3" and "2 & 3" as numeric; citeproc-py only single numbers.
    results = []
    for variable in self.get("is-numeric").split():
        if variable == "locator":  # the cite's, not the work's
            value = item.locator.identifier if item.has_locator else None
        else:
            value = item.reference.get(variable.replace("-", "_"))
        results.append(value is not None and bool(_NUMERIC.match(str(value))))
    return results


def _if_render(self, item, context=None, delimiter="", **kwargs):
    # citeproc-py ignores `disambiguate="true"`, so the condition was always met: MLA added the
    # title to every in-text citation. It is true only for items being disambiguated.
    results = []
    if "disambiguate" in self.attrib:
        wanted = self.get("disambiguate") == "true"
        disambiguated = getattr(item.bibliography, "disambiguated", ())
        results.append((item.key in disambiguated) == wanted)
    for attribute, test in (
        ("type", self._type),
        ("variable", self._variable),
        ("is-numeric", self._is_numeric),
        ("is-uncertain-date", self._is_uncertain_date),
        ("locator", self._locator),
    ):
        if attribute in self.attrib:
            results += test(item)
    if "position" in self.attrib:
        results += self._position(item, context)
    match = self.get("match", "all")
    if match == "any":
        passed = any(results)
    elif match == "none":
        passed = not any(results)
    else:
        passed = all(results)
    if not passed:
        raise model.ConditionFailed
    return self.render_children(item, context=context, delimiter=delimiter, **kwargs)


def _date_part_process(self, date, context=None):
    text = _original["date_part"](self, date, context)
    if self.get("name") == "year" and date.get("year_suffix") and text:
        return str(text) + date["year_suffix"]
    return text


def _ordinal(number, context):
    # citeproc-py took the zh-TW locale's empty ordinal suffix for a missing one and fell back
    # to English ("2nd版" for "2版"): the first locale that has any ordinal term decides.
    root = context.get_root()
    locales = getattr(root, "locales", None) or root.style.locales
    terms = [(f"ordinal-{number:02}", False), (f"ordinal-{number % 10:02}", True)]
    for locale in locales:
        for name, padded in [*terms, ("ordinal", False)]:
            try:
                term = locale.get_term(name, None, zero_padded=padded)
            except IndexError:
                continue
            return str(number) + str(term.single)
    return str(number)


def install() -> None:
    _original["_variable"] = model.Text._variable
    _original["date_part"] = model.Date_Part.process
    model.Quoted.quote = _quote
    model.TextCased.case = _case
    model.Text.process = _text_process
    model.Text.markup = _text_markup
    model.Text._variable = _variable
    model.If.render = _if_render
    model.If._is_numeric = _is_numeric
    model.Date_Part.process = _date_part_process
    model.to_ordinal = _ordinal
