"""Formatted references checked against the style manuals, written out by hand: APA 7th,
Chicago 18th (author-date and notes-bibliography), MLA 9th and GB/T 7714-2015, for every kind
of work in tests/cite/fixtures.py, cited with and without a pinpoint.

Each expectation was written from the style's rules and then cross-checked with citeproc-js.
Where citeproc-js is wrong by the rules, the rule wins and a comment says so; there are two such
places: authors named in Chinese script are cited by their whole name (張雅君, not 張), and
GB/T pinpoints are kept as a superscript after the citation. Chinese-language works follow
Chinese conventions in every style: names in Chinese script, family name first with nothing
between (閻學通, never 閻, 學通), titles never re-cased; terms (頁, 期, 收入) and quotation marks
(「」) come from the interface language's CSL locale, as the issue asks.

Text is compared as a reader sees it: white space collapsed, and the space between Chinese and
Latin script, which is typesetting, ignored (see canonical()). Citations that must show a
superscript (GB/T) are compared with their markup.
"""

import re

import pytest

from sources.cite.engine import CiteItem, Processor
from tests.cite.fixtures import ITEMS, PINPOINTS, create_source
from tests.cite.style_expectations import EXPECTED
from tests.cite.test_against_citeproc_js import canonical


def seen(text: str, *, markup: bool) -> str:
    """What a reader sees: text with runs of white space collapsed (canonical()), without the
    markup unless the expectation is about it (GB/T superscripts)."""
    shown = canonical(text)
    return shown if markup else re.sub(r"</?(?:b|i|sc|sup|sub)>", "", shown)


def _formatted(style_id, lang, name, *, pinpointed):
    source = create_source(ITEMS[name])
    label, locator = PINPOINTS[name] if pinpointed else ("page", "")
    processor = Processor(style_id, lang)
    processor.register([source])
    citation = processor.cite([CiteItem(source.citation_key, locator=locator, label=label)])
    return citation, processor.bibliography()[0]


def _params(kind):
    for (style_id, lang, name), expected in EXPECTED.items():
        if kind == "pinpointed" and expected.pinpointed is None:
            continue
        yield pytest.param(style_id, lang, name, id=f"{style_id}/{lang}/{name}")


@pytest.mark.parametrize("cited", ["cited-without-pinpoint", "cited-with-pinpoint"])
@pytest.mark.parametrize(("style_id", "lang", "name"), list(_params("reference")))
def test_reference_list_entry(db, style_id, lang, name, cited):
    """The entry a reader copies (Entry.text), whether or not the page cited a pinpoint: a
    pinpoint never replaces the page range."""
    _, entry = _formatted(style_id, lang, name, pinpointed=cited.endswith("-with-pinpoint"))
    expected = EXPECTED[style_id, lang, name].reference
    assert seen(entry.text, markup=False) == seen(expected, markup=False)


@pytest.mark.parametrize(("style_id", "lang", "name"), list(_params("citation")))
def test_citation(db, style_id, lang, name):
    citation, _ = _formatted(style_id, lang, name, pinpointed=False)
    expected = EXPECTED[style_id, lang, name].citation
    markup = "<sup>" in expected
    assert seen(citation, markup=markup) == seen(expected, markup=markup)


@pytest.mark.parametrize(("style_id", "lang", "name"), list(_params("pinpointed")))
def test_citation_with_pinpoint(db, style_id, lang, name):
    citation, _ = _formatted(style_id, lang, name, pinpointed=True)
    expected = EXPECTED[style_id, lang, name].pinpointed
    markup = "<sup>" in expected
    assert seen(citation, markup=markup) == seen(expected, markup=markup)


# The rules the issue names, each on its own, so that a failure says which rule is broken.


@pytest.mark.parametrize("lang", ["en", "zh-hant"])
@pytest.mark.parametrize("style_id", sorted({style for style, _, _ in EXPECTED}))
def test_chinese_names_are_written_whole(db, style_id, lang):
    """張雅君, never “張, 雅君”, citeproc-py's “張, . 雅君 .” or the family name alone."""
    citation, entry = _formatted(style_id, lang, "chinese_article", pinpointed=True)
    texts = [seen(entry.text, markup=False)]
    if not style_id.endswith("-numeric"):
        texts.append(seen(citation, markup=False))
    for text in texts:
        assert "張雅君" in text, text
        assert not re.search(r"張\s*[,.]|\.\s*雅君|雅君\s+\.|張(?!雅君)", text), text


ENGLISH_QUOTING = [
    "chicago-author-date",
    "chicago-notes-bibliography",
    "modern-language-association",
]


@pytest.mark.parametrize("style_id", ENGLISH_QUOTING)
def test_english_titles_in_quotation_marks_take_the_period_inside(db, style_id):
    """American usage: “Cooperation under the Security Dilemma.” and, in notes, “…,”."""
    citation, entry = _formatted(style_id, "en", "article", pinpointed=False)
    texts = [seen(entry.text, markup=False)]
    if style_id == "chicago-notes-bibliography":
        texts.append(seen(citation, markup=False))
    for text in texts:
        assert re.search(r"Dilemma[.,]”", text), text
        assert not re.search(r"”[.,]", text), text


@pytest.mark.parametrize("style_id", ENGLISH_QUOTING)
def test_chicago_and_mla_give_given_names_whole(db, style_id):
    _, entry = _formatted(style_id, "en", "chapter", pinpointed=False)
    assert seen(entry.text, markup=False).startswith("Snyder, Jack.")
    _, entry = _formatted(style_id, "en", "book", pinpointed=False)
    assert seen(entry.text, markup=False).startswith("Snyder, Glenn H.")
